package io.scaledapi.example.queueapi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --name value} pairs from a command line, restricted to known names. */
final class Flags {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  static Flags parse(String[] args, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!name.startsWith("--") || !known.contains(name.substring(2))) {
        throw new IllegalArgumentException("unknown option " + name + "; known: " + known);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      values.put(name.substring(2), args[i + 1]);
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
    int value = has(name) ? Integer.parseInt(values.get(name)) : fallback;
    if (value < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return value;
  }

  double positiveDouble(String name, double fallback) {
    double value = has(name) ? Double.parseDouble(values.get(name)) : fallback;
    if (!(value > 0)) {
      throw new IllegalArgumentException("--" + name + " must be greater than 0");
    }
    return value;
  }

  Duration duration(String name, Duration fallback) {
    return has(name) ? parseDuration(values.get(name)) : fallback;
  }

  /** {@code 50ms}, {@code 2s} or {@code 1m}. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text + " (e.g. 50ms, 2s, 1m)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
