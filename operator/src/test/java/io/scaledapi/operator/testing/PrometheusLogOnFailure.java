package io.scaledapi.operator.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the log of the test's Prometheus when a test fails, to show what it saw. */
public final class PrometheusLogOnFailure implements TestWatcher {
  private final Supplier<PrometheusProcess> prometheus;

  public PrometheusLogOnFailure(Supplier<PrometheusProcess> prometheus) {
    this.prometheus = prometheus;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    PrometheusProcess process = prometheus.get();
    if (process != null) {
      System.out.println("Prometheus log:\n" + process.log());
    }
  }
}
