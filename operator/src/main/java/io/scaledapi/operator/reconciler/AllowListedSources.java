package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.prometheus.MetricsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lets a ScaledApi reach Prometheus only at an address the cluster admin allowed (see {@link
 * PrometheusAllowList}). A ScaledApi naming any other address never gets further: its Secrets are
 * not read, no request is sent, and {@link #problems} names the field and the fix for its status. A
 * ScaledApi that names no address uses the operator's default, which is always allowed.
 */
final class AllowListedSources implements MetricsSources {
  private final MetricsSources delegate;
  private final PrometheusAllowList allowList;

  AllowListedSources(MetricsSources delegate, PrometheusAllowList allowList) {
    this.delegate = delegate;
    this.allowList = allowList;
  }

  @Override
  public MetricsSource sourceFor(ScaledApi scaledApi) {
    Optional<String> refusal = refusal(scaledApi);
    if (refusal.isPresent()) {
      throw new SourceConfigurationException(refusal.get());
    }
    return delegate.sourceFor(scaledApi);
  }

  @Override
  public List<String> problems(ScaledApi scaledApi) {
    Optional<String> refusal = refusal(scaledApi);
    if (refusal.isEmpty()) {
      return delegate.problems(scaledApi);
    }
    List<String> problems = new ArrayList<>();
    problems.add(refusal.get());
    problems.addAll(delegate.problems(scaledApi));
    return problems;
  }

  private Optional<String> refusal(ScaledApi scaledApi) {
    PrometheusSpec spec = scaledApi.getSpec().prometheus();
    if (spec == null || spec.address() == null || spec.address().isBlank()) {
      return Optional.empty();
    }
    return allowList.refusal(spec.address());
  }
}
