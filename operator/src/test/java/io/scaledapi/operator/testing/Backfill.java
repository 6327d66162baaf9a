package io.scaledapi.operator.testing;

import java.io.IOException;
import java.io.Writer;

/** History for a test Prometheus to start with, written as OpenMetrics text. */
@FunctionalInterface
public interface Backfill {

  /**
   * Writes the samples: timestamps in seconds, each series in time order, ending with {@code #
   * EOF}.
   */
  void writeOpenMetrics(Writer out) throws IOException;
}
