package io.scaledapi.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.APIServiceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Metrics adapters run as local processes beside a {@link ControlPlane} and served through its
 * aggregation layer: prometheus-adapter for {@code custom.metrics.k8s.io} and KEDA's operator and
 * metrics adapter for {@code external.metrics.k8s.io} (one API group version has one server, so the
 * two cannot share a group). Each is registered by an APIService whose Service is an {@code
 * ExternalName} for 127.0.0.1 on the process's port.
 *
 * <p>The binaries and KEDA's CRDs come from the directory {@code -Dautoscalers.dir} or the
 * environment variable {@code SCALEDAPI_AUTOSCALERS_DIR} names, else the one {@code
 * testbed/build.sh} prints.
 */
public final class MetricsAdapters {
  static final String ENTRY_LINE = "SCALEDAPI_AUTOSCALERS_DIR=";

  /** Where the adapters' Services live. */
  public static final String NAMESPACE = "metrics-adapters";

  /** The namespace KEDA's operator keeps its cluster-wide objects in. */
  static final String KEDA_NAMESPACE = "keda-system";

  private static final Duration AVAILABLE_WITHIN = Duration.ofMinutes(2);

  private MetricsAdapters() {}

  /** The directory of the adapters' binaries ({@code bin/}) and KEDA's CRDs. */
  static Path directory() {
    String property = System.getProperty("autoscalers.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String environment = System.getenv(ENTRY_LINE.substring(0, ENTRY_LINE.length() - 1));
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment);
    }
    return RealApiServer.Testbed.entry(RealApiServer.repositoryRoot(), ENTRY_LINE);
  }

  /** KEDA's CustomResourceDefinitions, at the version of its binaries. */
  public static List<Path> kedaCrds() {
    try (Stream<Path> files = Files.list(directory().resolve("keda-crds"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list KEDA's CRDs", e);
    }
  }

  /**
   * Starts prometheus-adapter reading {@code prometheus} with {@code config} (its rules) and
   * registers it for {@code custom.metrics.k8s.io}; returns once the API server reports it
   * Available.
   */
  public static void startPrometheusAdapter(ControlPlane plane, URI prometheus, String config) {
    Path dir = plane.directory().resolve("prometheus-adapter");
    Path rules = dir.resolve("config.yaml");
    write(rules, config);
    int port = freePort();
    String kubeconfig = plane.kubeconfig().toString();
    plane.startBeside(
        "prometheus-adapter",
        binary("prometheus-adapter"),
        List.of(
            "--secure-port=" + port,
            "--bind-address=127.0.0.1",
            "--cert-dir=" + dir.resolve("certs"),
            "--lister-kubeconfig=" + kubeconfig,
            "--authentication-kubeconfig=" + kubeconfig,
            "--authorization-kubeconfig=" + kubeconfig,
            "--prometheus-url=" + prometheus,
            "--config=" + rules,
            "--metrics-relist-interval=10s",
            "--v=2"),
        Map.of());
    register(plane.client(), "prometheus-adapter", "custom.metrics.k8s.io", port);
  }

  /**
   * Starts KEDA's operator (watching every namespace, no webhooks, no certificate rotation) and its
   * metrics adapter, which reads the operator's metrics over gRPC with mutual TLS on certificates
   * made here, and registers the adapter for {@code external.metrics.k8s.io}; returns once the API
   * server reports it Available.
   */
  public static void startKeda(ControlPlane plane) {
    Path dir = plane.directory().resolve("keda");
    Path certs = dir.resolve("certs");
    TlsFiles.write(certs);
    int grpcPort = freePort();
    int adapterPort = freePort();
    String kubeconfig = plane.kubeconfig().toString();
    Map<String, String> env =
        Map.of(
            "KUBECONFIG", kubeconfig,
            "WATCH_NAMESPACE", "",
            "POD_NAMESPACE", KEDA_NAMESPACE,
            "KEDA_CLUSTER_OBJECT_NAMESPACE", KEDA_NAMESPACE);
    plane.startBeside(
        "keda-operator",
        binary("keda-operator"),
        List.of(
            "--metrics-bind-address=0",
            "--health-probe-bind-address=0",
            "--metrics-service-bind-address=127.0.0.1:" + grpcPort,
            "--cert-dir=" + certs,
            "--enable-cert-rotation=false",
            "--enable-webhook-patching=false",
            "--enable-apiservice-patching=false",
            "--ca-dir=" + certs,
            "--zap-log-level=info"),
        env);
    plane.startBeside(
        "keda-adapter",
        binary("keda-adapter"),
        List.of(
            "--secure-port=" + adapterPort,
            "--bind-address=127.0.0.1",
            "--cert-dir=" + certs,
            "--tls-cert-file=" + certs.resolve("tls.crt"),
            "--tls-private-key-file=" + certs.resolve("tls.key"),
            "--lister-kubeconfig=" + kubeconfig,
            "--authentication-kubeconfig=" + kubeconfig,
            "--authorization-kubeconfig=" + kubeconfig,
            "--metrics-service-address=127.0.0.1:" + grpcPort,
            "--port=" + freePort(),
            "--zap-log-level=info"),
        env);
    register(plane.client(), "keda-metrics-apiserver", "external.metrics.k8s.io", adapterPort);
  }

  /**
   * Registers the server on 127.0.0.1:{@code port} for {@code group}/v1beta1 and waits until the
   * API server reports the APIService Available.
   */
  static void register(KubernetesClient client, String service, String group, int port) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    client
        .services()
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(service)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withType("ExternalName")
                .withExternalName("127.0.0.1")
                .addNewPort()
                .withName("https")
                .withPort(port)
                .endPort()
                .endSpec()
                .build())
        .serverSideApply();
    String name = "v1beta1." + group;
    APIService apiService =
        new APIServiceBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withGroup(group)
            .withVersion("v1beta1")
            .withNewService()
            .withName(service)
            .withNamespace(NAMESPACE)
            .withPort(port)
            .endService()
            .withInsecureSkipTLSVerify(true)
            .withGroupPriorityMinimum(100)
            .withVersionPriority(100)
            .endSpec()
            .build();
    client.resource(apiService).serverSideApply();
    await("APIService " + name + " Available")
        .atMost(AVAILABLE_WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> available(client, name));
  }

  private static boolean available(KubernetesClient client, String name) {
    APIService service = client.apiServices().withName(name).get();
    return service != null
        && service.getStatus() != null
        && service.getStatus().getConditions() != null
        && service.getStatus().getConditions().stream()
            .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Path binary(String name) {
    Path binary = directory().resolve("bin").resolve(name);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("no " + binary + "; run testbed/build.sh");
    }
    return binary;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
