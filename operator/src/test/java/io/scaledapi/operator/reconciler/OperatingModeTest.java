package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OperatingModeTest {

  private static ScaledApiSpec spec(Mode mode, Boolean paused, Boolean up, Boolean down) {
    return new ScaledApiSpec(
            new ScaleTargetRef(null, null, "api"),
            1,
            10,
            null,
            null,
            new QueueSpec("sum(q)", 10.0),
            null,
            null,
            null,
            null,
            null,
            null,
            mode,
            paused)
        .withPausedDirections(up, down);
  }

  static Stream<Arguments> modes() {
    Mode enforce = Mode.ENFORCE;
    Mode dryRun = Mode.DRY_RUN;
    return Stream.of(
        Arguments.of(spec(null, null, null, null), "Enforce"),
        Arguments.of(spec(enforce, false, false, false), "Enforce"),
        Arguments.of(spec(dryRun, null, null, null), "DryRun"),
        Arguments.of(spec(enforce, true, null, null), "Paused"),
        Arguments.of(spec(dryRun, true, null, null), "Paused"),
        Arguments.of(spec(enforce, null, true, null), "ScaleUpPaused"),
        Arguments.of(spec(enforce, null, null, true), "ScaleDownPaused"),
        Arguments.of(spec(enforce, null, true, true), "Paused"),
        Arguments.of(spec(dryRun, null, null, true), "DryRun"),
        Arguments.of(null, "Enforce"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource
  void modes(ScaledApiSpec spec, String mode) {
    assertThat(OperatingMode.of(spec)).isEqualTo(mode);
  }
}
