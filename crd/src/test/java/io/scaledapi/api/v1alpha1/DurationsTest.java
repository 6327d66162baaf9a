package io.scaledapi.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations too long to hold are refused with the expected form, never overflowed. */
class DurationsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3000000000000000h",
        "99999999999999999999s",
        "9223372036854775807ms9223372036854775807ms",
        "106751991167301d",
        "2562048h"
      })
  void aDurationLongerThanADurationCanBeIsRefused(String text) {
    assertThatThrownBy(() -> Durations.parseLong(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is too long: a duration is at most 2562047h (about 292 years)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3000000000000000h", "99999999999999999999s"})
  void aShortFormDurationLongerThanADurationCanBeIsRefused(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is too long: a duration is at most 2562047h (about 292 years)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2562047h", "2562047h47m16s854ms"})
  void theLongestDurationIsRead(String text) {
    assertThat(Durations.parse(text)).isLessThanOrEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    assertThat(Durations.parse(text).toNanos()).isPositive();
  }
}
