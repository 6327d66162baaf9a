package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.Timer;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.testing.HostilePrometheus;
import io.scaledapi.operator.testing.HostilePrometheus.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten ScaledApis whose Prometheus answers are hostile (huge, deep, endless, slow) next to one whose
 * Prometheus is real: the good one keeps being reconciled every polling interval, the hostile ones
 * get short messages in status and events, and the operator stays healthy. On the real API server.
 */
class HostileTenantsIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final Duration WATCH = Duration.ofSeconds(20);
  static final int MAX_STATUS = 8 * 1024;
  static final int MAX_MESSAGE = 1024;

  static final int HOSTILE = 10;

  static RealCluster cluster;
  static KubernetesClient client;
  static LiveStack stack;
  static HostilePrometheus hostile;

  @BeforeAll
  static void startEverything() {
    cluster = RealCluster.create(namespaces());
    client = cluster.client();
    hostile = HostilePrometheus.start();
    List<URI> allowed = Arrays.stream(Answer.values()).map(hostile::address).toList();
    stack = LiveStack.start(cluster, Clock.systemUTC(), prometheus -> allowed);
  }

  @AfterAll
  static void stopEverything() {
    if (hostile != null) {
      hostile.close();
    }
    if (stack != null) {
      stack.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The good namespace and the hostile ones, each hostile one named after its answer. */
  static String[] namespaces() {
    return Stream.concat(
            Stream.of("good"), IntStream.range(0, HOSTILE).mapToObj(HostileTenantsIT::hostileName))
        .toArray(String[]::new);
  }

  static Answer answer(int i) {
    return Answer.values()[i % Answer.values().length];
  }

  static String hostileName(int i) {
    return "hostile-" + i + "-" + answer(i).path();
  }

  /** Queue queries of the stack's operator that returned a value. */
  static long goodReads() {
    Timer timer =
        stack
            .metrics()
            .find("scaledapi.prometheus.query.duration")
            .tag("signal", "queue")
            .tag("outcome", "value")
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void hostileAnswersNeitherStarveOthersNorFloodStatus() {
    List<String> hostileNamespaces = new ArrayList<>();
    for (int i = 0; i < HOSTILE; i++) {
      String ns = cluster.ns(hostileName(i));
      hostileNamespaces.add(ns);
      cluster.createDeployment(ns, "api", 1);
      cluster.createScaledApi(ns, spec(hostile.address(answer(i)), "sum(q)"));
    }
    await("every hostile ScaledApi has a status")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> hostileNamespaces.stream().allMatch(ns -> cluster.status(ns) != null));
    String good = cluster.ns("good");
    stack.exporter().set(GAUGE, Map.of("app", good), 35);
    cluster.createDeployment(good, "api", 1);
    cluster.createScaledApi(
        good, spec(stack.prometheus().baseUri(), "sum(" + GAUGE + "{app=\"" + good + "\"})"));

    // Status is written only when something in it changes, so the good ScaledApi's reads are
    // counted where they happen: the operator's timer of queue queries that returned a value (every
    // hostile answer is a failure).
    await("the good ScaledApi has read its queue")
        .atMost(Duration.ofSeconds(30))
        .until(() -> goodReads() > 0);
    long end = System.nanoTime() + WATCH.toNanos();
    long start = goodReads();
    await("the good ScaledApi is reconciled while the hostile ones are")
        .atMost(WATCH.plusSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              assertThat(stack.operator().healthy()).as("/healthz").isTrue();
              return System.nanoTime() > end;
            });
    long reads = goodReads() - start;
    System.out.printf(
        "[tenants] good ScaledApi read %d times in %ds (polling every 1s)%n",
        reads, WATCH.toSeconds());
    assertThat(reads).as("reads of the good ScaledApi in %s", WATCH).isGreaterThan(8);
    assertThat(cluster.replicas(good, "api"))
        .as("the good target scaled on its queue")
        .isEqualTo(4);

    for (String ns : hostileNamespaces) {
      ScaledApiStatus status = cluster.status(ns);
      String json = Serialization.asJson(status);
      System.out.printf(
          "[tenants] %s: status %d characters, queue: %s%n",
          ns, json.length(), status.signals().queueDepth().error());
      assertThat(json.length()).as("status size of %s", ns).isLessThan(MAX_STATUS);
      for (Condition condition : status.conditions()) {
        assertThat(condition.getMessage().length())
            .as("%s condition %s", ns, condition.getType())
            .isLessThan(MAX_MESSAGE);
      }
      for (Event event : client.v1().events().inNamespace(ns).list().getItems()) {
        assertThat(event.getMessage().length())
            .as("%s event %s", ns, event.getReason())
            .isLessThan(MAX_MESSAGE);
      }
      assertThat(cluster.replicas(ns, "api")).as("replicas of %s", ns).isEqualTo(1);
    }
  }

  private static ScaledApiSpec spec(URI prometheus, String query) {
    return new ScaledApiSpec(
        new ScaleTargetRef("apps/v1", "Deployment", "api"),
        1,
        10,
        "1s",
        new PrometheusSpec(prometheus.toString(), null, null, "1s"),
        new QueueSpec(query, 10.0),
        null,
        null,
        null,
        TestScaledApis.fastScaleUp(),
        null,
        null,
        null,
        null);
  }
}
