package io.scaledapi.operator.promql;

import io.scaledapi.operator.promql.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens, following the Prometheus 2.x lexer: inside braces every word is a
 * label name; inside brackets only durations and a colon; {@code #} starts a comment that runs to
 * the end of the line.
 */
final class Lexer extends Scanner {
  private final List<Token> tokens = new ArrayList<>();
  private int parenDepth;
  private boolean braceOpen;
  private boolean bracketOpen;
  private boolean gotColon;

  private Lexer(String input) {
    super(input);
  }

  /** The tokens of {@code input}, comments left out, ending with {@link Type#EOF}. */
  static List<Token> tokens(String input) {
    Lexer lexer = new Lexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      start = pos;
      if (input.startsWith("#", pos)) {
        while (pos < input.length() && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
          pos++;
        }
        continue;
      }
      if (pos >= input.length()) {
        if (braceOpen) {
          throw error("unexpected end of input inside braces");
        }
        if (parenDepth != 0) {
          throw error("unclosed left parenthesis");
        }
        if (bracketOpen) {
          throw error("unclosed left bracket");
        }
        emit(Type.EOF);
        return;
      }
      char c = input.charAt(pos);
      if (isSpace(c)) {
        pos++;
      } else if (braceOpen) {
        insideBraces(c);
      } else {
        statement(c);
      }
    }
  }

  private void statement(char c) {
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      numberOrDuration();
      return;
    }
    if (stringLiteral(c)) {
      return;
    }
    if (isAlpha(c) || c == ':') {
      if (!bracketOpen) {
        word(true);
        return;
      }
      if (c != ':') {
        throw error("unexpected character " + quote(c) + " inside brackets, expected \":\"");
      }
      if (gotColon) {
        throw error("unexpected colon");
      }
      gotColon = true;
      single(Type.COLON);
      return;
    }
    pos++;
    switch (c) {
      case ',' -> emit(Type.COMMA);
      case '*' -> emit(Type.MUL);
      case '/' -> emit(Type.DIV);
      case '%' -> emit(Type.MOD);
      case '+' -> emit(Type.ADD);
      case '-' -> emit(Type.SUB);
      case '^' -> emit(Type.POW);
      case '@' -> emit(Type.AT);
      case '=' -> {
        if (accept('=')) {
          emit(Type.EQLC);
        } else if (peek(0) == '~') {
          throw error("unexpected \"=~\" outside braces; a regular expression matcher goes in {}");
        } else {
          emit(Type.EQL);
        }
      }
      case '!' -> {
        if (!accept('=')) {
          throw error("unexpected character after \"!\": " + quote(peek(0)));
        }
        emit(Type.NEQ);
      }
      case '<' -> emit(accept('=') ? Type.LTE : Type.LSS);
      case '>' -> emit(accept('=') ? Type.GTE : Type.GTR);
      case '(' -> {
        parenDepth++;
        emit(Type.LEFT_PAREN);
      }
      case ')' -> {
        if (--parenDepth < 0) {
          throw error("unexpected right parenthesis");
        }
        emit(Type.RIGHT_PAREN);
      }
      case '{' -> {
        braceOpen = true;
        emit(Type.LEFT_BRACE);
      }
      case '[' -> {
        if (bracketOpen) {
          throw error("unexpected left bracket");
        }
        emit(Type.LEFT_BRACKET);
        bracketOpen = true;
        gotColon = false;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
          pos++;
        }
        start = pos;
        duration();
      }
      case ']' -> {
        if (!bracketOpen) {
          throw error("unexpected right bracket");
        }
        bracketOpen = false;
        emit(Type.RIGHT_BRACKET);
      }
      default -> throw error("unexpected character " + quote(c));
    }
  }

  /** Scans a quoted or raw string when {@code c} opens one; false otherwise. */
  private boolean stringLiteral(char c) {
    if (c == '"' || c == '\'') {
      scanString(c);
    } else if (c == '`') {
      scanRawString();
    } else {
      return false;
    }
    emit(Type.STRING);
    return true;
  }

  private void insideBraces(char c) {
    if (isAlpha(c)) {
      word(false);
      return;
    }
    if (stringLiteral(c)) {
      return;
    }
    pos++;
    switch (c) {
      case ',' -> emit(Type.COMMA);
      case '=' -> emit(accept('~') ? Type.EQL_REGEX : Type.EQL);
      case '!' -> {
        if (accept('~')) {
          emit(Type.NEQ_REGEX);
        } else if (accept('=')) {
          emit(Type.NEQ);
        } else {
          throw error("unexpected character after \"!\" inside braces: " + quote(peek(0)));
        }
      }
      case '}' -> {
        braceOpen = false;
        emit(Type.RIGHT_BRACE);
      }
      default -> throw error("unexpected character inside braces: " + quote(c));
    }
  }

  /** A word: outside braces a keyword, number (Inf, NaN) or identifier; inside, a label name. */
  private void word(boolean outsideBraces) {
    while (pos < input.length()
        && (isAlphaNumeric(input.charAt(pos)) || (outsideBraces && input.charAt(pos) == ':'))) {
      pos++;
    }
    String word = input.substring(start, pos);
    tokens.add(new Token(outsideBraces ? Token.wordType(word) : Type.IDENTIFIER, word, start));
  }

  private void numberOrDuration() {
    if (scanNumber()) {
      emit(Type.NUMBER);
    } else if (remainingDuration()) {
      emit(Type.DURATION);
    } else {
      throw error(
          "bad number or duration "
              + quote(input.substring(start, Math.min(pos + 1, input.length()))));
    }
  }

  private void duration() {
    if (!isDigit(peek(0)) && peek(0) != '.') {
      throw error("expected a duration after \"[\", e.g. 5m");
    }
    if (scanNumber()) {
      throw error("missing unit in duration " + quote(input.substring(start, pos)) + ", e.g. 5m");
    }
    if (!remainingDuration()) {
      throw error(
          "bad duration " + quote(input.substring(start, Math.min(pos + 1, input.length()))));
    }
    emit(Type.DURATION);
  }

  private void single(Type type) {
    pos++;
    emit(type);
  }

  private void emit(Type type) {
    tokens.add(new Token(type, input.substring(start, pos), start));
    start = pos;
  }
}
