package io.scaledapi.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.PredictionMode;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** spec.prediction as the reconciler reads it; each bad field named with its fix. */
class PredictionSettingsTest {
  static final ArrivalRateSpec ARRIVALS = new ArrivalRateSpec("sum(rate(a[1m]))");

  static ScaledApiSpec spec(ArrivalRateSpec arrivals, PredictionSpec prediction) {
    return new ScaledApiSpec(
        new ScaleTargetRef(null, null, "api"),
        1,
        10,
        null,
        null,
        new QueueSpec("sum(q)", 10.0),
        null,
        arrivals,
        prediction,
        null,
        null,
        null,
        null,
        null);
  }

  static PredictionSpec prediction(
      String leadTime, String history, String season, Double confidence, IntOrString capacity) {
    return new PredictionSpec(null, leadTime, history, season, confidence, capacity, null);
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of(
            spec(null, prediction(null, null, null, null, null)),
            "spec.prediction needs spec.arrivalRate.query: give a PromQL query for requests per"
                + " second, e.g. sum(rate(api_requests_arrived_total[1m]))"),
        Arguments.of(
            spec(ARRIVALS, prediction("soon", null, null, null, null)),
            "spec.prediction.leadTime must be auto or a duration: 'soon' is not a duration; write"
                + " a number and a unit, e.g. 250ms, 15s, 1m30s"),
        Arguments.of(
            spec(ARRIVALS, prediction("2h", null, null, null, null)),
            "spec.prediction.leadTime must be auto or between 1s and 1h, e.g. 90s; got 2h"),
        Arguments.of(
            spec(ARRIVALS, prediction(null, "30m", null, null, null)),
            "spec.prediction.history must be between 1h and 90d; got 30m"),
        Arguments.of(
            spec(ARRIVALS, prediction(null, "1y", null, null, null)),
            "spec.prediction.history: '1y' is not a duration; write a number and a unit, e.g."
                + " 36h, 7d, 2w"),
        Arguments.of(
            spec(ARRIVALS, prediction(null, null, "5w", null, null)),
            "spec.prediction.seasonLength must be between 1h and 28d; got 5w"),
        Arguments.of(
            spec(ARRIVALS, prediction(null, null, null, 0.2, null)),
            "spec.prediction.confidence must be between 0.5 and 0.999, e.g. 0.9; got 0.2"),
        Arguments.of(
            spec(ARRIVALS, prediction(null, null, null, null, new IntOrString(0))),
            "spec.prediction.capacityPerReplica must be auto or a positive number of requests"
                + " per second, e.g. 50; got 0"),
        Arguments.of(
            spec(ARRIVALS, prediction(null, null, null, null, new IntOrString("lots"))),
            "spec.prediction.capacityPerReplica must be auto or a positive number of requests"
                + " per second, e.g. 50; got lots"));
  }

  /** The prediction settings of a valid spec; empty when off or when the spec is invalid. */
  static Optional<PredictionSettings> settingsOf(ScaledApiSpec spec) {
    return SpecParser.parse(spec) instanceof ParsedSpec.Valid valid
        ? valid.settings().prediction()
        : Optional.empty();
  }

  @ParameterizedTest
  @MethodSource
  void problems(ScaledApiSpec spec, String expected) {
    assertThat(SpecParser.parse(spec).problems()).containsExactly(expected);
    assertThat(settingsOf(spec)).isEmpty();
  }

  @Test
  void defaultsAreAutoLeadTimeAutoCapacityDailySeasonAndSevenDays() {
    PredictionSettings s =
        settingsOf(spec(ARRIVALS, prediction(null, null, null, null, null))).get();
    assertThat(s.leadTime()).isEmpty();
    assertThat(s.capacityPerReplica()).isEmpty();
    assertThat(s.training().history()).isEqualTo(Duration.ofDays(7));
    assertThat(s.training().seasonLength()).isEqualTo(Duration.ofHours(24));
    assertThat(s.training().query()).isEqualTo("sum(rate(a[1m]))");
    assertThat(s.confidence()).isEqualTo(0.9);
    assertThat(s.enforce()).isTrue();
  }

  @Test
  void givenValuesAreRead() {
    PredictionSpec p =
        new PredictionSpec(
            true, "90s", "2w", "7d", 0.95, new IntOrString("12.5"), PredictionMode.FORECAST_ONLY);
    PredictionSettings s = settingsOf(spec(ARRIVALS, p)).get();
    assertThat(s.leadTime()).contains(Duration.ofSeconds(90));
    assertThat(s.training().history()).isEqualTo(Duration.ofDays(14));
    assertThat(s.training().seasonLength()).isEqualTo(Duration.ofDays(7));
    assertThat(s.capacityPerReplica().getAsDouble()).isEqualTo(12.5);
    assertThat(s.enforce()).isFalse();
    assertThat(
            settingsOf(spec(ARRIVALS, prediction(null, null, null, null, new IntOrString(50))))
                .get()
                .capacityPerReplica()
                .getAsDouble())
        .isEqualTo(50);
  }

  @Test
  void disabledOrAbsentPredictionIsOff() {
    assertThat(settingsOf(spec(ARRIVALS, null))).isEmpty();
    PredictionSpec off = new PredictionSpec(false, "soon", null, null, null, null, null);
    assertThat(settingsOf(spec(ARRIVALS, off))).isEmpty();
    // a disabled block is not checked: nothing of it is used
    List<String> problems = new ArrayList<>();
    assertThat(PredictionSettings.parse(spec(ARRIVALS, off), problems)).isEqualTo(Optional.empty());
    assertThat(problems).isEmpty();
  }
}
