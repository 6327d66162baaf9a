package io.scaledapi.example.queueapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests per interval of trace time: each row's requests are spread evenly from its {@code
 * tSeconds} to the next row's; the last row lasts as long as the gap before it (one second when the
 * trace has a single row).
 */
public record Trace(List<Row> rows) {

  /** {@code requests} starting at {@code tSeconds} into the trace. */
  public record Row(double tSeconds, int requests) {}

  public Trace {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the trace has no rows");
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.requests() < 0 || row.tSeconds() < 0) {
        throw new IllegalArgumentException("negative value in trace row " + (i + 1));
      }
      if (i > 0 && row.tSeconds() <= rows.get(i - 1).tSeconds()) {
        throw new IllegalArgumentException("t_seconds must increase, at row " + (i + 1));
      }
    }
  }

  /** {@code t_seconds,requests} lines; a header line and blank lines are skipped. */
  public static Trace parseCsv(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("t_seconds")) {
        continue;
      }
      String[] cells = trimmed.split(",");
      try {
        if (cells.length == 2) {
          rows.add(
              new Row(Double.parseDouble(cells[0].strip()), Integer.parseInt(cells[1].strip())));
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("expected t_seconds,requests but got: " + line);
    }
    return new Trace(rows);
  }

  /**
   * {@code baseRate} requests a second until {@code stepAtSeconds}, then {@code stepRate} until
   * {@code endSeconds}; a last row of no requests marks the end.
   */
  public static Trace step(int baseRate, int stepRate, int stepAtSeconds, long endSeconds) {
    if (endSeconds <= stepAtSeconds) {
      throw new IllegalArgumentException("the step must come before the end");
    }
    return new Trace(
        List.of(
            new Row(0, requests(baseRate, stepAtSeconds)),
            new Row(stepAtSeconds, requests(stepRate, endSeconds - stepAtSeconds)),
            new Row(endSeconds, 0)));
  }

  private static int requests(int perSecond, long seconds) {
    try {
      return Math.toIntExact(Math.multiplyExact(perSecond, seconds));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the step shape would hold over 2^31 - 1 requests", e);
    }
  }

  /** Where row {@code i} ends, in trace seconds. */
  double end(int i) {
    if (i + 1 < rows.size()) {
      return rows.get(i + 1).tSeconds();
    }
    double gap = i > 0 ? rows.get(i).tSeconds() - rows.get(i - 1).tSeconds() : 1.0;
    return rows.get(i).tSeconds() + gap;
  }
}
