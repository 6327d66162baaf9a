package io.scaledapi.operator.sim;

import java.util.List;
import java.util.Random;

/**
 * One policy's run through the whole workload, one second at a time. Before second 0 the workload
 * is taken to have run steadily at its first minute's mean rate ({@link #steadyRate}): Prometheus
 * holds the hour of scrapes before it, up to and including second 0 ({@link Scrapes#steadyBefore}),
 * and the policy's first view reports that rate. Each second {@code t}: replicas whose start-up has
 * elapsed become ready; Prometheus scrapes when {@code t} is a positive multiple of the scrape
 * interval and it is not down, its counters going on from where the pre-history left them; the
 * policy decides when {@code t} is a multiple of its period, and the target is scaled to its answer
 * clamped to {@code [1, maxReplicas]}; then the second's arrivals join the queue and the ready
 * replicas serve it.
 *
 * <p>A request taken from the queue is in service for one second, the unit {@code
 * capacityPerReplica} is counted in, so a ready replica at full load has {@code capacityPerReplica}
 * requests in flight (Little's law). It is counted as in service during the second it was taken,
 * and as served from the end of that second. At the end of every second {@code arrived = served +
 * dropped + waiting + in service}.
 */
final class Replay implements FluidQueue.Sink {

  /** What the run holds at the end of second {@code t}. */
  record Second(
      long t,
      double arrived,
      double served,
      double dropped,
      double waiting,
      double inService,
      int specReplicas,
      int readyReplicas) {}

  /** Sees every second of every run; for checking the model. */
  @FunctionalInterface
  interface Observer {
    void after(String policy, Second second);
  }

  /**
   * Seconds of rounding the model forgives: a wait this close to the SLO meets it, a start-up this
   * close to a whole second rounds to it. The model's arithmetic is exact to far better.
   */
  private static final double TOLERANCE = 1e-9;

  private final Workload workload;
  private final ClusterSpec cluster;
  private final FluidQueue queue;
  private final Policy policy;
  private final WaitHistogram waits = new WaitHistogram();
  private final Replicas replicas;
  private final Scrapes scrapes;
  private final Metrics metrics;
  private final List<MetricsOutage> outages;
  private final OutageWatches watches;
  private final SeriesBuilder series;
  private final Random random;
  private final double slo;
  private final double steadyRate;
  private final double carried;

  private double servedNow;
  private double longestNow;
  private double queuedNow;
  private double departed;
  private double dropped;
  private double overSlo;
  private double longest;

  Replay(Workload workload, ClusterSpec cluster, FluidQueue queue, Policy policy) {
    this.workload = workload;
    this.cluster = cluster;
    this.queue = queue;
    this.policy = policy;
    this.replicas = new Replicas(cluster.initialReplicas());
    this.steadyRate = steadyRate(queue);
    this.scrapes = Scrapes.steadyBefore(cluster.scrapeInterval(), steadyRate);
    this.carried = scrapes.arrivedTotal(0);
    this.outages = cluster.metricsOutages();
    this.metrics = OutageMetrics.of(scrapes, outages);
    this.watches = new OutageWatches(outages, queue.seconds());
    this.series = new SeriesBuilder(queue.seconds());
    this.random = new Random(cluster.seed());
    this.slo = cluster.slo().toNanos() / 1e9;
  }

