package io.scaledapi.example.queueapi;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.testing.ControlPlane;
import io.scaledapi.operator.testing.MetricsAdapters;
import io.scaledapi.operator.testing.PrometheusProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One cluster, three identical Deployments, three autoscalers: the real HPA (kube-controller-
 * manager's controller) on the arrival rate through prometheus-adapter, a real KEDA ScaledObject
 * with the Prometheus scaler on the queue, and our operator with the spec {@code simulate} runs by
 * default. The same arrivals go to the three at once; each lane's queue-api measures its own waits;
 * ready pods over time give the replica-seconds.
 */
final class SideBySide implements AutoCloseable {
  /** The longest queue wait a request should have, as in {@code simulate}'s default. */
  static final Duration SLO = Duration.ofMillis(250);

  /** A pod's start-up in real time: KWOK makes each pod Ready this long after its creation. */
  static final Duration STARTUP = Duration.ofSeconds(60);

  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);

  /**
   * Before the scenario, its first minute's rate is replayed this long (compressed with the rest)
   * and not measured: the steady state the simulator starts every policy from, long enough for the
   * rate windows and the HPA's first syncs.
   */
  static final Duration WARM_UP = Duration.ofMinutes(2);

  /** How long the queues may take to drain once the load has ended. */
  static final Duration DRAIN = Duration.ofMinutes(5);

  /** One lane's figures, measured. */
  record Measured(
      String autoscaler,
      long served,
      double overSloShare,
      Duration waitP99,
      double readySeconds,
      double existingSeconds,
      int scaleActions,
      int peakReplicas,
      LoadReport load) {}

  /** What a run gives: the figures and the timelines of each lane, and the simulator's rows. */
  record Result(
      Scenario scenario,
      TimeScale scale,
      Map<String, Measured> measured,
      Map<String, Timeline> timelines,
      Map<String, SimulatorRun.Row> simulated,
      String simulateOutput,
      List<String> simulateArguments,
      List<String> scaleEvents,
      Duration wallTime) {}

  private final Scenario scenario;
  private final TimeScale scale;
  private final Contenders contenders;
  private final Path workDir;
  private final List<Lane> lanes = new ArrayList<>();
  private ControlPlane plane;
  private PrometheusProcess prometheus;
  private ScaledApiOperator operator;

  SideBySide(Scenario scenario, TimeScale scale, Path workDir) {
    this.scenario = scenario;
    this.scale = scale;
    this.contenders = new Contenders(scale);
    this.workDir = workDir;
  }

  /** Builds the cluster and the three autoscalers; returns once each reads its metric. */
  void start() throws IOException {
    plane =
        ControlPlane.start(
            ControlPlane.Options.defaults()
                .withPodReadyDelay(scale.of(STARTUP))
                .withController(ControlPlane.HPA_CONTROLLER)
                .withControllerManagerFlags(contenders.controllerManagerFlags()));
    KubernetesClient client = plane.client();
    List<Path> crds = new ArrayList<>(MetricsAdapters.kedaCrds());
    crds.add(ControlPlaneEndToEndIT.CRD);
    Crds.install(client, crds);
    List<ServerSocket> held = new ArrayList<>();
    for (String name : Contenders.NAMES) {
      ServerSocket socket = new ServerSocket(0);
      held.add(socket);
      Lane lane = new Lane(name, socket.getLocalPort());
      lanes.add(lane);
      lane.createDeployment(client, initialReplicas());
    }
    // Prometheus starts while the ports are still held here, so none can be taken meanwhile
    prometheus =
        PrometheusProcess.startLabelled(
            lanes.stream().map(Lane::scrapeTarget).toList(), scale.of(SCRAPE_INTERVAL));
    for (ServerSocket socket : held) {
      socket.close();
    }
    for (Lane lane : lanes) {
      lane.startApi(client);
    }
    prometheus.awaitTargetUp(Duration.ofSeconds(60));
    MetricsAdapters.startPrometheusAdapter(
        plane, prometheus.baseUri(), contenders.prometheusAdapterConfig());
    MetricsAdapters.startKeda(plane);

    client.resource(contenders.hpa()).create();
    client.resource(contenders.scaledObject(prometheus.baseUri())).create();
    operator =
        ScaledApiOperator.create(
            client,
            new ScaledApiOperator.Settings(
                    Optional.of(prometheus.baseUri()),
                    Set.of(Contenders.OURS),
                    Optional.empty(),
                    Clock.systemUTC(),
                    "side-by-side")
                .withNamespaceIsolation(new NamespaceIsolation("namespace")),
            new SimpleMeterRegistry());
    operator.start();
    client.resource(contenders.scaledApi(cluster())).create();
    awaitAutoscalersActive(client);
  }

  /** As the simulator sizes them: what serves the first minute's rate, at least 1. */
  int initialReplicas() {
    double needed = Math.ceil(scenario.firstMinuteRate() / Lane.CAPACITY_PER_POD);
    return (int) Math.max(1, Math.min(Contenders.MAX_REPLICAS, needed));
  }

  /** The simulator's cluster: the real one's, uncompressed. */
  static ClusterSpec cluster() {
    return new ClusterSpec(
        STARTUP,
        Duration.ZERO,
        Lane.CAPACITY_PER_POD,
        1,
        Contenders.MAX_REPLICAS,
        Optional.empty(),
        SLO,
        SCRAPE_INTERVAL,
        1);
  }

  /**
   * Every pod Ready, and each autoscaler reading its metric: the HPA's ScalingActive and KEDA's
   * Ready conditions True, our status showing a reading of the queue.
   */
  private void awaitAutoscalersActive(KubernetesClient client) {
    await("every lane's first pods Ready and serving")
        .atMost(scale.of(STARTUP).plusSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                lanes.stream()
                    .allMatch(
                        l ->
                            l.replicas().history().at(Instant.now()).ready() == initialReplicas()
                                && !l.follower().followed().isEmpty()));
    await("the HPA, KEDA and our operator reading their metrics")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> hpaActive(client) && kedaReady(client) && oursReading(client));
  }

  static boolean hpaActive(KubernetesClient client) {
    HorizontalPodAutoscaler hpa =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(Contenders.HPA)
            .withName(Contenders.HPA)
            .get();
    return hpa != null
        && hpa.getStatus() != null
        && hpa.getStatus().getConditions() != null
        && hpa.getStatus().getConditions().stream()
            .anyMatch(c -> "ScalingActive".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @SuppressWarnings("unchecked")
  static boolean kedaReady(KubernetesClient client) {
    GenericKubernetesResource scaledObject =
        client
            .genericKubernetesResources("keda.sh/v1alpha1", "ScaledObject")
            .inNamespace(Contenders.KEDA)
            .withName(Contenders.KEDA)
            .get();
    if (scaledObject == null
        || !(scaledObject.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return false;
    }
    Object conditions = status.get("conditions");
    return conditions instanceof List<?> list
        && list.stream()
            .map(c -> (Map<String, Object>) c)
            .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
  }

  static boolean oursReading(KubernetesClient client) {
    ScaledApi sapi =
        client
            .resources(ScaledApi.class)
            .inNamespace(Contenders.OURS)
            .withName(Contenders.OURS)
            .get();
    return sapi != null
        && sapi.getStatus() != null
        && sapi.getStatus().conditions() != null
        && sapi.getStatus().conditions().stream()
            .anyMatch(c -> "ScalingActive".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Replays the scenario into the three lanes at once and measures; then runs the simulator. */
  Result run() throws Exception {
    long began = System.nanoTime();
    int warmUp = scale.seconds(WARM_UP);
    Trace trace = scenario.replay(scale.factor(), warmUp);
    Duration length = Duration.ofSeconds(trace.rows().size());
    Map<String, Timeline> timelines = new LinkedHashMap<>();
    lanes.forEach(l -> timelines.put(l.name, new Timeline()));
    ExecutorService load = Executors.newFixedThreadPool(lanes.size());
    Map<String, Future<LoadReport>> reports = new LinkedHashMap<>();
    Instant loadStart = Instant.now();
    Instant start = loadStart.plusSeconds(warmUp);
    try {
      for (Lane lane : lanes) {
        LoadConfig config =
            new LoadConfig(
                lane.api().uri("/work"),
                trace,
                1.0,
                LoadConfig.MAX_REQUESTS_CEILING,
                length.plusSeconds(1));
        reports.put(lane.name, load.submit(() -> LoadGenerator.run(config)));
      }
      Instant end = loadStart.plus(length);
      sleepUntil(start);
      Map<String, WaitDistribution> warmUpWaits = new LinkedHashMap<>();
      for (Lane lane : lanes) {
        warmUpWaits.put(lane.name, lane.waits());
      }
      for (long tick = 0; Instant.now().isBefore(end); tick++) {
        Instant at = start.plusSeconds(tick);
        sleepUntil(at);
        for (Lane lane : lanes) {
          timelines.get(lane.name).sample(lane, tick, Instant.now());
        }
      }
      Map<String, LoadReport> loadReports = new LinkedHashMap<>();
      for (Map.Entry<String, Future<LoadReport>> r : reports.entrySet()) {
        loadReports.put(r.getKey(), r.getValue().get(length.toSeconds() + 120, TimeUnit.SECONDS));
      }
      await("every queue drained")
          .atMost(DRAIN)
          .pollInterval(Duration.ofSeconds(1))
          .until(this::drained);
      Map<String, Measured> measured = new LinkedHashMap<>();
      for (Lane lane : lanes) {
        measured.put(
            lane.name,
            measure(lane, warmUpWaits.get(lane.name), start, end, loadReports.get(lane.name)));
      }
      Path csv = workDir.resolve(scenario.name() + "-arrivals.csv");
      scenario.writeCsv(csv);
      List<String> arguments =
          SimulatorRun.arguments(csv, workDir.resolve(scenario.name() + "-simulation.html"));
      StringBuilder output = new StringBuilder();
      Map<String, SimulatorRun.Row> simulated = SimulatorRun.run(arguments, output);
      return new Result(
          scenario,
          scale,
          measured,
          timelines,
          simulated,
          output.toString(),
          arguments,
          ScaleEventLog.lines(plane.client(), Contenders.NAMES, start),
          Duration.ofNanos(System.nanoTime() - began));
    } finally {
      load.shutdownNow();
    }
  }

  /** {@link #start} then {@link #run}; the control plane's logs are printed if either fails. */
  Result startAndRun() throws Exception {
    try {
      start();
      return run();
    } catch (Exception | AssertionError e) {
      System.out.println(logTails());
      throw e;
    }
  }

  private boolean drained() throws IOException, InterruptedException {
    for (Lane lane : lanes) {
      if (lane.api().waiting() > 0) {
        return false;
      }
    }
    return true;
  }

  private static Measured measure(
      Lane lane, WaitDistribution warmUp, Instant start, Instant end, LoadReport load)
      throws IOException, InterruptedException {
    WaitDistribution waits = lane.waits().since(warmUp);
    ReplicaHistory replicas = lane.replicas().history();
    return new Measured(
        lane.name,
        waits.served(),
        waits.shareOver(SLO),
        waits.quantile(0.99),
        replicas.replicaSeconds(start, end, ReplicaHistory.Sample::ready),
        replicas.replicaSeconds(start, end, ReplicaHistory.Sample::existing),
        replicas.scaleActions(start, end),
        replicas.peakDesired(start, end),
        load);
  }

  private static void sleepUntil(Instant at) throws InterruptedException {
    long millis = Duration.between(Instant.now(), at).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  KubernetesClient client() {
    return plane.client();
  }

  private String logTails() {
    return plane == null ? "" : plane.logTails();
  }

  @Override
  public void close() throws Exception {
    if (operator != null) {
      operator.close();
    }
    for (Lane lane : lanes) {
      lane.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (plane != null) {
      plane.close();
    }
  }
}
