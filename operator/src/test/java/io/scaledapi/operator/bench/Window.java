package io.scaledapi.operator.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What happened between two snapshots, per second where it is a rate. */
record Window(Snapshot start, Snapshot end) {

  static final String LATENESS = "scaledapi_poll_lateness_seconds";

  double seconds() {
    return (end.nanos() - start.nanos()) / 1e9;
  }

  Histogram lateness() {
    return Histogram.between(start.operator(), end.operator(), LATENESS);
  }

  double pollsPerSecond() {
    return lateness().count() / seconds();
  }

  /** The operator's CPU use in cores. */
  double cpuCores() {
    return end.cpu().minus(start.cpu()).toNanos() / 1e9 / seconds();
  }

  /** API requests per second by "VERB resource[/subresource]", those above 0.01/s. */
  Map<String, Double> apiRequests() {
    List<String> keys = List.of("verb", "resource", "subresource");
    Map<String, Double> before = start.apiServer().sumBy("apiserver_request_total", keys);
    Map<String, Double> rates = new TreeMap<>();
    end.apiServer()
        .sumBy("apiserver_request_total", keys)
        .forEach(
            (key, count) -> {
              double rate = (count - before.getOrDefault(key, 0.0)) / seconds();
              String[] parts = key.split(" ", -1); // verb, resource, subresource
              if (rate >= 0.01) {
                rates.put(
                    parts[0] + " " + parts[1] + (parts[2].isEmpty() ? "" : "/" + parts[2]), rate);
              }
            });
    return rates;
  }

  /** API requests per second by verb. */
  Map<String, Double> apiRequestsByVerb() {
    Map<String, Double> byVerb = new TreeMap<>();
    apiRequests().forEach((key, rate) -> byVerb.merge(key.split(" ")[0], rate, Double::sum));
    return byVerb;
  }

  /** etcd revisions per second: each write transaction makes one. */
  double etcdRevisionsPerSecond() {
    return delta("etcd_debugging_mvcc_current_revision") / seconds();
  }

  /** etcd keys put per second. */
  double etcdPutsPerSecond() {
    return delta("etcd_mvcc_put_total") / seconds();
  }

  private double delta(String name) {
    return end.etcd().sum(name) - start.etcd().sum(name);
  }
}
