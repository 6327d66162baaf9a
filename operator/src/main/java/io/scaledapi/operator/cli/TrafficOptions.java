package io.scaledapi.operator.cli;

import io.scaledapi.operator.evaluation.Trace;
import io.scaledapi.operator.sim.BuiltInWorkloads;
import io.scaledapi.operator.sim.Workload;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The traffic to replay, a request trace or a built-in seeded workload: options {@code simulate}
 * and {@code frontier} share.
 */
final class TrafficOptions {

  static final String DEFAULT_WORKLOAD = BuiltInWorkloads.DEFAULT;

  @Option(
      names = "--trace",
      paramLabel = "FILE.csv",
      description =
          "Requests per bin, as a CSV with the header line t_seconds,requests and then one line"
              + " per bin: bins of any width, none left out.")
  Path trace;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "When t_seconds 0 of --trace was, such as 1995-07-01T04:00:01Z; output then names"
              + " times by it, and the policies' clock starts there. Default: none; output"
              + " counts time from t = 0.")
  Instant start;

  @Option(
      names = "--workload",
      paramLabel = "NAME",
      description =
          "A built-in seeded workload instead of a trace. Default: " + DEFAULT_WORKLOAD + ".")
  String workload;

  /**
   * The workload to replay and how output names its second 0.
   *
   * @param from an instant when it is known, else "t = 0" on the trace's own clock
   */
  record Traffic(Workload workload, String from) {}

  /**
   * The traffic these options name, scaled and seeded by {@code cluster}'s {@code --rate-scale} and
   * {@code --seed}.
   *
   * @throws IllegalArgumentException naming the option and the fix, also when the trace cannot be
   *     read
   */
  Traffic read(ClusterOptions cluster) {
    if (trace != null && workload != null) {
      throw new IllegalArgumentException(
          "give either --trace FILE.csv or --workload NAME, not both");
    }
    if (trace != null) {
      Trace read = readTrace();
      Instant zero = start == null ? Instant.EPOCH : start;
      Workload load = cluster.traceWorkload(trace.getFileName().toString(), read, zero);
      return new Traffic(load, start == null ? traceTime(read.start()) : load.start().toString());
    }
    if (start != null) {
      throw new IllegalArgumentException(
          "--start needs --trace: it says when the trace's t_seconds 0 was; a built-in workload"
              + " is synthetic and has no date");
    }
    String name = workload == null ? DEFAULT_WORKLOAD : workload;
    List<String> names = List.copyOf(BuiltInWorkloads.names());
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          "--workload: no built-in workload named '"
              + name
              + "'; choose from "
              + String.join(", ", names)
              + ", or give --trace FILE.csv");
    }
    return new Traffic(BuiltInWorkloads.named(name, cluster.seed, cluster.rateScale), traceTime(0));
  }

  private Trace readTrace() {
    try {
      return TraceCsv.read(trace);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--trace: no such file: " + e.getFile(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("--trace: cannot read " + trace + ": " + e, e);
    }
  }

  /** A time on a trace's own clock, whose date is not known: {@code t = 0}, {@code t = 600 s}. */
  static String traceTime(long seconds) {
    return seconds == 0 ? "t = 0" : String.format(Locale.ROOT, "t = %,d s", seconds);
  }
}
