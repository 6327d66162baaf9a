package io.scaledapi.operator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps what it printed. */
final class CliRunner {

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  /** Runs {@code args} with fresh output; returns the exit code. */
  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** The table rows on stdout, without the header and the rule. */
  java.util.List<String> tableRows() {
    return out().lines().filter(l -> l.startsWith("| ")).skip(1).toList();
  }

  static final String SPEC_YAML =
      """
      apiVersion: autoscaling.scaledapi.io/v1alpha1
      kind: ScaledApi
      metadata:
        name: checkout
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
        minReplicas: 1
        maxReplicas: 40
        pollingInterval: 15s
        queue: {query: sum(api_queue_requests_waiting), targetPerReplica: 10}
        arrivalRate:
          query: sum(rate(api_requests_arrived_total[1m]))
        prediction: {leadTime: 90s, history: 1h, capacityPerReplica: %s}
      """;
}
