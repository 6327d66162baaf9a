package io.scaledapi.example.queueapi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the load generator sends, where, how fast and for how long: requests go out until {@code
 * duration} has passed, {@code maxRequests} were sent or the trace ends, whichever comes first.
 */
public record LoadConfig(
    URI target, Trace trace, double compression, int maxRequests, Duration duration) {
  static final int MAX_REQUESTS_CEILING = 1_000_000;
  static final Duration DURATION_CEILING = Duration.ofHours(1);

  static final String DEFAULT_URL = "http://127.0.0.1:8080/work";
  static final int DEFAULT_BASE_RATE = 5;
  static final int DEFAULT_STEP_RATE = 50;
  static final int DEFAULT_STEP_AT = 30;
  static final String DEFAULT_DURATION = "60s";
  static final int DEFAULT_MAX_REQUESTS = 1000;

  static final Set<String> FLAGS =
      Set.of(
          "url",
          "target",
          "shape",
          "base-rate",
          "step-rate",
          "step-at",
          "trace",
          "compression",
          "duration",
          "max-requests");

  /** What {@code --help} prints: every flag, its default and its meaning. */
  static final String USAGE =
      """
      Usage: java -cp <jar> io.scaledapi.example.queueapi.LoadGenerator [flags]
        <jar> is examples/queue-api/target/scaledapi-example-queue-api-<version>-all.jar

      Sends GET requests to one URL on a schedule, then prints what came back:
      sent=N ok=N rejected=N errors=N. The run sends for --duration, or less when
      --max-requests is reached first or a --trace ends sooner; it then waits up
      to %1$ds for the last answers.

      Target (--url or --target):
        --url URL            a URL on loopback: localhost, 127.0.0.0/8 or [::1]
                             (default %2$s)
        --target URL         a full http(s) URL on any other host, given on purpose

      Schedule (--shape step or --trace FILE):
        --shape step         --base-rate requests a second until --step-at, then
                             --step-rate until the run ends (default step)
        --base-rate N        requests a second before the step (default %3$d)
        --step-rate N        requests a second from the step on (default %4$d)
        --step-at S          seconds from the start to the step, before the end
                             of --duration (default %5$d)
        --trace FILE         CSV of t_seconds,requests rows; each row's requests
                             are spread evenly until the next row's t_seconds
        --compression F      play the schedule F times faster: --step-at and
                             t_seconds are divided by F, --duration is not
                             (default 1)

      Bounds:
        --duration D         how long to send: 500ms, 30s, 5m or 1h; at most 1h
                             (default %6$s)
        --max-requests N     stop after N requests; at most %7$d (default %8$d)

        -h, --help           print this help and exit

      Exit status: 0 after a run, whatever the answers; 2 for a bad flag.

      Example, 5 minutes of load, 5 requests a second stepping to 200 at 30 s:
        java -cp <jar> io.scaledapi.example.queueapi.LoadGenerator \\
          --target http://HOST:PORT/work --shape step --base-rate 5 \\
          --step-rate 200 --step-at 30 --duration 5m --max-requests 60000
      """
          .formatted(
              LoadGenerator.REQUEST_TIMEOUT.toSeconds(),
              DEFAULT_URL,
              DEFAULT_BASE_RATE,
              DEFAULT_STEP_RATE,
              DEFAULT_STEP_AT,
              DEFAULT_DURATION,
              MAX_REQUESTS_CEILING,
              DEFAULT_MAX_REQUESTS);

  public LoadConfig {
    if (!(compression > 0)) {
      throw new IllegalArgumentException("--compression must be greater than 0");
    }
    if (maxRequests < 1 || maxRequests > MAX_REQUESTS_CEILING) {
      throw new IllegalArgumentException("--max-requests must be 1.." + MAX_REQUESTS_CEILING);
    }
    if (duration.isZero() || duration.isNegative() || duration.compareTo(DURATION_CEILING) > 0) {
      throw new IllegalArgumentException("--duration must be over 0 and at most 1h");
    }
  }

  /** The flags {@link #USAGE} describes; an error names the flag at fault. */
  public static LoadConfig parse(String[] args) {
    Flags flags = Flags.parse(args, FLAGS);
    if (flags.has("url") && flags.has("target")) {
      throw new IllegalArgumentException("give --url or --target, not both");
    }
    double compression = flags.positiveDouble("compression", 1.0);
    Duration duration = flags.duration("duration", DEFAULT_DURATION);
    return new LoadConfig(
        target(flags),
        trace(flags, compression, duration),
        compression,
        flags.positiveInt("max-requests", DEFAULT_MAX_REQUESTS),
        duration);
  }

  private static URI target(Flags flags) {
    String flag = flags.has("target") ? "target" : "url";
    try {
      return flags.has("target")
          ? Targets.absolute(flags.string("target", ""))
          : Targets.loopback(flags.string("url", DEFAULT_URL));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + flag + ": " + e.getMessage(), e);
    }
  }

  private static Trace trace(Flags flags, double compression, Duration duration) {
    if (flags.has("trace")) {
      for (String stepFlag : List.of("shape", "base-rate", "step-rate", "step-at")) {
        if (flags.has(stepFlag)) {
          throw new IllegalArgumentException("give --trace or --" + stepFlag + ", not both");
        }
      }
      return csv(flags.string("trace", ""));
    }
    if (!flags.string("shape", "step").equals("step")) {
      throw new IllegalArgumentException("--shape must be step, the only built-in shape");
    }
    int stepAt = flags.positiveInt("step-at", DEFAULT_STEP_AT);
    double runSeconds = duration.toNanos() / 1e9;
    if (stepAt / compression >= runSeconds) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--step-at %d (%.1f s into the run) must come before --duration %s ends it",
              stepAt,
              stepAt / compression,
              flags.string("duration", DEFAULT_DURATION)));
    }
    return Trace.step(
        flags.positiveInt("base-rate", DEFAULT_BASE_RATE),
        flags.positiveInt("step-rate", DEFAULT_STEP_RATE),
        stepAt,
        (long) Math.ceil(runSeconds * compression));
  }

  private static Trace csv(String file) {
    try {
      return Trace.parseCsv(Files.readAllLines(Path.of(file)));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--trace: cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--trace " + file + ": " + e.getMessage(), e);
    }
  }
}
