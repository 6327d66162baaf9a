package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the operator and serves its metrics and probes until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the operator against the cluster of the kubeconfig or, in a pod, of its service"
          + " account.",
      "Before starting it checks once that the API server answers and accepts the credentials;"
          + " if not, it stops with one line saying why."
    })
public final class RunCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = {
        "The kubeconfig to use, with its current context.",
        "Default: $KUBECONFIG, else ~/.kube/config, else the pod's service account."
      })
  Path kubeconfig;

  @Option(
      names = "--prometheus-address",
      paramLabel = "URL",
      description = {
        "Prometheus for the ScaledApis that name none. Default: none, such a ScaledApi reports"
            + " that it needs one.",
        "Example: http://prometheus:9090"
      })
  URI prometheusAddress;

  @Option(
      names = "--allowed-prometheus-address",
      paramLabel = "URL",
      description = {
        "A Prometheus address ScaledApis may name in spec.prometheus.address (repeat for several);"
            + " the --prometheus-address is always allowed. It allows the same scheme, host (in"
            + " any case) and port (80 or 443 when left out), with the same path or a path below"
            + " it at a /. Default: none, ScaledApis may use the --prometheus-address alone.",
        "Example: http://thanos-query.monitoring.svc:9090"
      })
  List<URI> allowedPrometheusAddresses = List.of();

  @Option(
      names = {"--namespace", "-n"},
      paramLabel = "NAMESPACE",
      split = ",",
      description = "Namespaces to watch (repeat or comma-separate). Default: all namespaces.")
  List<String> namespaces = List.of();

  @Option(
      names = "--namespace-label",
      paramLabel = "LABEL",
      description =
          "Confine each ScaledApi's queries to its own namespace: add LABEL=\"<its namespace>\" to"
              + " every selector of every query, and refuse a query that selects another"
              + " namespace. LABEL is the series label holding the namespace, e.g. namespace or"
              + " kubernetes_namespace. Default: off (the Helm chart sets namespace).")
  String namespaceLabel;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Elect a leader on a Lease so that only one instance scales. Default: ${DEFAULT-VALUE}.")
  boolean leaderElection;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      defaultValue = "scaledapi-operator",
      description = "Name of the leader-election Lease. Default: ${DEFAULT-VALUE}.")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NAMESPACE",
      description =
          "Namespace of the Lease. Default: the operator's own namespace in a pod, else the"
              + " kubeconfig context's, else default.")
  String leaseNamespace;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port serving /metrics, /healthz and /readyz. Default: ${DEFAULT-VALUE}.")
  int metricsPort;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "info",
      converter = LogLevel.Converter.class,
      description =
          "One of ${COMPLETION-CANDIDATES}; debug also prints the stack trace of a failed"
              + " start. Default: ${DEFAULT-VALUE}.")
  LogLevel logLevel;

  @Override
  @SuppressWarnings("try") // the metrics server serves for the try block; nothing calls it
  public Integer call() throws Exception {
    logLevel.apply();
    String instance =
        Optional.ofNullable(System.getenv("POD_NAME"))
            .orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
    ScaledApiOperator.Settings settings = settings(instance);
    Optional<Config> config = clusterConfig();
    if (config.isEmpty()) {
      return 1;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config.get()).build();
    ScaledApiOperator operator = ScaledApiOperator.create(client, settings, registry);
    CountDownLatch stopped = new CountDownLatch(1);
    try (HealthAndMetricsServer server =
        new HealthAndMetricsServer(
            new InetSocketAddress(metricsPort), registry, operator::healthy, operator::ready)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    operator.close();
                    client.close();
                    stopped.countDown();
                  },
                  "shutdown"));
      operator.start();
      stopped.await();
    }
    return 0;
  }

  /**
   * The client's configuration once the API server has answered as one; empty, with the reason
   * printed, when there is no cluster to work with.
   */
  private Optional<Config> clusterConfig() {
    Logger log = LoggerFactory.getLogger(RunCommand.class);
    Optional<String> option = Optional.ofNullable(kubeconfig).map(Path::toString);
    if (kubeconfig != null) {
      if (!Files.isRegularFile(kubeconfig)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--kubeconfig: no such file: " + kubeconfig);
      }
      // read by fabric8 before KUBECONFIG, here and whenever it reloads credentials
      System.setProperty(ConfigSource.KUBECONFIG_PROPERTY, kubeconfig.toString());
    }
    Config config;
    try {
      config = Config.autoConfigure(null);
    } catch (RuntimeException e) {
      log.debug("Reading the kubeconfig failed", e);
      return fail(
          "cannot read the kubeconfig "
              + String.join(", ", Config.getKubeconfigFilenames())
              + ": "
              + ApiServerCheck.what(e));
    }
    ConfigSource source = ConfigSource.of(config, option);
    if (source.kind() == ConfigSource.Kind.NONE) {
      return fail(ApiServerCheck.nothingConfigured(source));
    }
    String server = config.getMasterUrl();
    ApiServerCheck.Outcome outcome = ApiServerCheck.probe(config);
    if (outcome instanceof ApiServerCheck.Failed failed) {
      log.debug("GET /{} of {} failed", ApiServerCheck.PATH, server, failed.cause());
    }
    Optional<String> problem = ApiServerCheck.problem(source, server, outcome);
    if (problem.isPresent()) {
      return fail(problem.get());
    }
    log.info("Kubernetes API server {} from {}", server, source.describe());
    return Optional.of(withKubectlNamespace(config));
  }

  /**
   * A context without a namespace means {@code default}, as kubectl reads it; without one the
   * leader-election Lease would have no namespace outside a pod.
   */
  static Config withKubectlNamespace(Config config) {
    if (config.getNamespace() == null) {
      config.setNamespace("default");
    }
    return config;
  }

  private Optional<Config> fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("run: " + message);
    err.flush();
    return Optional.empty();
  }

  /**
   * The operator's settings from the options, with server-side apply for status.
   *
   * @throws CommandLine.ParameterException if {@code --namespace-label} is not a label name, or an
   *     {@code --allowed-prometheus-address} cannot be one
   */
  ScaledApiOperator.Settings settings(String instance) {
    ScaledApiOperator.Settings settings;
    try {
      settings = baseSettings(instance).withAllowedPrometheus(allowedPrometheusAddresses);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--allowed-prometheus-address: " + e.getMessage());
    }
    if (namespaceLabel == null) {
      return settings;
    }
    try {
      return settings.withNamespaceIsolation(new NamespaceIsolation(namespaceLabel));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--namespace-label: " + e.getMessage());
    }
  }

  private ScaledApiOperator.Settings baseSettings(String instance) {
    return new ScaledApiOperator.Settings(
        Optional.ofNullable(prometheusAddress),
        new LinkedHashSet<>(namespaces),
        leaderElection
            ? Optional.of(
                new ScaledApiOperator.LeaderElection(
                    leaseName, Optional.ofNullable(leaseNamespace), true))
            : Optional.empty(),
        Clock.systemUTC(),
        instance);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "scaledapi-operator";
    }
  }
}
