package io.scaledapi.operator.engine;

/**
 * The directions in which replicas are frozen, as KEDA's {@code paused-scale-out} and {@code
 * paused-scale-in}: a paused direction is never moved in, whatever the signals, the fallback or the
 * bounds ask. Recommendations are still recorded, so the stabilization windows see them.
 */
public record Pause(boolean scaleUp, boolean scaleDown) {

  /** Neither direction paused. */
  public static final Pause NONE = new Pause(false, false);

  /** {@code desired}, or {@code current} when reaching it would move in a paused direction. */
  Limited hold(int current, int desired) {
    if (scaleUp && desired > current) {
      return new Limited(current, Limit.SCALE_UP_PAUSED);
    }
    if (scaleDown && desired < current) {
      return new Limited(current, Limit.SCALE_DOWN_PAUSED);
    }
    return Limited.unlimited(desired);
  }
}
