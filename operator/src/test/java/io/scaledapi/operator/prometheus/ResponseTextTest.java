package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseTextTest {

  @Test
  void shortTextIsKeptWhole() {
    String text = "x".repeat(ResponseText.MAX_LENGTH);

    assertThat(ResponseText.cut(text)).isEqualTo(text);
  }

  @Test
  void longTextIsCutAndSaysHowLongItWas() {
    assertThat(ResponseText.cut("y".repeat(5_000_000)))
        .isEqualTo("y".repeat(256) + "… (5000000 characters)");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNotCutInTwo() {
    String text = "a".repeat(255) + "\uD83D\uDE00" + "b".repeat(10);

    assertThat(ResponseText.cut(text)).isEqualTo("a".repeat(255) + "… (267 characters)");
  }

  @Test
  void labelValuesAreClippedWithoutTheirLength() {
    assertThat(ResponseText.clip("abcdef", 3)).isEqualTo("abc…");
    assertThat(ResponseText.clip("abc", 3)).isEqualTo("abc");
  }
}
