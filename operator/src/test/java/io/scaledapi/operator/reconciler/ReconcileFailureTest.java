package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.FakeMetricsSources.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.scaledapi.api.v1alpha1.ScaledApi;
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

  static ScaledApi scaledApi() {
    ScaledApi api = TestScaledApis.scaledApi("shop", TestScaledApis.minimalSpec(null));
    api.getMetadata().setGeneration(1L);
    return api;
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
    FakedReconciler r = FakedReconciler.of(4, constant(0));
    ScaledApi api = scaledApi();
    r.targets().failReadsWith(fault);

    AtomicReference<UpdateControl<ScaledApi>> control = new AtomicReference<>();
    assertThatCode(() -> control.set(r.reconciler().reconcile(api, FakeContext.live())))
        .as("nothing escapes the reconcile")
        .doesNotThrowAnyException();
    assertThat(control.get().getScheduleDelay()).contains(15_000L);
    assertThat(control.get().isPatchStatus()).isTrue();
    Condition ready =
        MockCluster.condition(control.get().getResource().orElseThrow().getStatus(), "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileFailed");
    assertThat(ready.getMessage()).isEqualTo(MESSAGE.formatted(name));
    assertThat(r.events().warnings())
        .containsExactly("Warning ReconcileFailed: " + MESSAGE.formatted(name));
    assertThat(r.reconciles("error")).isEqualTo(1);

    // the next poll fails the same way: no second Warning
    api.setStatus(control.get().getResource().orElseThrow().getStatus());
    r.clock().advance(java.time.Duration.ofSeconds(15));
    assertThat(r.reconciler().reconcile(api, FakeContext.live()).getScheduleDelay())
        .contains(15_000L);
    assertThat(r.events().warnings()).hasSize(1);
    assertThat(r.reconciles("error")).isEqualTo(2);
    assertThat(r.targets().writes()).as("replicas left alone").isEmpty();

    // once the fault is gone, the next poll reconciles
    r.targets().failReadsWith(null);
    r.clock().advance(java.time.Duration.ofSeconds(15));
    UpdateControl<ScaledApi> fixed = r.reconciler().reconcile(api, FakeContext.live());
    assertThat(r.reconciles("success")).isEqualTo(1);
    assertThat(
            MockCluster.condition(fixed.getResource().orElseThrow().getStatus(), "Ready")
                .getReason())
        .isNotEqualTo("ReconcileFailed");
  }

  @Test
  void aFailingJvmIsNotHidden() {
    FakedReconciler r = FakedReconciler.of(4, constant(0));
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    r.targets().failReadsWith(oom);
    assertThatThrownBy(() -> r.reconciler().reconcile(scaledApi(), FakeContext.live()))
        .isSameAs(oom);
    assertThat(r.reconciles("error")).isEqualTo(1);
  }
}
