package io.scaledapi.operator.sim;

import java.time.Instant;

/**
 * What a policy sees when it decides at second {@code t}.
 *
 * @param now the wall-clock time of second {@code t} ({@link Workload#start()} plus t)
 * @param specReplicas the replicas asked for (the target's spec)
 * @param readyReplicas the replicas serving (the target's status)
 * @param metrics the scraped metrics, for policies that read Prometheus; while Prometheus is down
 *     ({@link ClusterSpec#metricsOutages()}) each query throws {@link Metrics.Unavailable}
 * @param concurrency requests in the system (waiting plus in service) averaged over the last
 *     second, as Knative's queue-proxy reports it to its autoscaler directly, without Prometheus;
 *     at second 0, the pre-history's (see {@link Simulator}): its rate, all in service
 * @param requestsLastSecond requests that arrived in the last second, as the queue-proxies report
 *     them to Knative's autoscaler directly (its "rps" metric); at second 0, the pre-history's rate
 */
public record View(
    long t,
    Instant now,
    int specReplicas,
    int readyReplicas,
    Metrics metrics,
    double concurrency,
    double requestsLastSecond) {}