  PolicyResult run(Progress progress, Observer observer) {
    String name = policy.name();
    int seconds = queue.seconds();
    long period = Math.max(1, policy.period().toSeconds());
    long scrapeEvery = cluster.scrapeInterval().toSeconds();
    long progressEvery = Math.max(1, (seconds + 199) / 200);
    double capacity = cluster.capacityPerReplica();
    double head = 0;
    double servedLast = 0;
    double queuedLast = 0;
    double replicaSeconds = 0;
    int actions = 0;
    for (int t = 0; t < seconds; t++) {
      replicas.promote(t);
      watches.before(t, replicas.total());
      if (t > 0 && t % scrapeEvery == 0 && MetricsOutage.at(outages, t).isEmpty()) {
        scrapes.add(
            t,
            carried + queue.arrivedBy(t),
            carried + departed - servedLast,
            queue.waiting(head, t),
            servedLast);
      }
      if (t % period == 0) {
        int wanted = policy.decide(view(t, queuedLast + servedLast));
        int clamped = Math.max(1, Math.min(cluster.maxReplicas(), wanted));
        if (clamped != replicas.total()) {
          actions++;
          replicas.scaleTo(clamped, t, this::readySecond);
        }
      }
      watches.after(t, replicas.total());
      servedNow = 0;
      longestNow = 0;
      queuedNow = 0;
      head = queue.advance(head, t, replicas.ready() * capacity, this);
      departed += servedNow;
      replicaSeconds += replicas.total();
      series.add(t, queue.arrivals(t), replicas.total(), replicas.ready(), longestNow);
      if (observer != null) {
        observer.after(name, second(t, head));
      }
      servedLast = servedNow;
      queuedLast = queuedNow;
      if ((t + 1) % progressEvery == 0 || t + 1 == seconds) {
        progress.at(name, t + 1, seconds);
      }
    }
    watches.finish(replicas.total());
    double arrived = queue.arrivedBy(seconds);
    double overdue = Math.max(0, queue.arrivedBy(seconds - slo) - queue.arrivedBy(head));
    double violating = overSlo + dropped + overdue;
    return new PolicyResult(
        name,
        arrived,
        departed - servedLast,
        dropped,
        queue.waiting(head, seconds) + servedLast,
        arrived > 0 ? Math.min(1, violating / arrived) : 0,
        waits.quantile(0.5),
        waits.quantile(0.99),
        longest,
        replicaSeconds,
        actions,
        series.build(),
        policy.note(),
        watches.results());
  }

  /**
   * At second 0 the last second is the pre-history's: {@code steadyRate} in service, none waiting.
   */
  private View view(int t, double concurrency) {
    return new View(
        t,
        workload.start().plusSeconds(t),
        replicas.total(),
        replicas.ready(),
        metrics,
        t > 0 ? concurrency : steadyRate,
        t > 0 ? queue.arrivals(t - 1) : steadyRate);
  }

  /** The mean requests per second of the first minute, or of the whole workload if shorter. */
  static double steadyRate(FluidQueue queue) {
    int n = Math.min(60, queue.seconds());
    return queue.arrivedBy(n) / n;
  }

  private Second second(int t, double head) {
    return new Second(
        t,
        queue.arrivedBy(t + 1.0),
        departed - servedNow,
        dropped,
        queue.waiting(head, t + 1.0),
        servedNow,
        replicas.total(),
        replicas.ready());
  }

  /** The second a replica requested at {@code t} is ready: after its start-up, rounded up. */
  private long readySecond(long t) {
    double startup = cluster.startup().toMillis() / 1000.0;
    double jitter = cluster.startupJitter().toMillis() / 1000.0;
    if (jitter > 0) {
      startup += jitter * (2 * random.nextDouble() - 1);
    }
    return t + (long) Math.ceil(startup - TOLERANCE);
  }

  @Override
  public void served(double m, double from, double to) {
    if (!(m > 0)) {
      return;
    }
    double lo = Math.min(from, to);
    double hi = Math.max(from, to);
    servedNow += m;
    longestNow = Math.max(longestNow, hi);
    longest = Math.max(longest, hi);
    waits.add(m, lo, hi);
    if (lo > slo + TOLERANCE) {
      overSlo += m;
    } else if (hi > slo + TOLERANCE) {
      overSlo += m * (hi - slo) / (hi - lo);
    }
  }

  @Override
  public void dropped(double m) {
    dropped += m;
  }

  @Override
  public void queued(double requestSeconds) {
    queuedNow += requestSeconds;
  }
}
