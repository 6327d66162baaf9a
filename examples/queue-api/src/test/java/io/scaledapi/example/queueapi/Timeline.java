package io.scaledapi.example.queueapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one lane looked like every second of a run, for the chart: replicas asked for and ready,
 * requests waiting, and the mean queue wait of the requests a worker took since the last sample
 * (from the API's {@code api_queue_wait_seconds} sum and count).
 */
final class Timeline {
  record Point(double seconds, int desired, int ready, double waiting, double meanWait) {}

  private static final Pattern SUM =
      Pattern.compile("(?m)^api_queue_wait_seconds_sum ([0-9.eE+-]+)$");
  private static final Pattern COUNT =
      Pattern.compile("(?m)^api_queue_wait_seconds_count ([0-9.eE+-]+)$");
  private static final Pattern WAITING =
      Pattern.compile("(?m)^api_queue_requests_waiting ([0-9.eE+-]+)$");

  private final List<Point> points = new ArrayList<>();
  private double lastSum;
  private double lastCount;

  /** Samples {@code lane} at {@code seconds} into the run. */
  void sample(Lane lane, double seconds, java.time.Instant now)
      throws IOException, InterruptedException {
    String metrics = Http.get(lane.api().uri("/metrics")).body();
    double sum = value(SUM, metrics);
    double count = value(COUNT, metrics);
    double meanWait = count > lastCount ? (sum - lastSum) / (count - lastCount) : 0;
    lastSum = sum;
    lastCount = count;
    ReplicaHistory.Sample replicas = lane.replicas().history().at(now);
    points.add(
        new Point(
            seconds, replicas.desired(), replicas.ready(), value(WAITING, metrics), meanWait));
  }

  List<Point> points() {
    return List.copyOf(points);
  }

  private static double value(Pattern pattern, String metrics) {
    Matcher m = pattern.matcher(metrics);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in the API's metrics");
    }
    return Double.parseDouble(m.group(1));
  }
}
