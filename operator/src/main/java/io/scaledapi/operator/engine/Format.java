package io.scaledapi.operator.engine;

import java.util.Locale;

/** Compact text for decision messages. */
final class Format {

  private Format() {}

  /** A number without noise: 87 not 87.000000, 0.42 not 0.420000. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double abs = Math.abs(value);
    String pattern = abs >= 0.01 && abs < 1e15 ? "%.3f" : "%.3g";
    String text = String.format(Locale.ROOT, pattern, value);
    if (text.contains(".") && !text.contains("e")) {
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text;
  }

  /** A rate for people: 540, 12.5, 0.42. */
  static String rate(double value) {
    double abs = Math.abs(value);
    if (abs >= 100 || !Double.isFinite(value)) {
      return number(Math.rint(value));
    }
    return number(abs >= 10 ? Math.rint(value * 10) / 10 : Math.rint(value * 100) / 100);
  }

  /** A share as a percentage: 0.7 is "70%", 0.125 is "12.5%". */
  static String percent(double share) {
    return number(Math.rint(share * 1000) / 10) + "%";
  }

  /** A backlog for people: whole requests. */
  static String backlog(double requests) {
    return number(Math.rint(Math.max(0.0, requests)));
  }

  /** "1 replica", "9 replicas". */
  static String replicas(int count) {
    return count == 1 ? "1 replica" : count + " replicas";
  }

  /** The part of a message naming a limit, starting with "; ", or empty for {@link Limit#NONE}. */
  static String limitSuffix(Limit limit, int replicas) {
    String text =
        switch (limit) {
          case NONE -> "";
          case MIN_REPLICAS -> "limited to " + replicas + " by minReplicas";
          case MAX_REPLICAS -> "limited to " + replicas + " by maxReplicas";
          case SCALE_UP_RATE -> "limited to " + replicas + " by scale-up policy";
          case SCALE_DOWN_RATE -> "limited to " + replicas + " by scale-down policy";
          case SCALE_UP_STABILIZATION ->
              "held at " + replicas + " by scale-up stabilization window";
          case SCALE_DOWN_STABILIZATION ->
              "held at " + replicas + " by scale-down stabilization window";
          case SCALING_DISABLED -> "held at " + replicas + ", scaling disabled by policy";
          case SCALE_UP_PAUSED -> "held at " + replicas + " by spec.pausedScaleUp";
          case SCALE_DOWN_PAUSED -> "held at " + replicas + " by spec.pausedScaleDown";
        };
    return text.isEmpty() ? "" : "; " + text;
  }
}
