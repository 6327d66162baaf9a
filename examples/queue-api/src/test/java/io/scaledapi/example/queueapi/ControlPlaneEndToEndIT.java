package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ArrivalRateSpec;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.ForecastStatus;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.ScalingPolicySpec;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.api.v1alpha1.SelectPolicy;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import io.scaledapi.operator.testing.ControlPlane;
import io.scaledapi.operator.testing.PrometheusProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The whole scaling loop on a real control plane: kube-apiserver, the Deployment and ReplicaSet
 * controllers, the scheduler, and KWOK, whose pods become Ready {@link #POD_READY_DELAY} after they
 * are created. The queue-api runs as a process whose workers follow the Deployment's ready replicas
 * ({@link CapacityFollower}); a real Prometheus scrapes it; the operator runs in-process with
 * status by server-side apply; the load generator sends a step. The operator writes {@code /scale},
 * the ReplicaSet creates pods, they are scheduled onto the KWOK node and Ready after the delay, the
 * lead-time learner learns the delay, the queue drains, and replicas come down after the scale-down
 * window.
 */
class ControlPlaneEndToEndIT {
  /** A pod's start-up: what the lead-time learner must learn. */
  static final Duration POD_READY_DELAY = ControlPlane.DEFAULT_POD_READY_DELAY;

  /** What one pod runs: 2 workers of 100 ms serve 20 requests a second. */
  static final int WORKERS_PER_POD = 2;

  static final Duration SERVICE_TIME = Duration.ofMillis(100);
  static final int CAPACITY_PER_POD = (int) (WORKERS_PER_POD * 1000 / SERVICE_TIME.toMillis());
  static final List<String> PER_POD =
      List.of(
          "--workers",
          Integer.toString(WORKERS_PER_POD),
          "--service-time",
          SERVICE_TIME.toMillis() + "ms");

  static final int STEP_RATE = 2 * CAPACITY_PER_POD;
  static final Duration STEP_LENGTH = Duration.ofSeconds(100);
  static final Duration POLL = Duration.ofSeconds(2);
  static final Duration DOWN_WINDOW = Duration.ofSeconds(15);
  static final int MAX_REPLICAS = 6;

  static final String NS = "queue-api-e2e";
  static final String NAME = "queue-api";
  static final Path CRD =
      Path.of("../../helm/scaledapi-operator/crds/scaledapis.autoscaling.scaledapi.io-v1.yml");
  static final Path MANIFESTS = Path.of("../manifests");

  static ControlPlane plane;
  static KubernetesClient client;
  static PrometheusProcess prometheus;
  static QueueApiProcess api;
  static CapacityFollower follower;
  static ScaledApiOperator operator;
  static final ExecutorService LOAD = Executors.newSingleThreadExecutor();

  @RegisterExtension static final TestWatcher LOGS = ControlPlane.logsOnFailure(() -> plane);

  @RegisterExtension
  static final TestWatcher DESCRIBE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (plane != null) {
            try {
              System.out.println(plane.kubectl("describe", "sapi", "-n", NS));
            } catch (RuntimeException e) {
              System.out.println("kubectl describe failed: " + e.getMessage());
            }
          }
        }
      };

  @BeforeAll
  static void start() throws IOException {
    plane = ControlPlane.start(ControlPlane.Options.defaults().withPodReadyDelay(POD_READY_DELAY));
    client = plane.client();
    System.out.printf("[control-plane] started in %d ms%n", plane.startup().toMillis());
    Crds.install(client, List.of(CRD));
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    // the first pod's start-up runs while the rest starts
    client.apps().deployments().inNamespace(NS).resource(deployment()).create();

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
      // Prometheus hands its target to the scrape loop seconds after it starts, so it starts
      // first, while the queue-api's port is still held here and cannot be its own
      prometheus = PrometheusProcess.start(List.of("127.0.0.1:" + port), Duration.ofSeconds(1));
    }
    List<String> flags = new ArrayList<>(PER_POD);
    flags.addAll(List.of("--queue-capacity", "20000", "--admin", "true"));
    api = QueueApiProcess.start(flags, port);
    prometheus.awaitTargetUp(Duration.ofSeconds(30));
    follower = CapacityFollower.start(client, NS, NAME, api.uri("/admin/workers"), WORKERS_PER_POD);
    operator =
        ScaledApiOperator.create(
            client,
            new ScaledApiOperator.Settings(
                Optional.of(prometheus.baseUri()),
                Set.of(),
                Optional.empty(),
                Clock.systemUTC(),
                "e2e"),
            new SimpleMeterRegistry());
    operator.start();
    client.resources(ScaledApi.class).inNamespace(NS).resource(scaledApi()).create();
  }

  @AfterAll
  static void stop() throws IOException, InterruptedException {
    LOAD.shutdownNow();
    if (operator != null) {
      operator.close();
    }
    if (follower != null) {
      follower.close();
    }
    if (api != null) {
      api.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void aLoadStepIsServedByPodsThatBecomeReadyOneStartUpLaterAndReplicasComeBackDown()
      throws Exception {
    // before the step: one pod, Ready one start-up after it was created, serving 2 at once
    await("the first pod Ready")
        .atMost(POD_READY_DELAY.plusSeconds(60))
        .until(() -> readyReplicas() == 1);
    await("the follower setting the workers of one pod")
        .atMost(Duration.ofSeconds(10))
        .until(() -> !follower.followed().isEmpty());
    assertThat(follower.followed().get(0).ready()).isEqualTo(1);
    assertThat(api.workers()).isEqualTo(WORKERS_PER_POD);
    await("a first status").atMost(Duration.ofSeconds(30)).until(() -> forecast() != null);
    assertThat(forecast().leadTimeSource()).isEqualTo("Default");
    assertThat(replicas()).isEqualTo(1);

    // the step: twice what one pod serves
    long started = System.nanoTime();
    Future<LoadReport> load = LOAD.submit(() -> LoadGenerator.run(loadConfig()));
    long step = started + TimeUnit.SECONDS.toNanos(1);
    long loadEnd = step + STEP_LENGTH.toNanos();

    await("the /scale write").atMost(Duration.ofSeconds(30)).until(() -> replicas() > 1);
    Duration toScale = since(step);
    int firstScale = replicas();
    await("the pods of the first scale-up created and scheduled onto the KWOK node")
        .atMost(Duration.ofSeconds(30))
        .until(() -> scheduledPods().size() >= firstScale);

    StepProgress progress =
        new StepProgress(
            step,
            ControlPlaneEndToEndIT::replicas,
            ControlPlaneEndToEndIT::readyReplicas,
            api::waiting);
    await("the new pods Ready and the queue drained")
        .atMost(POD_READY_DELAY.plus(STEP_LENGTH))
        .pollInterval(Duration.ofMillis(250))
        .until(progress::sample);
    assertThat(progress.firstReady).isGreaterThanOrEqualTo(POD_READY_DELAY);
    assertThat(progress.peakWaiting)
        .as("requests waiting while the new pods started")
        .isGreaterThan(100);
    assertThat(progress.drained)
        .as("the queue drained while the step still ran: capacity followed")
        .isLessThan(STEP_LENGTH);
    await("the workers of every ready pod")
        .atMost(Duration.ofSeconds(5))
        .until(() -> api.workers() == readyReplicas() * WORKERS_PER_POD);
    assertThat(api.workers()).isGreaterThan(WORKERS_PER_POD);
    checkPods();

    await("the lead time learned")
        .atMost(Duration.ofSeconds(30))
        .until(() -> "Learned".equals(forecast().leadTimeSource()));
    Duration learned = learnedLeadTime();
    assertThat(learned)
        .as("learned from real readiness")
        .isBetween(POD_READY_DELAY, POD_READY_DELAY.plusSeconds(15));

    LoadReport report = load.get(STEP_LENGTH.toSeconds() + 60, TimeUnit.SECONDS);
    System.out.println("[load] " + report);
    assertThat(report.ok()).isPositive();
    assertThat(report.rejected()).as("the queue was never full").isZero();

    await("replicas back to 1").atMost(DOWN_WINDOW.plusSeconds(60)).until(() -> replicas() == 1);
    Duration downAfterLoad = Duration.ofNanos(System.nanoTime() - loadEnd);
    await("the pods let go deleted, the workers of one pod")
        .atMost(Duration.ofSeconds(60))
        .until(() -> pods().size() == 1 && api.workers() == WORKERS_PER_POD);

    checkRescaledEvents();
    assertThat(follower.failures()).isEmpty();
    await("the status showing 1 replica")
        .atMost(Duration.ofSeconds(10))
        .until(() -> status().currentReplicas() == 1);
    System.out.println("[follower] " + follower.followed());
    System.out.println(
        "$ kubectl get sapi -n " + NS + "\n" + plane.kubectl("get", "sapi", "-n", NS));
    System.out.println(
        "$ kubectl describe sapi -n "
            + NS
            + " "
            + NAME
            + "\n"
            + plane.kubectl("describe", "sapi", "-n", NS, NAME));
    System.out.println(
        "[timing] | load step -> /scale write | -> first new pod Ready | -> all "
            + progress.peakReplicas
            + " Ready | -> queue drained | peak queue | load end -> back to 1 replica | learned"
            + " lead time |");
    System.out.printf(
        Locale.ROOT,
        "[timing] | %.1f s | %.1f s | %.1f s | %.1f s | %.0f | %.1f s | %d s |%n",
        seconds(toScale),
        seconds(progress.firstReady),
        seconds(progress.allReady),
        seconds(progress.drained),
        progress.peakWaiting,
        seconds(downAfterLoad),
        learned.toSeconds());
  }

  /** Every pod was created by the ReplicaSet, bound to a KWOK node, Ready one start-up later. */
  static void checkPods() {
    List<Pod> pods = pods();
    assertThat(pods).hasSizeGreaterThan(1);
    for (Pod pod : pods) {
      assertThat(pod.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(o -> assertThat(o.getKind()).isEqualTo("ReplicaSet"));
      assertThat(pod.getSpec().getNodeName()).isIn(plane.nodes());
      Duration readyAfter =
          Duration.between(
              Instant.parse(pod.getMetadata().getCreationTimestamp()), readySince(pod));
      assertThat(readyAfter)
          .isBetween(POD_READY_DELAY.plusSeconds(1), POD_READY_DELAY.plusSeconds(10));
    }
  }

  /** Up, then down no sooner than the window after the last scale-up. */
  static void checkRescaledEvents() {
    RescaledEvents rescaled = RescaledEvents.in(client, NS);
    rescaled.events().forEach(e -> System.out.println("[event] Rescaled " + e.getMessage()));
    assertThat(rescaled.ups()).isNotEmpty();
    assertThat(rescaled.downs()).isNotEmpty();
    assertThat(rescaled.heldBeforeFirstDown()).isGreaterThanOrEqualTo(DOWN_WINDOW);
  }

  /** The example's Deployment, its pods running what {@link #PER_POD} says. */
  static Deployment deployment() throws IOException {
    String manifest = Files.readString(MANIFESTS.resolve("queue-api.yaml")).split("\n---\n")[0];
    Deployment d = Serialization.unmarshal(manifest, Deployment.class);
    d.getMetadata().setNamespace(NS);
    d.getSpec().setReplicas(1);
    List<String> args =
        Stream.concat(PER_POD.stream(), Stream.of("--queue-capacity", "20000", "--port", "8080"))
            .toList();
    d.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(args);
    return d;
  }

  static ScaledApi scaledApi() {
    ScalingRulesSpec up =
        new ScalingRulesSpec(
            0,
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PODS, MAX_REPLICAS, 1)));
    ScalingRulesSpec down =
        new ScalingRulesSpec(
            (int) DOWN_WINDOW.toSeconds(),
            SelectPolicy.MAX,
            List.of(new ScalingPolicySpec(ScalingPolicySpec.PolicyType.PERCENT, 100, 15)));
    // lead time auto: learned from how long scale-ups take to become ready
    PredictionSpec prediction =
        new PredictionSpec(true, "auto", "1h", "1h", null, new IntOrString(CAPACITY_PER_POD), null);
    ScaledApi sapi = new ScaledApi();
    sapi.getMetadata().setName(NAME);
    sapi.getMetadata().setNamespace(NS);
    sapi.setSpec(
        new ScaledApiSpec(
            new ScaleTargetRef("apps/v1", "Deployment", NAME),
            1,
            MAX_REPLICAS,
            POLL.toSeconds() + "s",
            null,
            new QueueSpec("sum(api_queue_requests_waiting)", 20.0),
            null,
            new ArrivalRateSpec("sum(rate(api_requests_arrived_total[10s]))"),
            prediction,
            new BehaviorSpec(up, down),
            null,
            null,
            null,
            null));
    return sapi;
  }

  static LoadConfig loadConfig() {
    return LoadConfig.parse(
        new String[] {
          "--url", api.uri("/work").toString(),
          "--shape", "step",
          "--base-rate", "5",
          "--step-rate", Integer.toString(STEP_RATE),
          "--step-at", "1",
          "--duration", (STEP_LENGTH.toSeconds() + 1) + "s",
          "--max-requests", "100000"
        });
  }

  /** The learned start-up: the horizon in status less the polling interval it adds. */
  static Duration learnedLeadTime() {
    String horizon = forecast().horizon();
    assertThat(horizon).matches("[0-9]+s");
    return Duration.ofSeconds(Long.parseLong(horizon.replace("s", ""))).minus(POLL);
  }

  static ForecastStatus forecast() {
    ScaledApiStatus status = status();
    return status == null ? null : status.forecast();
  }

  static ScaledApiStatus status() {
    ScaledApi sapi = client.resources(ScaledApi.class).inNamespace(NS).withName(NAME).get();
    return sapi == null ? null : sapi.getStatus();
  }

  static int replicas() {
    return deploymentNow().getSpec().getReplicas();
  }

  static int readyReplicas() {
    Deployment d = deploymentNow();
    Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return ready == null ? 0 : ready;
  }

  static Deployment deploymentNow() {
    return client.apps().deployments().inNamespace(NS).withName(NAME).get();
  }

  static List<Pod> pods() {
    return client.pods().inNamespace(NS).withLabel("app", NAME).list().getItems();
  }

  static List<Pod> scheduledPods() {
    return pods().stream().filter(p -> plane.nodes().contains(p.getSpec().getNodeName())).toList();
  }

  static Instant readySince(Pod pod) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> Instant.parse(c.getLastTransitionTime()))
        .findFirst()
        .orElseThrow();
  }

  static Duration since(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime);
  }

  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
