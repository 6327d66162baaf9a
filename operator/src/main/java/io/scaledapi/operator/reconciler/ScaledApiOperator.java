package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.scaledapi.operator.promql.NamespaceIsolation;
import io.scaledapi.operator.spec.SpecParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the reconciler into a JOSDK operator; used by {@code run} and by the tests alike. */
public final class ScaledApiOperator implements AutoCloseable {

  /**
   * Leader election on a Lease; only the leader reconciles. The Lease is not released on stop (the
   * operator framework never releases it), so another instance takes over once it expires.
   *
   * @param exitWhenLost end the process when leadership is lost, so that a restarted pod starts
   *     over as a follower (true in production; a test that stops the operator keeps its JVM)
   */
  public record LeaderElection(
      String leaseName,
      Optional<String> leaseNamespace,
      boolean exitWhenLost,
      LeaseTimings timings) {
    /** With the operator framework's default timings. */
    public LeaderElection(String leaseName, Optional<String> leaseNamespace, boolean exitWhenLost) {
      this(leaseName, leaseNamespace, exitWhenLost, LeaseTimings.DEFAULTS);
    }
  }

  /**
   * How long a Lease holds, how long the leader keeps trying to renew it, how often instances try.
   *
   * @param leaseDuration how long after its last renewal a Lease may be taken over
   * @param renewDeadline how long the leader retries a failing renewal before it gives up leading
   * @param retryPeriod the pause between tries; a follower waits up to 2.2 times as long (jitter)
   */
  public record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    /** 15 s, 10 s and 2 s: the operator framework's defaults. */
    public static final LeaseTimings DEFAULTS =
        new LeaseTimings(
            LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
            LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
            LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);

    /** The leader elector's own jitter on the retry period (fabric8's JITTER_FACTOR). */
    static final double JITTER = 1.2;

    public LeaseTimings {
      requirePositive("leaseDuration", leaseDuration);
      requirePositive("renewDeadline", renewDeadline);
      requirePositive("retryPeriod", retryPeriod);
      if (leaseDuration.compareTo(renewDeadline) <= 0) {
        throw new IllegalArgumentException(
            "leaseDuration "
                + leaseDuration
                + " must be longer than renewDeadline "
                + renewDeadline
                + ", or a Lease could expire while its leader still renews it");
      }
      Duration longestRetry =
          retryPeriod.plusMillis((long) Math.ceil(retryPeriod.toMillis() * JITTER));
      if (renewDeadline.compareTo(longestRetry) <= 0) {
        throw new IllegalArgumentException(
            "renewDeadline "
                + renewDeadline
                + " must be longer than retryPeriod "
                + retryPeriod
                + " plus its jitter ("
                + longestRetry
                + "); raise renewDeadline or lower retryPeriod");
      }
    }

