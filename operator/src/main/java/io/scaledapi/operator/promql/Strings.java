package io.scaledapi.operator.promql;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** String literals of PromQL: decoding them with Go's escapes, and quoting them back. */
final class Strings {
  private Strings() {}

  /** {@code value} in double quotes, escaped so that PromQL reads back the same string. */
  static String quote(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            text.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }

  /**
   * The value of a string token ({@code "..."}, {@code '...'} or {@code `...`}), with Go's escapes:
   * {@code \n}, {@code \x41}, {@code \101}, {@code \u00e9}, {@code \U0001F600} and the like.
   *
   * @param query the whole query, for error positions
   * @param position offset of the token in the query
   * @throws PromQlException for an unknown or malformed escape, or bytes that are not UTF-8
   */
  static String unquote(String query, int position, String token) {
    char quote = token.charAt(0);
    String body = token.substring(1, token.length() - 1);
    if (quote == '`') {
      return body;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
    int i = 0;
    while (i < body.length()) {
      int at = i;
      char c = body.charAt(i++);
      if (c != '\\') {
        int end = Character.isHighSurrogate(c) && i < body.length() ? i + 1 : i;
        bytes.writeBytes(body.substring(at, end).getBytes(StandardCharsets.UTF_8));
        i = end;
        continue;
      }
      Escape escape = escape(body, i, quote);
      if (escape.problem() != null) {
        throw new PromQlException(query, position + 1 + at, escape.problem());
      }
      if (escape.isByte()) {
        bytes.write(escape.value());
      } else {
        bytes.writeBytes(Character.toString(escape.value()).getBytes(StandardCharsets.UTF_8));
      }
      i = escape.end();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PromQlException(
          query,
          position,
          "string is not valid UTF-8 after its byte escapes; write the characters themselves");
    }
  }

  /** One escape after a backslash: a code point or a byte, or a problem. */
  private record Escape(int value, boolean isByte, int end, String problem) {
    static Escape problem(String problem) {
      return new Escape(0, false, 0, problem);
    }
  }

  private static Escape escape(String body, int i, char quote) {
    if (i >= body.length()) {
      return Escape.problem("escape sequence not terminated");
    }
    char c = body.charAt(i);
    int simple = "abfnrtv\\".indexOf(c);
    if (simple >= 0) {
      return new Escape("\u0007\b\f\n\r\t\u000b\\".charAt(simple), false, i + 1, null);
    }
    if (c == quote) {
      return new Escape(c, false, i + 1, null);
    }
    int digits;
    int radix;
    int start = i;
    boolean isByte = true;
    if (c >= '0' && c <= '7') {
      digits = 3;
      radix = 8;
    } else if (c == 'x') {
      digits = 2;
      radix = 16;
      start++;
    } else if (c == 'u' || c == 'U') {
      digits = c == 'u' ? 4 : 8;
      radix = 16;
      start++;
      isByte = false;
    } else {
      return Escape.problem("unknown escape sequence \"\\" + c + "\"");
    }
    if (start + digits > body.length()) {
      return Escape.problem("escape sequence not terminated");
    }
    String number = body.substring(start, start + digits);
    if (!number.chars().allMatch(d -> Character.digit(d, radix) >= 0 && d < 128)) {
      return Escape.problem(
          "illegal character in escape sequence \"\\" + body.substring(i, start + digits) + "\"");
    }
    long value = Long.parseLong(number, radix);
    long max = isByte ? 255 : Character.MAX_CODE_POINT;
    if (value > max || (value >= 0xD800 && value < 0xE000)) {
      return Escape.problem("escape sequence is an invalid Unicode code point");
    }
    return new Escape((int) value, isByte, start + digits, null);
  }
}
