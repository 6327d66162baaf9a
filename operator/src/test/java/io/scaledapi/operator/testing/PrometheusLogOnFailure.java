package io.scaledapi.operator.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the log of the test's Prometheus when a test fails, to show what it saw. */
public final class PrometheusLogOnFailure implements TestWatcher {
  /** The log to print, or null when there is none. */
  private interface Log {
    String text();
  }

  private final Log log;

  /** Prints the log of the Prometheus {@code prometheus} gives, when it gives one. */
  public PrometheusLogOnFailure(Supplier<PrometheusProcess> prometheus) {
    this(
        () -> {
          PrometheusProcess process = prometheus.get();
          return process == null ? null : process.log();
        });
  }

  private PrometheusLogOnFailure(Log log) {
    this.log = log;
  }

  /** Prints the log of the JVM's {@link SharedPrometheus}, when one runs. */
  public static PrometheusLogOnFailure shared() {
    return new PrometheusLogOnFailure(SharedPrometheus::logIfStarted);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String text = log.text();
    if (text != null) {
      System.out.println("Prometheus log:\n" + text);
    }
  }
}
