package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.spec.SpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample manifests parse, validate, and query metrics the API really exports. */
class ManifestsTest {
  private static final Path MANIFESTS = Path.of("../manifests");
  private static final Pattern METRIC = Pattern.compile("api_[a-z_]+");

  @Test
  void theScaledApiIsValidAndTargetsTheDeployment() throws IOException {
    ScaledApiSpec spec = scaledApi().getSpec();
    assertThat(SpecParser.parse(spec).problems()).isEmpty();
    assertThat(spec.scaleTargetRef().name()).isEqualTo(deployment().getMetadata().getName());
    assertThat(spec.queue().query()).contains("api_queue_requests_waiting");
    assertThat(spec.latency().query()).contains("api_request_duration_seconds_bucket");
    assertThat(spec.arrivalRate().query()).contains("api_requests_arrived_total");
  }

  @Test
  void everyMetricTheScaledApiQueriesIsExported() throws Exception {
    ScaledApiSpec spec = scaledApi().getSpec();
    String exported;
    try (QueueApiServer api =
        QueueApiServer.start(new QueueApiConfig(1, Duration.ZERO, 10, "127.0.0.1", 0))) {
      assertThat(Http.get(api, "/work").statusCode()).isEqualTo(200);
      exported = Http.get(api, "/metrics").body();
    }
    for (String query :
        List.of(spec.queue().query(), spec.latency().query(), spec.arrivalRate().query())) {
      Matcher m = METRIC.matcher(query);
      assertThat(m.find()).as(query).isTrue();
      assertThat(exported).contains("\n" + m.group());
    }
  }

  @Test
  void theDeploymentIsScrapedOnItsContainerPortAndServed() throws IOException {
    Deployment deployment = deployment();
    var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/path", "/metrics");
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getPorts().get(0).getContainerPort())
        .isEqualTo(Integer.parseInt(annotations.get("prometheus.io/port")));
    assertThat(QueueApiConfig.parse(container.getArgs().toArray(String[]::new)).port())
        .isEqualTo(8080);
    Service service = service();
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  /**
   * The prometheus-community chart scrapes annotated pods and annotated Services alike: a Service
   * with the annotations would have every pod scraped twice and every sum doubled.
   */
  @Test
  void onlyThePodsAskToBeScrapedSoEachPodIsScrapedOnce() throws IOException {
    assertThat(service().getMetadata().getAnnotations())
        .as("the Service's annotations")
        .doesNotContainKeys("prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path");
  }

  @Test
  void thePodMonitorSelectsThePodsOnTheirMetricsPort() throws IOException {
    GenericKubernetesResource monitor =
        Serialization.unmarshal(
            Files.readString(MANIFESTS.resolve("podmonitor.yaml")),
            GenericKubernetesResource.class);
    assertThat(monitor.getKind()).isEqualTo("PodMonitor");
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    var template = deployment().getSpec().getTemplate();
    assertThat(template.getMetadata().getLabels()).containsAllEntriesOf(selector);
    List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
    assertThat(endpoints).hasSize(1);
    assertThat(endpoints.get(0))
        .containsEntry("port", containerPortName())
        .containsEntry("path", template.getMetadata().getAnnotations().get("prometheus.io/path"));
    List<String> copied = monitor.get("spec", "podTargetLabels");
    assertThat(copied).as("labels the queries select on").contains("app");
  }

  /** A job of its own name: adding it next to a chart's kubernetes-pods job is not a duplicate. */
  @Test
  void theScrapeConfigJobKeepsOnlyTheExamplePodsOnTheirMetricsPort() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> config =
        Serialization.unmarshal(
            Files.readString(MANIFESTS.resolve("scrape-config.yaml")), Map.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).get("job_name"))
        .isNotIn("kubernetes-pods", "kubernetes-service-endpoints");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> relabels =
        (List<Map<String, Object>>) jobs.get(0).get("relabel_configs");
    assertThat(relabels)
        .anySatisfy(keeps("__meta_kubernetes_pod_label_app", podLabel("app")))
        .anySatisfy(keeps("__meta_kubernetes_pod_container_port_name", containerPortName()))
        .anySatisfy(labels("namespace"))
        .anySatisfy(labels("app"));
  }

  private static Consumer<Map<String, Object>> keeps(String source, String value) {
    return rule ->
        assertThat(rule)
            .containsEntry("source_labels", List.of(source))
            .containsEntry("action", "keep")
            .containsEntry("regex", value);
  }

  private static Consumer<Map<String, Object>> labels(String target) {
    return rule -> assertThat(rule).containsEntry("target_label", target);
  }

  private static String podLabel(String key) throws IOException {
    return deployment().getSpec().getTemplate().getMetadata().getLabels().get(key);
  }

  private static String containerPortName() throws IOException {
    return deployment()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getPorts()
        .get(0)
        .getName();
  }

  private static Service service() throws IOException {
    return Serialization.unmarshal(documents().get(1), Service.class);
  }

  private static ScaledApi scaledApi() throws IOException {
    return Serialization.unmarshal(
        Files.readString(MANIFESTS.resolve("scaledapi.yaml")), ScaledApi.class);
  }

  private static Deployment deployment() throws IOException {
    return Serialization.unmarshal(documents().get(0), Deployment.class);
  }

  private static List<String> documents() throws IOException {
    return List.of(Files.readString(MANIFESTS.resolve("queue-api.yaml")).split("\n---\n"));
  }
}
