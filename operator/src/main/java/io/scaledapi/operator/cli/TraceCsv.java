package io.scaledapi.operator.cli;

import io.scaledapi.operator.evaluation.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a request trace: a CSV with the header {@code t_seconds,requests} and one line per bin, the
 * bin's start in whole seconds and the number of requests that arrived in it. Bins are contiguous
 * and all as wide as the first one; an empty bin is written as 0.
 */
final class TraceCsv {

  static final String HEADER = "t_seconds,requests";

  private TraceCsv() {}

  /**
   * Reads the trace at {@code file}.
   *
   * @throws IllegalArgumentException naming the line and the fix when the content is malformed
   */
  static Trace read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        throw problem(
            file,
            1,
            "the first line must be the header '"
                + HEADER
                + (header == null ? "', but the file is empty" : "', got '" + header + "'"));
      }
      double[] counts = new double[1 << 16];
      int size = 0;
      long start = 0;
      long bin = 0;
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
          throw problem(file, lineNumber, "expected two values 't_seconds,requests', got " + line);
        }
        long t = wholeSeconds(file, lineNumber, line.substring(0, comma).strip());
        double requests = requests(file, lineNumber, line.substring(comma + 1).strip());
        if (size == 0) {
          start = t;
        } else if (size == 1) {
          bin = t - start;
          if (bin <= 0) {
            throw problem(file, lineNumber, "t_seconds must increase from one line to the next");
          }
        } else if (t != start + size * bin) {
          throw problem(
              file,
              lineNumber,
              "t_seconds "
                  + t
                  + " breaks the "
                  + bin
                  + " s bins, "
                  + (start + size * bin)
                  + " was expected; write every bin, with 0 for a bin without requests");
        }
        if (size == counts.length) {
          counts = Arrays.copyOf(counts, size * 2);
        }
        counts[size++] = requests;
      }
      if (size < 2) {
        throw problem(file, lineNumber, "a trace needs at least two bins, found " + size);
      }
      return new Trace(start, bin, Arrays.copyOf(counts, size));
    }
  }

  private static long wholeSeconds(Path file, int line, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw problem(file, line, "t_seconds must be a whole number of seconds, got '" + text + "'");
    }
  }

  private static double requests(Path file, int line, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw problem(file, line, "requests must be a number, got '" + text + "'");
    }
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw problem(
          file, line, "requests must be a finite count of at least 0, got '" + text + "'");
    }
    return value;
  }

  private static IllegalArgumentException problem(Path file, int line, String message) {
    return new IllegalArgumentException(file + " line " + line + ": " + message);
  }
}
