package io.scaledapi.operator.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of a metric: either a finite value with the time it was sampled, or the reason it
 * could not be read.
 *
 * <p>Exactly one of {@code value} and {@code failure} is set. A non-finite value (NaN, infinity) is
 * turned into a failed reading. {@code sampledAt} is required with a value and may be null for a
 * failed reading.
 */
public record SignalReading(OptionalDouble value, Instant sampledAt, String failure) {

  /** Normalises the reading and checks that value and failure are not both set. */
  public SignalReading {
    Objects.requireNonNull(value, "value");
    if (value.isPresent()) {
      if (failure != null) {
        throw new IllegalArgumentException("a reading cannot have both a value and a failure");
      }
      double v = value.getAsDouble();
      if (!Double.isFinite(v)) {
        value = OptionalDouble.empty();
        failure = "not a finite number: " + v;
      } else {
        Objects.requireNonNull(sampledAt, "sampledAt");
      }
    } else if (failure == null || failure.isBlank()) {
      failure = "no value";
    }
  }

  /** An available reading; a non-finite {@code value} gives a failed reading instead. */
  public static SignalReading of(double value, Instant sampledAt) {
    return new SignalReading(OptionalDouble.of(value), sampledAt, null);
  }

  /** A failed reading with a short human reason, e.g. "connection refused". */
  public static SignalReading failed(String reason) {
    return new SignalReading(OptionalDouble.empty(), null, reason);
  }

  /** True when the reading has a value. */
  public boolean available() {
    return value.isPresent();
  }
}
