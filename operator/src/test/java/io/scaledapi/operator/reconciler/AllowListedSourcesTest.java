package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.api.v1alpha1.PrometheusAuthSpec;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.SecretKeyRef;
import io.scaledapi.operator.prometheus.MetricsSource;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.prometheus.RangeResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decorator hands a ScaledApi to the sources that read its Secrets and send its queries only
 * when its address is allowed; otherwise it names the problem and nothing below it runs.
 */
class AllowListedSourcesTest {

  /** Records which ScaledApis got as far as the sources that read Secrets and send queries. */
  static final class RecordingSources implements MetricsSources, MetricsSource {
    final List<String> asked = new ArrayList<>();

    @Override
    public MetricsSource sourceFor(ScaledApi scaledApi) {
      asked.add(scaledApi.getMetadata().getNamespace());
      return this;
    }

    @Override
    public List<String> problems(ScaledApi scaledApi) {
      return List.of("spec.queue.query: refused below");
    }

    @Override
    public QueryResult query(String promql, Instant time) {
      return new QueryResult.Value(1, time);
    }

    @Override
    public RangeResult queryRange(String promql, Instant start, Instant end, Duration step) {
      return new RangeResult.Series(List.of());
    }
  }

  final RecordingSources below = new RecordingSources();
  final AllowListedSources sources =
      new AllowListedSources(
          below,
          PrometheusAllowList.of(
              Optional.of(URI.create("http://prometheus:9090")),
              List.of(URI.create("http://thanos:9090"))));

  static ScaledApi scaledApi(String namespace, String address) {
    return TestScaledApis.scaledApi(
        namespace,
        TestScaledApis.minimalSpec(
            new PrometheusSpec(
                address,
                new PrometheusAuthSpec(new SecretKeyRef("prom-token", null), null),
                null,
                null)));
  }

  @Test
  void aRefusedAddressNeverReachesTheSourcesBelow() {
    ScaledApi prober = scaledApi("prober", "http://kubernetes.default.svc:443");
    String refusal =
        "spec.prometheus.address: http://kubernetes.default.svc:443 is not an allowed Prometheus"
            + " address (allowed: http://prometheus:9090, http://thanos:9090); ask the cluster"
            + " admin to add it to prometheus.allowedAddresses, or leave it out to use the"
            + " default";

    // every problem at once: the refusal first, then those found below
    assertThat(sources.problems(prober))
        .containsExactly(refusal, "spec.queue.query: refused below");
    assertThatThrownBy(() -> sources.sourceFor(prober))
        .isInstanceOf(MetricsSources.SourceConfigurationException.class)
        .hasMessage(refusal);
    assertThat(below.asked).isEmpty();
  }

  @Test
  void allowedAddressesAndTheDefaultPassThrough() {
    assertThat(sources.sourceFor(scaledApi("a", "http://thanos:9090/"))).isSameAs(below);
    assertThat(sources.sourceFor(scaledApi("b", null))).isSameAs(below);
    assertThat(sources.sourceFor(scaledApi("c", " "))).isSameAs(below);
    assertThat(sources.sourceFor(TestScaledApis.scaledApi("d", TestScaledApis.minimalSpec(null))))
        .isSameAs(below);
    assertThat(below.asked).containsExactly("a", "b", "c", "d");
    assertThat(sources.problems(scaledApi("a", "http://thanos:9090")))
        .containsExactly("spec.queue.query: refused below");
  }
}
