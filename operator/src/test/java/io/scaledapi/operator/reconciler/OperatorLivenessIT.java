package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.testing.FakeHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An operator whose reconciles have stopped reports itself unhealthy, so that Kubernetes restarts
 * it. The wedge is the one memory exhaustion caused: the framework's timer thread dies, and no
 * rescheduled reconcile ever runs again while every informer stays healthy.
 */
// Thread.stop wedges the framework as a dead timer thread does, which is the case under test
@SuppressWarnings("deprecation")
class OperatorLivenessIT {
  static final String ONE_SERIES =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          + "{\"metric\":{},\"value\":[1700000000,\"42\"]}]}}";

  @Test
  @SuppressWarnings("removal") // Thread.stop: the way to kill a thread the test does not own
  void anOperatorWhoseReconcilesStoppedIsUnhealthy() {
    RealCluster cluster = RealCluster.create("wedged");
    String ns = cluster.ns("wedged");
    try (FakeHttpServer prometheus = FakeHttpServer.http().respondJson(200, ONE_SERIES)) {
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      try (ScaledApiOperator operator =
          cluster.startOperator(prometheus.baseUri(), Clock.systemUTC())) {
        List<Thread> timers =
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> t.getClass().getName().equals("java.util.TimerThread"))
                .toList();
        assertThat(timers).as("the operator's timer threads").isNotEmpty();
        cluster.createDeployment(ns, "api", 1);
        cluster.createScaledApi(ns, spec());
        cluster.awaitStatus(ns, s -> assertThat(s.signals().queueDepth().value()).isEqualTo(42.0));
        assertThat(operator.healthy()).as("healthy while reconciling").isTrue();

        timers.forEach(Thread::stop);
        long start = System.nanoTime();
        await("/healthz turns false once reconciles are overdue")
            .dontCatchUncaughtExceptions() // the timer thread's death is the point
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> !operator.healthy());
        System.out.printf(
            "[liveness] unhealthy %d ms after the timer thread died (polling 1s, timeout 500ms)%n",
            Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(operator.ready()).as("/readyz keeps its meaning: informers are up").isTrue();
      }
    } finally {
      cluster.close();
    }
  }

  private static ScaledApiSpec spec() {
    return TestScaledApis.minimalSpec("1s", "500ms");
  }
}
