package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OperatingModeTest {

  private static ScaledApiSpec spec(Mode mode, boolean paused, boolean up, boolean down) {
    ScaledApiReconcilerTest.Spec spec = ScaledApiReconcilerTest.spec().mode(mode);
    spec = paused ? spec.paused() : spec;
    spec = up ? spec.pausedScaleUp() : spec;
    return (down ? spec.pausedScaleDown() : spec).build();
  }

  static Stream<Arguments> modes() {
    Mode enforce = Mode.ENFORCE;
    Mode dryRun = Mode.DRY_RUN;
    return Stream.of(
        Arguments.of(spec(null, false, false, false), "Enforce"),
        Arguments.of(spec(enforce, false, false, false), "Enforce"),
        Arguments.of(spec(dryRun, false, false, false), "DryRun"),
        Arguments.of(spec(enforce, true, false, false), "Paused"),
        Arguments.of(spec(dryRun, true, false, false), "Paused"),
        Arguments.of(spec(enforce, false, true, false), "ScaleUpPaused"),
        Arguments.of(spec(enforce, false, false, true), "ScaleDownPaused"),
        Arguments.of(spec(enforce, false, true, true), "Paused"),
        Arguments.of(spec(dryRun, false, false, true), "DryRun"),
        Arguments.of(null, "Enforce"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource
  void modes(ScaledApiSpec spec, String mode) {
    assertThat(OperatingMode.of(spec)).isEqualTo(mode);
  }
}
