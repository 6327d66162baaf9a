package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;

/**
 * What the operator does with its decisions, for {@code status.mode} and the Mode column of {@code
 * kubectl get sapi}: the first of Paused (spec.paused, or both directions paused), DryRun,
 * ScaleUpPaused, ScaleDownPaused, Enforce.
 */
final class OperatingMode {
  static final String PAUSED = "Paused";
  static final String DRY_RUN = "DryRun";
  static final String SCALE_UP_PAUSED = "ScaleUpPaused";
  static final String SCALE_DOWN_PAUSED = "ScaleDownPaused";
  static final String ENFORCE = "Enforce";

  private OperatingMode() {}

  static String of(ScaledApiSpec spec) {
    if (spec == null) {
      return ENFORCE;
    }
    boolean up = spec.pausedScaleUpOrDefault();
    boolean down = spec.pausedScaleDownOrDefault();
    if (spec.pausedOrDefault() || (up && down)) {
      return PAUSED;
    }
    if (spec.modeOrDefault() == Mode.DRY_RUN) {
      return DRY_RUN;
    }
    return up ? SCALE_UP_PAUSED : down ? SCALE_DOWN_PAUSED : ENFORCE;
  }
}
