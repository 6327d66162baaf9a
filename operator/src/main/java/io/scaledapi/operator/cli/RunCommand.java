package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.reconciler.ScaledApiOperator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the operator and serves its metrics and probes until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the operator against the cluster of the current kubeconfig or service account.")
public final class RunCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--prometheus-address",
      description = "Prometheus used by ScaledApis that name none, e.g. http://prometheus:9090.")
  URI prometheusAddress;

  @Option(
      names = {"--namespace", "-n"},
      split = ",",
      description = "Namespaces to watch (repeat or comma-separate). Default: all namespaces.")
  List<String> namespaces = List.of();

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
      defaultValue = "scaledapi-operator",
      description = "Name of the leader-election Lease. Default: ${DEFAULT-VALUE}.")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      description = "Namespace of the Lease. Default: the operator's own namespace.")
  String leaseNamespace;

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
      names = "--metrics-port",
      defaultValue = "8080",
      description = "Port serving /metrics, /healthz and /readyz. Default: ${DEFAULT-VALUE}.")
  int metricsPort;

  @Option(
      names = "--log-level",
      defaultValue = "info",
      description = "trace, debug, info, warn or error. Default: ${DEFAULT-VALUE}.")
  String logLevel;

  @Override
  public Integer call() throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    String instance =
        Optional.ofNullable(System.getenv("POD_NAME"))
            .orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
    ScaledApiOperator.Settings settings = settings(instance);
    KubernetesClient client = new KubernetesClientBuilder().build();
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
   * The operator's settings from the options, with server-side apply for status.
   *
   * @throws CommandLine.ParameterException if {@code --namespace-label} is not a label name
   */
  ScaledApiOperator.Settings settings(String instance) {
    ScaledApiOperator.Settings settings = baseSettings(instance);
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
        true,
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
