package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.SignalStatus;
import io.scaledapi.api.v1alpha1.SignalsStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPatchTest {
  static final ScaledApiStatus STATUS =
      new ScaledApiStatus(3L, 4, 9, null, null, null, null, 0, "Enforce", List.of());

  static ScaledApi observed() {
    ScaledApi sapi = TestScaledApis.scaledApi("shop", TestScaledApis.minimalSpec(null));
    sapi.getMetadata().setResourceVersion("42");
    sapi.getMetadata().setLabels(java.util.Map.of("team", "a"));
    return sapi;
  }

  @Test
  void serverSideApplyPatchCarriesIdentityAndStatusOnly() {
    ScaledApi patch = StatusPatch.of(observed(), STATUS);
    assertThat(patch.getApiVersion()).isEqualTo("autoscaling.scaledapi.io/v1alpha1");
    assertThat(patch.getKind()).isEqualTo("ScaledApi");
    assertThat(patch.getMetadata().getName()).isEqualTo("api");
    assertThat(patch.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(patch.getMetadata().getResourceVersion()).isNull();
    assertThat(patch.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(patch.getSpec()).isNull();
    assertThat(patch.getStatus()).isEqualTo(STATUS);
  }

  static ScaledApiStatus read(double queue, String at, Double forecast) {
    return new ScaledApiStatus(
        3L,
        4,
        9,
        null,
        null,
        new SignalsStatus(new SignalStatus(queue, at, null), null, null),
        new ForecastStatus(
            forecast, null, null, "75s", at, "seasonal", null, null, null, null, null),
        0,
        null,
        List.of());
  }

  @Test
  void sampleTimesAloneAreNoReasonToPatch() {
    assertThat(
            StatusPatch.needed(
                read(95, "2025-01-01T00:00:00Z", 12.0), read(95, "2025-01-01T00:00:15Z", 12.0)))
        .isFalse();
  }

  @Test
  void anyValueAReaderSeesIsAReasonToPatch() {
    ScaledApiStatus before = read(95, "2025-01-01T00:00:00Z", 12.0);
    assertThat(StatusPatch.needed(before, read(96, "2025-01-01T00:00:15Z", 12.0)))
        .as("signal value")
        .isTrue();
    assertThat(StatusPatch.needed(before, read(95, "2025-01-01T00:00:15Z", 13.0)))
        .as("forecast rate")
        .isTrue();
    assertThat(StatusPatch.needed(null, before)).as("no status yet").isTrue();
  }
}
