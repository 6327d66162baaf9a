package io.scaledapi.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A Kubernetes control plane of its own, separate from {@link RealApiServer}'s: etcd and
 * kube-apiserver ({@link ApiServer}), kube-controller-manager, kube-scheduler and KWOK with fake
 * nodes whose pods become Ready {@link Options#podReadyDelay} after they are created, all built by
 * {@code testbed/build.sh}. The controller manager, the scheduler and KWOK get the flags kwokctl's
 * binary runtime gives them, but for ports: the first two serve nothing (secure port 0) and KWOK
 * runs no server, so no fixed port can clash.
 *
 * <p>Everything lives in a temporary directory (certificates, kubeconfig, etcd's data, KWOK's
 * stages, one log per process), deleted on {@link #close()} or when the JVM exits. A start that
 * fails prints the tail of every log; {@link #logTails()} gives them to a test that failed.
 */
public final class ControlPlane implements AutoCloseable {
  /** How long after its creation a pod becomes Ready unless the options say otherwise. */
  public static final Duration DEFAULT_POD_READY_DELAY = Duration.ofSeconds(60);

  /** What Deployments need, node lifecycle to lift the not-ready taint, and the cleanup. */
  public static final List<String> CONTROLLERS =
      List.of(
          "deployment-controller",
          "replicaset-controller",
          "node-lifecycle-controller",
          "garbage-collector-controller",
          "namespace-controller",
          "serviceaccount-controller",
          "serviceaccount-token-controller");

  /**
   * The HorizontalPodAutoscaler's controller, off unless {@link Options#withController} adds it.
   */
  public static final String HPA_CONTROLLER = "horizontal-pod-autoscaler-controller";

  private static final Duration START_WITHIN = Duration.ofMinutes(2);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final int TAIL_LINES = 40;
  private static final List<String> COMPONENTS =
      List.of(
          "etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok", "kubectl");

  /**
   * @param podReadyDelay how long after its creation a pod becomes Ready, in whole seconds
   * @param nodes how many fake nodes KWOK manages
   * @param controllers the controller manager's controllers, by their full names
   * @param controllerManagerFlags more flags for the controller manager, such as the HPA's
   */
  public record Options(
      Duration podReadyDelay,
      int nodes,
      List<String> controllers,
      List<String> controllerManagerFlags) {
    public Options {
      if (podReadyDelay.isNegative() || podReadyDelay.toMillis() % 1000 != 0) {
        throw new IllegalArgumentException("podReadyDelay must be whole seconds: " + podReadyDelay);
      }
      if (nodes < 1) {
        throw new IllegalArgumentException("nodes must be at least 1: " + nodes);
      }
      controllers = List.copyOf(controllers);
      controllerManagerFlags = List.copyOf(controllerManagerFlags);
    }

    /** One node, pods Ready after {@link #DEFAULT_POD_READY_DELAY}, the {@link #CONTROLLERS}. */
    public static Options defaults() {
      return new Options(DEFAULT_POD_READY_DELAY, 1, CONTROLLERS, List.of());
    }

    public Options withPodReadyDelay(Duration delay) {
      return new Options(delay, nodes, controllers, controllerManagerFlags);
    }

    public Options withNodes(int count) {
      return new Options(podReadyDelay, count, controllers, controllerManagerFlags);
    }

    /** These options with one more controller, such as {@link #HPA_CONTROLLER}. */
    public Options withController(String name) {
      return new Options(
          podReadyDelay,
          nodes,
          Stream.concat(controllers.stream(), Stream.of(name)).toList(),
          controllerManagerFlags);
    }

    /** These options with more controller-manager flags, such as {@code --flag=value}. */
    public Options withControllerManagerFlags(List<String> flags) {
      return new Options(
          podReadyDelay,
          nodes,
          controllers,
          Stream.concat(controllerManagerFlags.stream(), flags.stream()).toList());
    }
  }

  private final Options options;
  private final Path dir;
  private final Path kubectl;
  private final List<LoggedProcess> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stop, "stop-control-plane");
  private KubernetesClient client;
  private Duration startup;
  private boolean stopped;

  private ControlPlane(Options options, Path dir, Path kubectl) {
    this.options = options;
    this.dir = dir;
    this.kubectl = kubectl;
  }

  /** Starts the control plane and returns once every node is Ready and schedulable. */
  public static ControlPlane start(Options options) {
    long started = System.nanoTime();
    Path binaries =
        RealApiServer.binaries().resolve("k8s").resolve(RealApiServer.platformDirectory());
    for (String name : COMPONENTS) {
      if (!Files.isExecutable(binaries.resolve(name))) {
        throw new IllegalStateException(
            "no " + name + " in " + binaries + "; run testbed/build.sh");
      }
    }
    ControlPlane plane =
        new ControlPlane(options, temporaryDirectory(), binaries.resolve("kubectl"));
    Runtime.getRuntime().addShutdownHook(plane.shutdownHook);
    try {
      plane.startAll(binaries);
    } catch (RuntimeException | Error e) {
      System.err.println(
          "control plane did not start: " + e.getMessage() + "\n" + plane.logTails());
      plane.close();
      throw e;
    }
    plane.startup = Duration.ofNanos(System.nanoTime() - started);
    return plane;
  }

  private void startAll(Path binaries) {
    ApiServer api = ApiServer.start(binaries, dir, processes);
    write(dir.resolve("kwok.yaml"), Kwok.podStages(options.podReadyDelay()));
    client = new KubernetesClientBuilder().withConfig(api.config()).build();
    awaitServing(api);
    String kubeconfig = "--kubeconfig=" + kubeconfig();
    List<String> controllerManager =
        new ArrayList<>(
            List.of(
                kubeconfig,
                "--secure-port=0",
                "--controllers=" + String.join(",", options.controllers()),
                "--root-ca-file=" + api.caCertificate(),
                "--service-account-private-key-file=" + api.serviceAccountKey()));
    controllerManager.addAll(options.controllerManagerFlags());
    start(binaries.resolve("kube-controller-manager"), controllerManager);
    start(binaries.resolve("kube-scheduler"), List.of(kubeconfig, "--secure-port=0"));
    start(
        binaries.resolve("kwok"),
        Kwok.flags(kubeconfig().toString(), dir.resolve("kwok.yaml").toString()));
    for (String node : nodes()) {
      client.nodes().resource(Kwok.node(node, nodes().indexOf(node))).create();
    }
    awaiting("kube-controller-manager leading").until(() -> leading("kube-controller-manager"));
    awaiting("kube-scheduler leading").until(() -> leading("kube-scheduler"));
    awaiting("the KWOK nodes Ready and schedulable").until(this::nodesSchedulable);
  }

  /** A client in {@code system:masters}; closed with the control plane. */
  public KubernetesClient client() {
    return client;
  }

  /** The kubeconfig file, in {@code system:masters}, with its certificates beside it. */
  public Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  /** The names of the fake nodes. */
  public List<String> nodes() {
    return IntStream.range(0, options.nodes()).mapToObj(i -> "kwok-node-" + i).toList();
  }

  public Duration podReadyDelay() {
    return options.podReadyDelay();
  }

  /** From the start until every node was Ready and schedulable. */
  public Duration startup() {
    return startup;
  }

  /** Runs the testbed's kubectl against this control plane; returns its output, or throws. */
  public String kubectl(String... args) {
    List<String> command =
        new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig=" + kubeconfig()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "kubectl " + String.join(" ", args) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kubectl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running kubectl", e);
    }
  }

  /**
   * Starts {@code binary} beside the control plane, with {@code env} added to its environment: its
   * log is tailed with the others' and it is stopped with them. Returns at once.
   */
  public void startBeside(String name, Path binary, List<String> args, Map<String, String> env) {
    processes.add(LoggedProcess.start(name, binary, args, env, dir));
  }

  /** The directory of the control plane's files, deleted on {@link #close()}. */
  public Path directory() {
    return dir;
  }

  /**
   * A JUnit extension that prints the tails of the logs of the control plane {@code plane} gives,
   * when there is one, after a test fails.
   */
  public static TestWatcher logsOnFailure(Supplier<ControlPlane> plane) {
    return new TestWatcher() {
      @Override
      public void testFailed(ExtensionContext context, Throwable cause) {
        ControlPlane failed = plane.get();
        if (failed != null) {
          System.out.println(failed.logTails());
        }
      }
    };
  }

  /** The last lines of every process's log. */
  public String logTails() {
    return processes.stream().map(p -> p.tail(TAIL_LINES)).collect(Collectors.joining("\n"));
  }

  /** Stops every process and deletes the directory. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (client != null) {
      client.close();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop(STOP_GRACE);
    }
    deleteTree(dir);
  }

  private void start(Path binary, List<String> args) {
    processes.add(LoggedProcess.start(binary.getFileName().toString(), binary, args, dir));
  }

  /** A wait that fails at once when a process has exited; the log tails then say which. */
  private ConditionFactory awaiting(String what) {
    return await(what)
        .atMost(START_WITHIN)
        .pollInterval(Duration.ofMillis(250))
        .ignoreException(KubernetesClientException.class)
        .failFast(
            "a process of the control plane exited",
            () -> processes.stream().anyMatch(p -> !p.isAlive()));
  }

  private boolean leading(String component) {
    Lease lease = client.leases().inNamespace("kube-system").withName(component).get();
    return lease != null && lease.getSpec().getHolderIdentity() != null;
  }

  private boolean nodesSchedulable() {
    List<Node> nodes = client.nodes().withLabel("type", "kwok").list().getItems();
    return nodes.size() == options.nodes()
        && nodes.stream().allMatch(n -> ready(n) && untainted(n));
  }

  private static boolean untainted(Node node) {
    return node.getSpec().getTaints() == null || node.getSpec().getTaints().isEmpty();
  }

  private static boolean ready(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Until the API server serves its {@code default} namespace, asked without retries. */
  private void awaitServing(ApiServer api) {
    Config once = api.config();
    once.setRequestRetryBackoffLimit(0);
    try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(once).build()) {
      awaiting("kube-apiserver serving")
          .until(() -> probe.namespaces().withName("default").get() != null);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("control-plane");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a directory for the control plane", e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
