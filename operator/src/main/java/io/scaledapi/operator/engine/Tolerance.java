package io.scaledapi.operator.engine;

/**
 * The usage ratios around 1 that leave replicas alone, per direction, as the HPA's {@code
 * behavior.scaleUp.tolerance} and {@code scaleDown.tolerance} (KEP-4951): a ratio above {@code 1 +
 * scaleUp} scales up, one below {@code 1 - scaleDown} scales down.
 */
public record Tolerance(double scaleUp, double scaleDown) {

  /** The HPA's default, 0.1 in each direction. */
  public static final Tolerance DEFAULT = both(0.1);

  /** Checks that each is finite and not negative. */
  public Tolerance {
    check("scaleUp", scaleUp);
    check("scaleDown", scaleDown);
  }

  /** The same tolerance in both directions. */
  public static Tolerance both(double tolerance) {
    return new Tolerance(tolerance, tolerance);
  }

  /** True when {@code usageRatio} is close enough to 1 to keep the current count. */
  boolean isWithin(double usageRatio) {
    return 1.0 - scaleDown <= usageRatio && usageRatio <= 1.0 + scaleUp;
  }

  private static void check(String direction, double tolerance) {
    if (!Double.isFinite(tolerance) || tolerance < 0) {
      throw new IllegalArgumentException(
          direction + " tolerance must be finite and >= 0: " + tolerance);
    }
  }
}
