package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.reconciler.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    assertThat(SpecValidator.problems(spec)).isEmpty();
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
    Service service = Serialization.unmarshal(documents().get(1), Service.class);
    assertThat(service.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
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