    private static void requirePositive(String field, Duration value) {
      if (value == null || value.toMillis() < 1) {
        throw new IllegalArgumentException(
            field + " must be at least 1ms, was " + value + "; set it to a positive duration");
      }
    }
  }

  /**
   * How the operator runs.
   *
   * @param defaultPrometheus used by ScaledApis that do not name their own address
   * @param namespaces namespaces to watch; empty means all
   * @param leaderElection on when present
   * @param instance this instance's name, for events and the lease
   * @param namespaceIsolation when present, every query is confined to the series of its
   *     ScaledApi's namespace
   * @param allowedPrometheus the further addresses, besides {@code defaultPrometheus}, that a
   *     ScaledApi may name in {@code spec.prometheus.address} (see {@link PrometheusAllowList});
   *     empty means the default alone
   */
  public record Settings(
      Optional<URI> defaultPrometheus,
      Set<String> namespaces,
      Optional<LeaderElection> leaderElection,
      Clock clock,
      String instance,
      Optional<NamespaceIsolation> namespaceIsolation,
      List<URI> allowedPrometheus) {

    /** Checks that each allowed address can be one. */
    public Settings {
      allowedPrometheus = List.copyOf(allowedPrometheus);
      PrometheusAllowList.of(Optional.empty(), allowedPrometheus);
    }

    /** Settings without namespace isolation, allowing ScaledApis the default address alone. */
    public Settings(
        Optional<URI> defaultPrometheus,
        Set<String> namespaces,
        Optional<LeaderElection> leaderElection,
        Clock clock,
        String instance) {
      this(
          defaultPrometheus,
          namespaces,
          leaderElection,
          clock,
          instance,
          Optional.empty(),
          List.of());
    }

    /** These settings with every query confined by {@code isolation}. */
    public Settings withNamespaceIsolation(NamespaceIsolation isolation) {
      return new Settings(
          defaultPrometheus,
          namespaces,
          leaderElection,
          clock,
          instance,
          Optional.of(isolation),
          allowedPrometheus);
    }

    /**
     * These settings with ScaledApis allowed {@code addresses} besides the default.
     *
     * @throws IllegalArgumentException when one cannot be an allowed address, naming it and why
     */
    public Settings withAllowedPrometheus(List<URI> addresses) {
      return new Settings(
          defaultPrometheus,
          namespaces,
          leaderElection,
          clock,
          instance,
          namespaceIsolation,
          addresses);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ScaledApiOperator.class);

  private final Operator operator;
  private final ReconcileWatchdog watchdog;
  private final WorkloadCaches caches;
  private final KubernetesEventRecorder events;

  private ScaledApiOperator(
      Operator operator,
      ReconcileWatchdog watchdog,
      WorkloadCaches caches,
      KubernetesEventRecorder events) {
    this.operator = operator;
    this.watchdog = watchdog;
    this.caches = caches;
    this.events = events;
  }

  /** Builds the operator; call {@link #start()} to begin reconciling. */
  public static ScaledApiOperator create(
      KubernetesClient client, Settings settings, MeterRegistry registry) {
    OperatorMetrics metrics = new OperatorMetrics(registry);
    PrometheusSources prometheus = new PrometheusSources(client, settings.defaultPrometheus());
    ReconcileWatchdog watchdog = new ReconcileWatchdog(settings.clock(), prometheus::forget);
    WorkloadCaches caches = WorkloadCaches.of(client, settings.namespaces());
    KubernetesEventRecorder events =
        new KubernetesEventRecorder(
            client, settings.clock(), settings.instance(), metrics.eventDropped());
    ScaledApiReconciler reconciler =
        new ScaledApiReconciler(
            new ScaledApiReconciler.Collaborators(
                new SpecParser(settings.namespaceIsolation()),
                new KubernetesScaleTargets(client, caches.targets()),
                HpaConflicts.cached(caches.hpas()),
                new SignalReader(sources(prometheus, settings), metrics),
                events,
                metrics,
                settings.clock(),
                ScaledApiPeers.primaryCache(),
                System::nanoTime));
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withMetrics(watchdog)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(true);
              settings
                  .leaderElection()
                  .ifPresent(
                      le ->
                          o.withLeaderElectionConfiguration(
                              new LeaderElectionConfiguration(
                                  le.leaseName(),
                                  le.leaseNamespace().orElse(null),
                                  le.timings().leaseDuration(),
                                  le.timings().renewDeadline(),
                                  le.timings().retryPeriod(),
                                  settings.instance(),
                                  null,
                                  le.exitWhenLost())));
            });
    operator.register(
        reconciler,
        overrider -> {
          if (settings.namespaces().isEmpty()) {
            overrider.watchingAllNamespaces();
          } else {
            overrider.settingNamespaces(settings.namespaces());
          }
        });
    return new ScaledApiOperator(operator, watchdog, caches, events);
  }

  private static MetricsSources sources(PrometheusSources sources, Settings settings) {
    return new AllowListedSources(
        sources,
        PrometheusAllowList.of(settings.defaultPrometheus(), settings.allowedPrometheus()));
  }

  /** Starts the workload informers (waiting a bounded time for their first lists), then JOSDK. */
  public void start() {
    caches.start();
    operator.start();
  }

  /**
   * True once started and every informer is healthy. A follower is ready too: its informers run and
   * it waits for the Lease, so probes leave it alone and it can take over at once.
   */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /**
   * True unless an informer has failed or reconciles that were due have stopped (see {@link
   * ReconcileWatchdog}): either way only a restart helps.
   */
  public boolean healthy() {
    if (!operator.getRuntimeInfo().allEventSourcesAreHealthy()) {
      return false;
    }
    Optional<String> overdue = watchdog.overdue();
    overdue.ifPresent(late -> LOG.warn("Reconciles have stopped; reporting unhealthy. {}", late));
    return overdue.isEmpty();
  }

  @Override
  public void close() {
    operator.stop();
    events.close();
    caches.close();
  }
}
