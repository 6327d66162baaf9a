package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.PrometheusSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Notes when each ScaledApi's reconcile last started, through the operator framework's own hooks,
 * so that {@code /healthz} fails once reconciles that were due stop running: the framework's timer
 * thread died, or its threads hang. A reconcile is overdue when the last one started more than
 * three polling intervals ago, plus a grace for one slow reconcile. A deleted ScaledApi is
 * forgotten, and whoever holds something for it is told.
 */
final class ReconcileWatchdog implements Metrics {

  /** Time for the Kubernetes calls of one reconcile, and for the queue in front of it. */
  static final Duration GRACE = Duration.ofSeconds(30);

  /** The most Prometheus queries one reconcile sends: three signals and a warm start. */
  static final int QUERIES_PER_RECONCILE = 6;

  private record Started(Instant at, Duration allowed) {}

  private final Clock clock;
  private final BiConsumer<String, String> deleted;
  private final Map<ResourceID, Started> started = new ConcurrentHashMap<>();

  /**
   * @param deleted told the namespace and name of each ScaledApi deleted
   */
  ReconcileWatchdog(Clock clock, BiConsumer<String, String> deleted) {
    this.clock = clock;
    this.deleted = deleted;
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    if (resource instanceof ScaledApi scaledApi) {
      started.put(
          ResourceID.fromResource(scaledApi),
          new Started(clock.instant(), allowedGap(scaledApi.getSpec())));
    }
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    started.remove(resourceID);
    deleted.accept(resourceID.getNamespace().orElse(""), resourceID.getName());
  }

  /** The most overdue ScaledApi and how late it is; empty when every reconcile ran in time. */
  Optional<String> overdue() {
    Instant now = clock.instant();
    return started.entrySet().stream()
        .filter(e -> now.isAfter(e.getValue().at().plus(e.getValue().allowed())))
        .max(Comparator.comparing(e -> Duration.between(e.getValue().at(), now)))
        .map(
            e ->
                String.format(
                    "%s/%s: no reconcile started for %ds (%ds allowed)",
                    e.getKey().getNamespace().orElse(""),
                    e.getKey().getName(),
                    Duration.between(e.getValue().at(), now).toSeconds(),
                    e.getValue().allowed().toSeconds()));
  }

  /** Three polling intervals, the longest one reconcile's queries may take, and the grace. */
  static Duration allowedGap(ScaledApiSpec spec) {
    Duration interval = SpecParser.pollingInterval(spec);
    return interval
        .multipliedBy(3)
        .plus(timeout(spec).multipliedBy(QUERIES_PER_RECONCILE))
        .plus(GRACE);
  }

  private static Duration timeout(ScaledApiSpec spec) {
    PrometheusSpec prometheus = spec == null ? null : spec.prometheus();
    Duration longest = Durations.parse(PrometheusSpec.MAX_TIMEOUT);
    try {
      Duration timeout =
          Durations.parse(
              prometheus == null ? PrometheusSpec.DEFAULT_TIMEOUT : prometheus.timeoutOrDefault());
      return timeout.compareTo(longest) > 0 ? longest : timeout;
    } catch (IllegalArgumentException e) {
      return Durations.parse(PrometheusSpec.DEFAULT_TIMEOUT);
    }
  }
}
