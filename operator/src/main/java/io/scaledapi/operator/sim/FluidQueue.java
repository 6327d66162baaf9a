package io.scaledapi.operator.sim;

/**
 * The single FIFO queue in front of all ready replicas, as a deterministic fluid: the requests of
 * second {@code s} arrive evenly over {@code [s, s + 1)}, and the ready replicas take them from the
 * head at a steady rate through each second. Requests are counted in fractions.
 *
 * <p>The queue's whole state is its head: the arrival time of the next request to be taken. The
 * requests waiting at time {@code now} are the ones that arrived between the head and {@code now}.
 * A request taken at time {@code x} waited {@code x - head(x)}. Within a second the head moves
 * piecewise linearly (at {@code rate / arrivals[s]} while it crosses the requests of second {@code
 * s}), so every piece serves requests whose waits are spread evenly between two bounds, and those
 * pieces are handed to a {@link Sink} exactly. With a request timeout the head never falls more
 * than the timeout behind {@code now}: when the replicas cannot keep up, the oldest requests are
 * served at the timeout and the rest of them are dropped.
 */
final class FluidQueue {

  /** Receives what happens during a second, piece by piece. */
  interface Sink {
    /** {@code m} requests left the queue, their waits spread evenly over {@code [from, to]}. */
    void served(double m, double from, double to);

    /** {@code m} requests were dropped, having waited the request timeout. */
    void dropped(double m);

    /** The queue held on average {@code requestSeconds / 1 s} requests over part of the second. */
    void queued(double requestSeconds);
  }

  private static final double EPSILON = 1e-9;

  private final double[] arrivals;
  private final double[] cumulative;
  private final double timeout;

  /**
   * @param workload the requests arriving in each second
   * @param timeout seconds a request may wait before it is dropped; infinite for never
   */
  FluidQueue(Workload workload, double timeout) {
    this.arrivals = workload.arrivals();
    this.cumulative = new double[arrivals.length + 1];
    for (int s = 0; s < arrivals.length; s++) {
      cumulative[s + 1] = cumulative[s] + arrivals[s];
    }
    this.timeout = timeout;
  }

  int seconds() {
    return arrivals.length;
  }

  double arrivals(int second) {
    return arrivals[second];
  }

  /** Requests arrived before time {@code x}. */
  double arrivedBy(double x) {
    if (x <= 0) {
      return 0;
    }
    int s = (int) x;
    if (s >= arrivals.length) {
      return cumulative[arrivals.length];
    }
    return cumulative[s] + (x - s) * arrivals[s];
  }

  /** Requests waiting at time {@code now} behind a queue head at {@code head}. */
  double waiting(double head, double now) {
    return Math.max(0, arrivedBy(now) - arrivedBy(head));
  }

  /** How long the oldest request waiting at {@code now} has waited; 0 when none waits. */
  double oldestWait(double head, double now) {
    double h = head;
    while (h < now && arrivals[(int) h] == 0) {
      h = Math.floor(h) + 1;
    }
    return h < now ? now - h : 0;
  }

  /**
   * The longest wait of the requests waiting at {@code now} if no more arrived and the replicas
   * served them at {@code rate}: the head reaches {@code x} at {@code now + (arrivedBy(x) -
   * arrivedBy(head)) / rate}, so the wait is largest where a second of arrivals begins or ends.
   */
  double drainWait(double head, double now, double rate) {
    double base = arrivedBy(head);
    double longest = oldestWait(head, now);
    for (double x = Math.floor(head) + 1; x <= now; x++) {
      longest = Math.max(longest, now + (arrivedBy(x) - base) / rate - x);
    }
    return longest;
  }

  /**
   * Runs second {@code t} with the ready replicas serving {@code rate} requests per second, from a
   * queue whose head is at {@code head} (at most {@code t}); returns the head at {@code t + 1}.
   */
  double advance(double head, int t, double rate, Sink sink) {
    double now = t;
    double end = t + 1.0;
    double h = Math.max(head, now - timeout);
    if (h > head) {
      sink.dropped(arrivedBy(h) - arrivedBy(head));
    }
    long budget = 3L * (long) (end - h) + 16;
    while (now < end) {
      if (--budget < 0) {
        throw new IllegalStateException("the fluid queue stopped moving in second " + t);
      }
      if (h >= now) {
        h = now;
        if (rate >= arrivals[t]) {
          sink.served(arrivals[t] * (end - now), 0, 0);
          return end;
        }
      }
      int s = Math.min((int) h, t);
      double density = arrivals[s];
      if (density == 0) {
        h = Math.min(s + 1.0, now);
        continue;
      }
      double speed = rate / density;
      double queuedBefore = waiting(h, now);
      double dt;
      double next;
      if (speed < 1 && h <= now - timeout + EPSILON) {
        dt = Math.min(end - now, s + 1.0 - h);
        next = dt == s + 1.0 - h ? s + 1.0 : h + dt;
        sink.served(rate * dt, timeout, timeout);
        sink.dropped((density - rate) * dt);
      } else {
        dt = end - now;
        next = h + speed * dt;
        double toCohortEnd = (s + 1.0 - h) / speed;
        if (toCohortEnd <= dt) {
          dt = toCohortEnd;
          next = s + 1.0;
        }
        if (s == t && speed > 1 && (now - h) / (speed - 1) <= dt) {
          dt = (now - h) / (speed - 1);
          next = now + dt;
        }
        if (speed < 1 && (h - now + timeout) / (1 - speed) <= dt) {
          dt = (h - now + timeout) / (1 - speed);
          next = now + dt - timeout;
        }
        sink.served(rate * dt, now - h, now + dt - next);
      }
      now = dt >= end - now ? end : now + dt;
      h = Math.min(next, now);
      sink.queued((queuedBefore + waiting(h, now)) / 2 * dt);
    }
    return h;
  }
}
