package io.scaledapi.operator.reconciler;

import io.scaledapi.operator.testing.FaultProxy;
import io.scaledapi.operator.testing.PrometheusProcess;
import io.scaledapi.operator.testing.SharedPrometheus;
import io.scaledapi.operator.testing.TestExporter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every way Prometheus can fail, against a real Prometheus (behind a {@link FaultProxy} for the
 * faults a real server does not produce on demand; a Prometheus of the class's own for the one it
 * stops and restarts, the JVM's shared one for the rest) and the operator on the real API server.
 * Each outage starts from 5 replicas for a queue of 50 and drops the queue to 0 (or hides it), so
 * that a reading taken as 0 would scale down at once. In every outage ({@link
 * FaultScenario#outage}): replicas never go down, MetricsAvailable is False with the cause, one
 * Warning is recorded, the fallback applies after 3 failed polls, and scaling on the queue resumes
 * by itself afterwards.
 *
 * <p>The tests run side by side: each has its own namespace, ScaledApi and queue series, and the
 * ones behind a proxy each their own proxy, so that one test's fault reaches no other.
 */
class PrometheusFaultsIT {
  static final int FALLBACK = 7;

  static RealCluster cluster;
  static LiveStack stack;
  static TestExporter exporter;
  static SharedPrometheus prometheus;

  /**
   * A Prometheus of this class's own, scraping {@link #stoppableExporter} every second, for the
   * test that stops and restarts it (which the shared one must not be); an address the operator
   * allows.
   */
  static PrometheusProcess stoppable;

  static TestExporter stoppableExporter;

  /**
   * Proxies in front of the Prometheus for the faults a real server does not produce on demand, one
   * for each test that uses one; addresses the operator allows.
   */
  static FaultProxy slowProxy;

  static FaultProxy failingProxy;
  static FaultProxy garbageProxy;

  /** The running test's proxy, if it has one, forwarding again after the test. */
  FaultProxy proxy;

  /** The namespace of the running test's ScaledApi. */
  String current;

  @BeforeAll
  static void startEverything() {
    stoppableExporter = TestExporter.start();
    stoppable = PrometheusProcess.start(List.of(stoppableExporter.target()), LiveStack.SCRAPE);
    cluster = RealCluster.create("stopped", "slow", "garbage", "empty");
    stack =
        LiveStack.start(
            cluster,
            Clock.systemUTC(),
            address -> {
              slowProxy = FaultProxy.start(address);
              failingProxy = FaultProxy.start(address);
              garbageProxy = FaultProxy.start(address);
              return List.of(
                  slowProxy.baseUri(),
                  failingProxy.baseUri(),
                  garbageProxy.baseUri(),
                  stoppable.baseUri());
            });
    exporter = stack.exporter();
    prometheus = stack.prometheus();
  }

  @AfterAll
  static void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    for (FaultProxy p : new FaultProxy[] {slowProxy, failingProxy, garbageProxy}) {
      if (p != null) {
        p.close();
      }
    }
    if (stoppable != null) {
      stoppable.close();
    }
    if (stoppableExporter != null) {
      stoppableExporter.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Deletes the test's ScaledApi, so that the operator no longer reconciles it. */
  @AfterEach
  void deleteScaledApi() {
    if (proxy != null) {
      proxy.forward();
    }
    if (current != null) {
      cluster.deleteScaledApi(current);
    }
  }

  /** Stops the class's own Prometheus, and starts it again on the same port and data. */
  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void prometheusStoppedHoldsReplicasAndRecoversAfterRestart() {
    stoppable.awaitTargetUp(Duration.ofSeconds(30));
    FaultScenario s = start("stopped", stoppableExporter, stoppable.baseUri(), "2s", FALLBACK);
    s.outage(
        () -> {
          stoppable.stop();
          s.queue(0);
        },
        stoppable::restart,
        "cannot connect to " + stoppable.baseUri() + ": connection refused");
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void prometheusSlowerThanTheTimeoutHoldsReplicas() {
    proxy = slowProxy;
    FaultScenario s = start("slow", proxy.baseUri(), "300ms", FALLBACK);
    s.outage(
        () -> {
          proxy.delay(Duration.ofSeconds(2));
          s.queue(0);
        },
        proxy::forward,
        "no answer from Prometheus at " + proxy.baseUri() + " within 300ms");
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void garbageAnswersHoldReplicasAndEachOutageWarnsOnce() {
    proxy = garbageProxy;
    FaultScenario s = start("garbage", proxy.baseUri(), "2s", FALLBACK);
    s.outage(
        () -> {
          proxy.respond(200, "text/html", "<html><body><h1>Sign in</h1></body></html>");
          s.queue(0);
        },
        proxy::forward,
        "unreadable response from Prometheus: not JSON: Sign in");
    // a second outage, of another kind, after the recovery: its own single Warning
    s.outage(
        () -> proxy.respond(200, "application/json", "{\"hello\":\"world\"}"),
        proxy::forward,
        "unreadable response from Prometheus: not a Prometheus API response:"
            + " {\"hello\":\"world\"}");
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void emptyResultIsNotReadAsZeroAndALowFallbackHolds() {
    FaultScenario s = start("empty", prometheus.baseUri(), "2s", 2);
    s.outage(
        s::hideQueue,
        () -> s.queue(0),
        "query returned no series; check the metric name and labels (no data is not read as 0)");
  }

  private FaultScenario start(String name, URI address, String timeout, int fallback) {
    return start(name, exporter, address, timeout, fallback);
  }

  private FaultScenario start(
      String name, TestExporter queues, URI address, String timeout, int fallback) {
    current = cluster.ns(name);
    return FaultScenario.start(cluster, queues, current, address, timeout, fallback);
  }
}
