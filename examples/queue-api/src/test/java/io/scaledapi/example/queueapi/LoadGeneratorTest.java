package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The load generator against the API on loopback, and its guard against other hosts. */
class LoadGeneratorTest {

  @Test
  void sendsExactlyTheBoundedNumberOfRequests() throws Exception {
    try (QueueApiServer api =
        QueueApiServer.start(new QueueApiConfig(4, Duration.ZERO, 1000, "127.0.0.1", 0))) {
      LoadConfig config =
          LoadConfig.parse(
              new String[] {
                "--url", Http.uri(api, "/work").toString(),
                "--shape", "step",
                "--base-rate", "20",
                "--step-rate", "200",
                "--step-at", "5",
                "--compression", "10",
                "--max-requests", "60",
                "--duration", "10s"
              });
      LoadReport report = LoadGenerator.run(config);
      assertThat(report).isEqualTo(new LoadReport(60, 60, 0, 0));
      await().atMost(Duration.ofSeconds(5)).until(() -> api.arrived() == 60.0);
    }
  }

  @Test
  void countsRejectionsFromAFullQueue() throws Exception {
    try (QueueApiServer api =
        QueueApiServer.start(new QueueApiConfig(1, Duration.ofSeconds(2), 1, "127.0.0.1", 0))) {
      Trace burst = new Trace(java.util.List.of(new Trace.Row(0, 5)));
      LoadReport report =
          LoadGenerator.run(
              new LoadConfig(Http.uri(api, "/work"), burst, 100, 5, Duration.ofSeconds(5)));
      // the burst takes 10 ms, so at most one request in service and one queued are accepted;
      // a request may find the queue full before the worker took the one ahead of it
      assertThat(report.sent()).isEqualTo(5);
      assertThat(report.errors()).isZero();
      assertThat(report.rejected()).isBetween(3, 4).isEqualTo((int) api.rejected());
      assertThat(report.ok()).isEqualTo(5 - report.rejected());
    }
  }

  @Test
  void refusesANonLoopbackUrl() {
    for (String url :
        new String[] {
          "http://example.com/work", "http://10.0.0.1:8080/work", "http://127.0.0.1.example.com/"
        }) {
      assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--url", url}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--target");
    }
  }

  @Test
  void acceptsLoopbackByDefaultAndAnotherHostOnlyAsAnExplicitFullTarget() {
    assertThat(LoadConfig.parse(new String[0]).target())
        .isEqualTo(URI.create("http://127.0.0.1:8080/work"));
    assertThat(LoadConfig.parse(new String[] {"--url", "http://localhost:9/work"}).target())
        .hasHost("localhost");
    assertThat(LoadConfig.parse(new String[] {"--target", "http://api.test/work"}).target())
        .hasHost("api.test");
    assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--target", "api.test/work"}))
        .hasMessage("--target: not a full http(s) URL: api.test/work");
  }

  @Test
  void refusesUnboundedRuns() {
    assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--max-requests", "0"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--max-requests", "2000000"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--duration", "2h"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
