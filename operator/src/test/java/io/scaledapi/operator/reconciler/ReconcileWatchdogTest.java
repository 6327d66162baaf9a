package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconcileWatchdogTest {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final List<String> deleted = new ArrayList<>();
  private final ReconcileWatchdog watchdog =
      new ReconcileWatchdog(clock, (ns, name) -> deleted.add(ns + "/" + name));

  private static ScaledApi scaledApi(String ns, String polling, String timeout) {
    return TestScaledApis.scaledApi(ns, TestScaledApis.minimalSpec(polling, timeout));
  }

  private void started(ScaledApi scaledApi) {
    watchdog.reconciliationExecutionStarted(scaledApi, Map.of());
  }

  @Test
  void nothingIsOverdueBeforeAnyReconcile() {
    clock.advance(Duration.ofDays(1));

    assertThat(watchdog.overdue()).isEmpty();
  }

  @Test
  void aReconcileIsOverdueAfterThreeIntervalsTheQueriesAndTheGrace() {
    // 3 x 10s + 6 x 2s + 30s = 72s
    started(scaledApi("shop", "10s", "2s"));

    clock.advance(Duration.ofSeconds(72));
    assertThat(watchdog.overdue()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(watchdog.overdue()).hasValue("shop/api: no reconcile started for 73s (72s allowed)");
  }

  @Test
  void aNewReconcileStartsTheWaitAgain() {
    ScaledApi scaledApi = scaledApi("shop", "10s", "2s");
    started(scaledApi);
    clock.advance(Duration.ofSeconds(70));
    started(scaledApi);

    clock.advance(Duration.ofSeconds(70));

    assertThat(watchdog.overdue()).isEmpty();
  }

  @Test
  void theMostOverdueScaledApiIsNamed() {
    started(scaledApi("early", "1s", "1s"));
    clock.advance(Duration.ofSeconds(10));
    started(scaledApi("late", "1s", "1s"));

    clock.advance(Duration.ofSeconds(100));

    assertThat(watchdog.overdue())
        .hasValue("early/api: no reconcile started for 110s (39s allowed)");
  }

  @Test
  void aDeletedScaledApiIsForgottenAndItsHoldersAreTold() {
    started(scaledApi("gone", "1s", "1s"));

    watchdog.cleanupDoneFor(new ResourceID("api", "gone"), Map.of());
    clock.advance(Duration.ofHours(1));

    assertThat(watchdog.overdue()).isEmpty();
    assertThat(deleted).containsExactly("gone/api");
  }

  @Test
  void otherResourcesAreIgnored() {
    watchdog.reconciliationExecutionStarted(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("x")
            .withNamespace("y")
            .endMetadata()
            .build(),
        Map.of());
    clock.advance(Duration.ofHours(1));

    assertThat(watchdog.overdue()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "none, none, 105000", // 15s polling and 5s timeout by default
        "1s, 100ms, 33600",
        "1h, 5m, 12630000",
        "10s, nonsense, 90000" // an unreadable timeout counts as the default
      })
  void theAllowedGapFollowsTheSpec(String polling, String timeout, long millis) {
    ScaledApi scaledApi = scaledApi("shop", polling, timeout);

    assertThat(ReconcileWatchdog.allowedGap(scaledApi.getSpec()))
        .isEqualTo(Duration.ofMillis(millis));
  }
}
