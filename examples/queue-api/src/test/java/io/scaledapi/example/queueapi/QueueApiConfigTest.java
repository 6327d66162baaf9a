package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's flags: defaults, every flag in the help, and errors that name the flag. */
class QueueApiConfigTest {

  @Test
  void noFlagsGiveTheDefaultsTheHelpStates() {
    QueueApiConfig config = QueueApiConfig.parse(new String[0]);
    assertThat(config)
        .isEqualTo(new QueueApiConfig(4, Duration.ofMillis(50), 1000, "0.0.0.0", 8080));
    assertThat(QueueApiConfig.USAGE)
        .contains(
            "--workers N          requests served at once (default 4)",
            "(default 50ms)",
            "(default 1000)",
            "(default 8080)",
            "(default 0.0.0.0)",
            "(default false)",
            "-h, --help");
  }

  @Test
  void adminTurnsTheAdminEndpointOn() {
    assertThat(QueueApiConfig.parse(new String[] {"--admin", "true"}).admin()).isTrue();
    assertThat(QueueApiConfig.parse(new String[] {"--admin", "false"}).admin()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|70000|--port must be a port from 0 to 65535, not 70000",
        "--port|http|--port must be a port from 0 to 65535, not http",
        "--workers|0|--workers must be a whole number of at least 1, not 0",
        "--queue-capacity|-1|--queue-capacity must be a whole number of at least 1, not -1",
        "--service-time|fast|--service-time must be a duration such as 500ms, 30s, 5m or 1h, not"
            + " fast",
        "--admin|yes|--admin must be true or false, not yes",
        "--threads|4|unknown flag --threads"
      })
  void aBadFlagIsNamedInOneLine(String flag, String value, String message) {
    assertThatThrownBy(() -> QueueApiConfig.parse(new String[] {flag, value}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
