package io.scaledapi.example.queueapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** What the load generator sends, where, how fast and how much at most. */
public record LoadConfig(
    URI target, Trace trace, double compression, int maxRequests, Duration maxDuration) {
  static final int MAX_REQUESTS_CEILING = 1_000_000;
  static final Duration MAX_DURATION_CEILING = Duration.ofHours(1);

  public LoadConfig {
    if (!(compression > 0)) {
      throw new IllegalArgumentException("compression must be greater than 0");
    }
    if (maxRequests < 1 || maxRequests > MAX_REQUESTS_CEILING) {
      throw new IllegalArgumentException("--max-requests must be 1.." + MAX_REQUESTS_CEILING);
    }
    if (maxDuration.isZero()
        || maxDuration.isNegative()
        || maxDuration.compareTo(MAX_DURATION_CEILING) > 0) {
      throw new IllegalArgumentException("--max-duration must be over 0 and at most 1h");
    }
  }

  /**
   * {@code [--url http://127.0.0.1:8080/work | --target <full URL>] [--trace file.csv | --shape
   * step --base-rate 5 --step-rate 50 --step-at 30] --compression 1 --max-requests 1000
   * --max-duration 60s}.
   */
  public static LoadConfig parse(String[] args) {
    Flags flags =
        Flags.parse(
            args,
            Set.of(
                "url",
                "target",
                "trace",
                "shape",
                "base-rate",
                "step-rate",
                "step-at",
                "compression",
                "max-requests",
                "max-duration"));
    if (flags.has("url") && flags.has("target")) {
      throw new IllegalArgumentException("give --url or --target, not both");
    }
    URI target =
        flags.has("target")
            ? Targets.absolute(flags.string("target", ""))
            : Targets.loopback(flags.string("url", "http://127.0.0.1:8080/work"));
    return new LoadConfig(
        target,
        trace(flags),
        flags.positiveDouble("compression", 1.0),
        flags.positiveInt("max-requests", 1000),
        flags.duration("max-duration", Duration.ofSeconds(60)));
  }

  private static Trace trace(Flags flags) {
    if (flags.has("trace")) {
      if (flags.has("shape")) {
        throw new IllegalArgumentException("give --trace or --shape, not both");
      }
      try {
        return Trace.parseCsv(Files.readAllLines(Path.of(flags.string("trace", ""))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!flags.string("shape", "step").equals("step")) {
      throw new IllegalArgumentException("the only built-in shape is step");
    }
    return Trace.step(
        flags.positiveInt("base-rate", 5),
        flags.positiveInt("step-rate", 50),
        flags.positiveInt("step-at", 30));
  }
}
