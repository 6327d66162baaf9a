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

  /** Events the operator dropped because too many waited to be sent. */
  double eventsDropped() {
    String dropped = "scaledapi_events_dropped_total";
    return end.operator().sum(dropped) - start.operator().sum(dropped);
  }

  double pollsPerSecond() {
    return lateness().count() / seconds();
  }

  /** The operator's CPU use in cores. */
  double cpuCores() {
    return end.cpu().minus(start.cpu()).toNanos() / 1e9 / seconds();
  }

  /** CPU use in cores of the API server, etcd and Prometheus. */
  Map<String, Double> othersCpuCores() {
    Map<String, Double> cores = new TreeMap<>();
    end.othersCpu()
        .forEach(
            (name, cpu) ->
                cores.put(
                    name, cpu.minus(start.othersCpu().get(name)).toNanos() / 1e9 / seconds()));
    return cores;
  }

  /** Requests of one verb and resource: how many per second, and their mean duration. */
  record Requests(double perSecond, double meanSeconds) {}

  /** API requests by "VERB resource[/subresource]", those above 0.01/s. */
  Map<String, Requests> apiRequests() {
    List<String> keys = List.of("verb", "resource", "subresource");
    Map<String, Double> counts = apiDelta("apiserver_request_total", keys);
    Map<String, Double> seconds = apiDelta("apiserver_request_duration_seconds_sum", keys);
    Map<String, Double> timed = apiDelta("apiserver_request_duration_seconds_count", keys);
    Map<String, Requests> requests = new TreeMap<>();
    counts.forEach(
        (key, count) -> {
          String[] parts = key.split(" ", -1); // verb, resource, subresource
          // a WATCH is counted when it ends, not while it serves
          if (count / seconds() >= 0.01 && !parts[0].equals("WATCH")) {
            requests.put(
                parts[0] + " " + parts[1] + (parts[2].isEmpty() ? "" : "/" + parts[2]),
                new Requests(
                    count / seconds(),
                    seconds.getOrDefault(key, Double.NaN) / timed.getOrDefault(key, Double.NaN)));
          }
        });
    return requests;
  }

  private Map<String, Double> apiDelta(String name, List<String> keys) {
    Map<String, Double> before = start.apiServer().sumBy(name, keys);
    Map<String, Double> after = new TreeMap<>(end.apiServer().sumBy(name, keys));
    after.replaceAll((key, value) -> value - before.getOrDefault(key, 0.0));
    return after;
  }

  /** API requests per second by verb. */
  Map<String, Double> apiRequestsByVerb() {
    Map<String, Double> byVerb = new TreeMap<>();
    apiRequests().forEach((key, r) -> byVerb.merge(key.split(" ")[0], r.perSecond(), Double::sum));
    return byVerb;
  }

  /** etcd revisions per second: each write transaction makes one. */
  double etcdRevisionsPerSecond() {
    return etcdDelta("etcd_debugging_mvcc_current_revision") / seconds();
  }

  /** etcd keys put per second. */
  double etcdPutsPerSecond() {
    return etcdDelta("etcd_mvcc_put_total") / seconds();
  }

  private double etcdDelta(String name) {
    return end.etcd().sum(name) - start.etcd().sum(name);
  }
}
