package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --name value} pairs from a command line, restricted to known names. Every error names the
 * flag it is about.
 */
final class Flags {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  /** True when {@code -h} or {@code --help} is among the arguments. */
  static boolean asksForHelp(String[] args) {
    return List.of(args).contains("-h") || List.of(args).contains("--help");
  }

  static Flags parse(String[] args, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name = arg.substring(2);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown flag " + arg);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      if (values.put(name, args[i + 1]) != null) {
        throw new IllegalArgumentException(arg + " is given more than once");
      }
    }
    return new Flags(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int positiveInt(String name, int fallback) {
    return intWithin(name, fallback, 1, Integer.MAX_VALUE, "a whole number of at least 1");
  }

  /** A TCP port, 0 (any free one) to 65535. */
  int port(String name, int fallback) {
    return intWithin(name, fallback, 0, 65535, "a port from 0 to 65535");
  }

  private int intWithin(String name, int fallback, int min, int max, String what) {
    String text = values.get(name);
    try {
      int value = text == null ? fallback : Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " must be " + what + ", not " + text);
  }

  /** {@code true} or {@code false}. */
  boolean bool(String name, boolean fallback) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException("--" + name + " must be true or false, not " + text);
    };
  }

  double positiveDouble(String name, double fallback) {
    String text = values.get(name);
    try {
      double value = text == null ? fallback : Double.parseDouble(text);
      if (value > 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--" + name + " must be a number greater than 0, not " + text);
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}; {@code fallback} is written the same. */
  Duration duration(String name, String fallback) {
    String text = values.getOrDefault(name, fallback);
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--" + name + " must be a duration such as 500ms, 30s, 5m or 1h, not " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
