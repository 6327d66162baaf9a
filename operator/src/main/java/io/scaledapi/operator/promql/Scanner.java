package io.scaledapi.operator.promql;

/**
 * Reads a query character by character for the {@link Lexer}: where it is, what comes next, and the
 * runs of characters that make numbers, durations and strings, as the Prometheus lexer reads them.
 */
abstract class Scanner {
  final String input;
  int pos;
  int start;

  Scanner(String input) {
    this.input = input;
  }

  /** Scans digits (hexadecimal after 0x), a fraction and an exponent; false if a letter follows. */
  boolean scanNumber() {
    boolean hex = peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X');
    if (hex) {
      pos += 2;
    }
    while (isDigit(peek(0)) || (hex && isHexLetter(peek(0)))) {
      pos++;
    }
    if (accept('.')) {
      while (isDigit(peek(0)) || (hex && isHexLetter(peek(0)))) {
        pos++;
      }
    }
    if (accept('e') || accept('E')) {
      if (!accept('+')) {
        accept('-');
      }
      while (isDigit(peek(0))) {
        pos++;
      }
    }
    return !isAlphaNumeric(peek(0));
  }

  /** After the digits: a unit, then more digits and units, ending at a non-word character. */
  boolean remainingDuration() {
    if (!acceptAny("smhdwy")) {
      return false;
    }
    accept('s');
    while (isDigit(peek(0))) {
      while (isDigit(peek(0))) {
        pos++;
      }
      if (!acceptAny("smhdw")) {
        return false;
      }
      accept('s');
    }
    return !isAlphaNumeric(peek(0));
  }

  char peek(int ahead) {
    int i = pos + ahead;
    return i < input.length() ? input.charAt(i) : '\0';
  }

  boolean accept(char c) {
    if (pos < input.length() && input.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  boolean acceptAny(String chars) {
    if (pos < input.length() && chars.indexOf(input.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  PromQlException error(String problem) {
    return new PromQlException(input, start, problem);
  }

  static String quote(char c) {
    return c == '\0' ? "end of input" : quote(String.valueOf(c));
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlpha(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlphaNumeric(char c) {
    return isAlpha(c) || isDigit(c);
  }

  static boolean isHexLetter(char c) {
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A quoted string, the opening quote next; its escapes are checked as it is decoded. */
  void scanString(char quote) {
    pos++;
    while (true) {
      char c = peek(0);
      if (pos >= input.length() || c == '\n') {
        throw error("unterminated quoted string");
      }
      pos++;
      if (c == '\\') {
        if (pos >= input.length()) {
          throw error("unterminated quoted string");
        }
        pos++;
      } else if (c == quote) {
        break;
      } else if (c == '\uFFFD') {
        throw error("invalid UTF-8 character in string");
      }
    }
    // Escapes are checked when the string is decoded, with their positions.
    Strings.unquote(input, start, input.substring(start, pos));
  }

  /** A raw string in backquotes, the opening one next. */
  void scanRawString() {
    pos++;
    while (pos < input.length() && input.charAt(pos) != '`') {
      if (input.charAt(pos) == '\uFFFD') {
        throw error("invalid UTF-8 character in string");
      }
      pos++;
    }
    if (pos >= input.length()) {
      throw error("unterminated raw string");
    }
    pos++;
  }
}
