package io.scaledapi.api.v1alpha1.apiserver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Values printed the way the API server's Go code prints them, so that messages match what {@code
 * kubectl} shows: {@code %v} for numbers and booleans, {@code %q} ({@code strconv.Quote}) for
 * strings.
 */
public final class GoText {
  private GoText() {}

  /**
   * {@code fmt.Sprintf("%v", value)} for the values a JSON document decodes to: {@code int64},
   * {@code float64}, {@code bool} and {@code string}.
   */
  public static String value(Object value) {
    if (value instanceof Double d) {
      return floatValue(d);
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new IllegalArgumentException("no Go %v for " + value.getClass().getSimpleName());
    }
    return String.valueOf(value);
  }

  /**
   * {@code %v} of a {@code float64}, which is {@code strconv.FormatFloat(f, 'g', -1, 64)}: the
   * shortest digits that read back to the same number, in exponent form when the decimal exponent
   * is below -4 or at least 6 (Go's strconv/ftoa.go: "if precision was the shortest possible, use
   * precision 6"), so 0.5, 1800, 100000 and 1e+06.
   */
  static String floatValue(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(f)).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String sign = f < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return sign + shortest.abs().toPlainString();
  }

  /** {@code strconv.Quote}: double quotes, with quotes, backslashes and control bytes escaped. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
