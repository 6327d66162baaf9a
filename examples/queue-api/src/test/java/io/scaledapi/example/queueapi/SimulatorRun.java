package io.scaledapi.example.queueapi;

import io.scaledapi.operator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The project's {@code simulate} command run on a scenario's arrivals with the settings of the real
 * run, uncompressed; its printed table read back, one row per policy.
 */
final class SimulatorRun {
  /** One policy's row of {@code simulate}'s table. */
  record Row(
      String policy,
      long served,
      double overSloShare,
      Duration waitP99,
      double replicaSeconds,
      int scaleActions) {}

  private SimulatorRun() {}

  /** The arguments {@code simulate} gets: the real run's settings at factor 1. */
  static List<String> arguments(Path csv, Path report) {
    return List.of(
        "simulate",
        "--trace=" + csv,
        "--capacity=" + Lane.CAPACITY_PER_POD,
        "--startup=60s",
        "--slo=" + SideBySide.SLO.toMillis() + "ms",
        "--timeout=0",
        "--scrape=15s",
        "--max-replicas=" + Contenders.MAX_REPLICAS,
        "--rate-scale=1",
        "--policies=" + String.join(",", Contenders.NAMES),
        "--hpa-target=" + Contenders.TARGET_UTILIZATION,
        "--keda-target=" + Contenders.TARGET_UTILIZATION,
        "--report=" + report);
  }

  /** Runs {@code simulate} with {@link #arguments}; returns its output and its rows by policy. */
  static Map<String, Row> run(List<String> arguments, StringBuilder output) {
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    int status =
        new CommandLine(new Main())
            .setOut(writer)
            .setErr(writer)
            .execute(arguments.toArray(String[]::new));
    writer.flush();
    output.append(text);
    if (status != 0) {
      throw new IllegalStateException("simulate exited with " + status + ":\n" + text);
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : text.toString().lines().toList()) {
      String[] cells = line.split("\\|");
      if (cells.length > 9 && Contenders.NAMES.contains(cells[1].strip())) {
        Row row =
            new Row(
                cells[1].strip(),
                Long.parseLong(number(cells[2])),
                Double.parseDouble(number(cells[4]).replace("%", "")) / 100,
                duration(cells[6]),
                Double.parseDouble(number(cells[8])),
                Integer.parseInt(number(cells[9])));
        rows.put(row.policy(), row);
      }
    }
    if (rows.size() != Contenders.NAMES.size()) {
      throw new IllegalStateException("simulate printed no row for some policy:\n" + text);
    }
    return rows;
  }

  private static String number(String cell) {
    return cell.strip().replace(",", "");
  }

  /** {@code 48.77 s}, {@code 250 ms}, {@code 0 ms}. */
  static Duration duration(String cell) {
    String[] parts = cell.strip().split(" ");
    double value = Double.parseDouble(parts[0].replace(",", ""));
    return switch (parts[1]) {
      case "ms" -> Duration.ofNanos(Math.round(value * 1e6));
      case "s" -> Duration.ofNanos(Math.round(value * 1e9));
      default -> throw new IllegalArgumentException("unknown unit in " + cell);
    };
  }
}
