package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When an informer's cache can be relied on: listed, running, and watching, or its watch down for
 * less than a reconnect takes.
 */
class InformerCacheTest {
  static final String FORBIDDEN = "HTTP 403: hpas is forbidden";

  static List<Object[]> states() {
    return List.of(
        row(true, true, Duration.ZERO, null, ""),
        row(true, true, Duration.ofSeconds(29), FORBIDDEN, ""),
        row(false, true, Duration.ZERO, null, "the operator has not listed HPAs in team yet"),
        row(
            false,
            true,
            Duration.ZERO,
            FORBIDDEN,
            "the operator cannot list HPAs in team: " + FORBIDDEN),
        row(true, false, Duration.ZERO, null, "the operator's informer of HPAs has stopped"),
        row(
            true,
            true,
            Duration.ofSeconds(30),
            FORBIDDEN,
            "the operator's watch of HPAs in team has been down for 30s: " + FORBIDDEN));
  }

  @ParameterizedTest
  @MethodSource("states")
  void verdict(InformerCache.State state, String why) {
    assertThat(InformerCache.verdict(state).orElse("")).isEqualTo(why);
  }

  static Object[] row(boolean synced, boolean running, Duration down, String error, String why) {
    return new Object[] {
      new InformerCache.State("HPAs", "team", synced, running, down, error), why
    };
  }
}
