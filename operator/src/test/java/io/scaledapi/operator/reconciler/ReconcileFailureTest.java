package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.FakeMetricsSources.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever one reconcile throws, errors included, is reported on its ScaledApi (Ready False, one
 * Warning), counted as an error, and the ScaledApi is polled again after its interval, so that a
 * fix is picked up; replicas are left alone. Only a failing JVM is not hidden.
 */
class ReconcileFailureTest {
  static final String MESSAGE =
      "the operator failed to reconcile this ScaledApi (%s); replicas are left as they are and it"
          + " retries every 15s; see the operator's log";

  /** A ScaledApi "api" in namespace "shop", polled every 15 s, at 4 replicas with a queue of 0. */
  static ReconcilerHarness harness() {
    ReconcilerHarness h = new ReconcilerHarness(new FakeMetricsSources(constant(0)));
    h.targets.found(4);
    return h;
  }

  static ScaledApi scaledApi(ReconcilerHarness h) {
    ScaledApi api = TestScaledApis.scaledApi("shop", TestScaledApis.minimalSpec(null));
    api.getMetadata().setGeneration(1L);
    return h.add(api);
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(new StackOverflowError(), "StackOverflowError"),
        Arguments.of(new NullPointerException("p is null"), "NullPointerException"),
        Arguments.of(new ArithmeticException("long overflow"), "ArithmeticException"),
        Arguments.of(new NoClassDefFoundError("Missing"), "NoClassDefFoundError"),
        Arguments.of(new KubernetesClientException("gone"), "KubernetesClientException"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("faults")
  void aFailureIsReportedOnceAndRetriedAfterThePollingInterval(Throwable fault, String name) {
    ReconcilerHarness h = harness();
    ScaledApi api = scaledApi(h);
    h.targets.failReadsWith(fault);

    AtomicReference<UpdateControl<ScaledApi>> control = new AtomicReference<>();
    assertThatCode(() -> control.set(h.reconcile(api)))
        .as("nothing escapes the reconcile")
        .doesNotThrowAnyException();
    assertThat(control.get().getScheduleDelay()).contains(15_000L);
    assertThat(control.get().isPatchStatus()).isTrue();
    Condition ready = Cluster.condition(api.getStatus(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileFailed");
    assertThat(ready.getMessage()).isEqualTo(MESSAGE.formatted(name));
    assertThat(h.events.warnings())
        .containsExactly("Warning ReconcileFailed: " + MESSAGE.formatted(name));
    assertThat(h.reconciles("error")).isEqualTo(1);

    // the next poll fails the same way: no second Warning, and nothing new to patch
    h.advance(Duration.ofSeconds(15));
    UpdateControl<ScaledApi> again = h.reconcile(api);
    assertThat(again.getScheduleDelay()).contains(15_000L);
    assertThat(again.isNoUpdate()).isTrue();
    assertThat(h.events.warnings()).hasSize(1);
    assertThat(h.reconciles("error")).isEqualTo(2);
    assertThat(h.targets.attempts()).as("replicas left alone").isEmpty();

    // once the fault is gone, the next poll reconciles
    h.targets.failReadsWith(null);
    h.advance(Duration.ofSeconds(15));
    UpdateControl<ScaledApi> fixed = h.reconcile(api);
    assertThat(fixed.isPatchStatus()).isTrue();
    assertThat(h.reconciles("success")).isEqualTo(1);
    assertThat(Cluster.condition(api.getStatus(), Conditions.READY).getReason())
        .isEqualTo("Reconciled");
  }

  @Test
  void aFailingJvmIsNotHidden() {
    ReconcilerHarness h = harness();
    ScaledApi api = scaledApi(h);
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    h.targets.failReadsWith(oom);
    assertThatThrownBy(() -> h.reconcile(api)).isSameAs(oom);
    assertThat(h.reconciles("error")).isEqualTo(1);
  }
}
