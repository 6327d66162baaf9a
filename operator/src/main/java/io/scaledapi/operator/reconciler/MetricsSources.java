package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.operator.prometheus.MetricsSource;
import java.util.List;

/** Gives the metrics source a ScaledApi reads its signals from. */
interface MetricsSources {

  /**
   * The source for {@code scaledApi}.
   *
   * @throws SourceConfigurationException when its connection settings cannot be used, e.g. a Secret
   *     is missing; the message names the field and the fix
   */
  MetricsSource sourceFor(ScaledApi scaledApi);

  /**
   * Why this source would refuse some of the ScaledApi's queries, each problem naming the field and
   * the fix; empty when it sends them all. This default refuses none.
   */
  default List<String> problems(ScaledApi scaledApi) {
    return List.of();
  }

  /** Connection settings that cannot be used. */
  final class SourceConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourceConfigurationException(String message) {
      super(message);
    }
  }
}
