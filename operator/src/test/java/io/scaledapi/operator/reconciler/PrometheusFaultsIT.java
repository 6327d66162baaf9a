package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scaledapi.operator.testing.FaultProxy;
import io.scaledapi.operator.testing.MockApiServer;
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

/**
 * Every way Prometheus can fail, against a real Prometheus (behind a {@link FaultProxy} for the
 * faults a real server does not produce on demand; a Prometheus of the class's own for the one it
 * stops and restarts, the JVM's shared one for the rest) and the operator on the mock API server.
 * Each outage starts from 5 replicas for a queue of 50 and drops the queue to 0 (or hides it), so
 * that a reading taken as 0 would scale down at once. In every outage ({@link
 * FaultScenario#outage}): replicas never go down, MetricsAvailable is False with the cause, one
 * Warning is recorded, the fallback applies after 3 failed polls, and scaling on the queue resumes
 * by itself afterwards.
 */
@MockApiServer
class PrometheusFaultsIT {
  static final int FALLBACK = 7;

  static KubernetesClient client;
  static MockCluster cluster;
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
   * A proxy in front of the Prometheus for the faults a real server does not produce on demand; an
   * address the operator allows, forwarding again after each test.
   */
  static FaultProxy proxy;

  /** The namespace of the running test's ScaledApi. */
  static String current;

  @BeforeAll
  static void startEverything() {
    stoppableExporter = TestExporter.start();
    stoppable = PrometheusProcess.start(List.of(stoppableExporter.target()), LiveStack.SCRAPE);
    cluster = MockCluster.of(client);
    stack =
        LiveStack.start(
            cluster,
            Clock.systemUTC(),
            address -> {
              proxy = FaultProxy.start(address);
              return List.of(proxy.baseUri(), stoppable.baseUri());
            });
    exporter = stack.exporter();
    prometheus = stack.prometheus();
  }

  @AfterAll
  static void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (proxy != null) {
      proxy.close();
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

  /** Deletes the test's ScaledApi, so that later tests share the operator with no one. */
  @AfterEach
  void deleteScaledApi() {
    proxy.forward();
    if (current != null) {
      cluster.deleteScaledApi(current);
      current = null;
    }
  }

  /** Stops the class's own Prometheus, and starts it again on the same port and data. */
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

  @Test
  void prometheusSlowerThanTheTimeoutHoldsReplicas() {
    FaultScenario s = start("slow", proxy.baseUri(), "300ms", FALLBACK);
    s.outage(
        () -> {
          proxy.delay(Duration.ofSeconds(2));
          s.queue(0);
        },
        proxy::forward,
        "no answer from Prometheus at " + proxy.baseUri() + " within 300ms");
  }

  @Test
  void prometheusAnswering5xxHoldsReplicas() {
    FaultScenario s = start("http503", proxy.baseUri(), "2s", FALLBACK);
    s.outage(
        () -> {
          proxy.respond(503, "text/plain", "Service Unavailable: too many queries\n");
          s.queue(0);
        },
        proxy::forward,
        "Prometheus answered HTTP 503: Service Unavailable: too many queries");
  }

  @Test
  void garbageAnswersHoldReplicasAndEachOutageWarnsOnce() {
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

  @Test
  void nanIsNotReadAsZero() {
    FaultScenario s = start("nan", prometheus.baseUri(), "2s", FALLBACK);
    s.outage(
        () -> s.queue(Double.NaN),
        () -> s.queue(0),
        "query returned NaN; it must return a finite number");
  }

  @Test
  void emptyResultIsNotReadAsZeroAndALowFallbackHolds() {
    FaultScenario s = start("empty", prometheus.baseUri(), "2s", 2);
    s.outage(
        s::hideQueue,
        () -> s.queue(0),
        "query returned no series; check the metric name and labels (no data is not read as 0)");
  }

  private static FaultScenario start(String ns, URI address, String timeout, int fallback) {
    return start(ns, exporter, address, timeout, fallback);
  }

  private static FaultScenario start(
      String ns, TestExporter queues, URI address, String timeout, int fallback) {
    current = ns;
    return FaultScenario.start(cluster, queues, ns, address, timeout, fallback);
  }
}
