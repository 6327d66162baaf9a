package io.scaledapi.operator.sim;

import java.time.Duration;

/**
 * Perfect foresight, the physical limit a real policy is measured against: it reads the whole
 * workload and runs the fewest replicas that keep every request's queue wait within the SLO,
 * requesting each replica exactly one start-up ahead of the second it is needed.
 *
 * <p><b>need(t)</b> is the fewest ready replicas in second {@code t} that keep the wait of every
 * request taken in that second within the SLO, and that could go on to serve the requests still
 * waiting at its end within the SLO even if no more arrived, given the backlog the plan left at
 * {@code t}; chosen second by second on the simulator's own queue model. The second condition stops
 * the plan from leaving a queue that would take more replicas to clear next second than to serve
 * now: without it, a burst served at the edge of the SLO needs, the second after, as many replicas
 * as serving it at once would have. The plan is the least for this rule, not a proven optimum over
 * every schedule; what it guarantees is that it keeps the SLO whenever the initial replicas and
 * {@code maxReplicas} allow.
 *
 * <p><b>desired(t) = max need(u) for u in [t, t + startup]</b>. Enough: a replica requested at
 * {@code v} serves from {@code v + startup}, and the simulator removes the newest replicas first
 * (starting ones, then the latest ready), so replicas form a stack and the ones serving in second
 * {@code u} are at least the fewest that existed after any decision from {@code u - startup} to
 * {@code u}; each of those decisions covered {@code u}, so at least need(u) replicas serve in
 * {@code u}. More replicas never lengthen a FIFO queue, so the backlog of the run is at most the
 * planned one, and need(u) suffices. Fewest: every replica that serves in some second of {@code [t,
 * t + startup]} has to exist at {@code t}, having been requested a start-up before. Taking only
 * {@code max(need(t), need(t + startup))} is not enough: a scale-down between the two would remove
 * the replicas still starting for a peak in between.
 *
 * <p>It plans with the fixed start-up: with a start-up jitter its replicas may come late. In the
 * first start-up of the run only the initial replicas can serve; when they cannot keep the SLO,
 * nothing can.
 */
public final class OraclePolicy implements Policy {

  private static final double TOLERANCE = 1e-9;

  private final int[] desired;

  private OraclePolicy(int[] desired) {
    this.desired = desired;
  }

  /** Plans the whole run when created: the only policy that may read the workload. */
  public static PolicyFactory factory() {
    return (workload, cluster) -> new OraclePolicy(plan(workload, cluster));
  }

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public Duration period() {
    return Duration.ofSeconds(1);
  }

  @Override
  public int decide(View view) {
    return desired[(int) Math.min(view.t(), desired.length - 1)];
  }

  static int[] plan(Workload workload, ClusterSpec cluster) {
    int startup = (int) Math.ceil(cluster.startup().toMillis() / 1000.0 - TOLERANCE);
    return coverAhead(need(workload, cluster, startup), startup);
  }

  /** need(t) for every second, carrying the planned backlog forward. */
  static int[] need(Workload workload, ClusterSpec cluster, int startup) {
    double timeout =
        cluster.requestTimeout().map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
    FluidQueue queue = new FluidQueue(workload, timeout);
    Trial trial = new Trial(queue, cluster.capacityPerReplica(), cluster.slo().toNanos() / 1e9);
    int[] need = new int[queue.seconds()];
    double head = 0;
    int previous = cluster.initialReplicas();
    for (int t = 0; t < need.length; t++) {
      int r = fewest(trial, head, t, previous, cluster.maxReplicas());
      if (t < startup) {
        r = Math.min(r, cluster.initialReplicas());
      }
      need[t] = r;
      previous = r;
      head = trial.head(head, t, r);
    }
    return need;
  }

  /** The fewest replicas in [1, most] keeping the SLO in second {@code t}; most if none does. */
  private static int fewest(Trial trial, double head, int t, int guess, int most) {
    int lo = 1;
    int hi = most;
    if (guess <= most && trial.meetsSlo(head, t, guess)) {
      if (guess == 1 || !trial.meetsSlo(head, t, guess - 1)) {
        return guess;
      }
      hi = guess - 1;
    } else {
      lo = Math.min(guess + 1, most);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (trial.meetsSlo(head, t, mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** desired(t) = max need(u) for u in [t, t + startup], by a sliding-window maximum. */
  static int[] coverAhead(int[] need, int startup) {
    int n = need.length;
    int[] desired = new int[n];
    int[] window = new int[n];
    int front = 0;
    int back = 0;
    for (int t = n - 1; t >= 0; t--) {
      while (back > front && need[window[back - 1]] <= need[t]) {
        back--;
      }
      window[back++] = t;
      while (window[front] > t + startup) {
        front++;
      }
      desired[t] = need[window[front]];
    }
    return desired;
  }

  /** Tries one second of the queue with a number of replicas, remembering the longest wait. */
  private static final class Trial implements FluidQueue.Sink {
    private final FluidQueue queue;
    private final double capacity;
    private final double slo;
    private double longest;
    private double dropped;

    Trial(FluidQueue queue, double capacity, double slo) {
      this.queue = queue;
      this.capacity = capacity;
      this.slo = slo;
    }

    boolean meetsSlo(double head, int t, int replicas) {
      longest = 0;
      dropped = 0;
      double next = queue.advance(head, t, replicas * capacity, this);
      return longest <= slo + TOLERANCE
          && dropped <= TOLERANCE
          && queue.drainWait(next, t + 1.0, replicas * capacity) <= slo + TOLERANCE;
    }

    double head(double head, int t, int replicas) {
      return queue.advance(head, t, replicas * capacity, this);
    }

    @Override
    public void served(double m, double from, double to) {
      if (m > 0) {
        longest = Math.max(longest, Math.max(from, to));
      }
    }

    @Override
    public void dropped(double m) {
      dropped += m;
    }

    @Override
    public void queued(double requestSeconds) {}
  }
}
