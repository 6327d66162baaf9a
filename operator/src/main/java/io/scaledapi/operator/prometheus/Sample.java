package io.scaledapi.operator.prometheus;

import java.time.Instant;
import java.util.Objects;

/** One point of a series; the value may be NaN or infinite. */
public record Sample(Instant timestamp, double value) {

  /** Rejects a missing timestamp. */
  public Sample {
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
