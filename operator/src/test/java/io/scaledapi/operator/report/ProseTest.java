package io.scaledapi.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prose wrapped for a terminal. */
class ProseTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | ''",
        "'  ' | ''",
        "one | one\\n",
        "aaa bbb ccc | aaa bbb\\nccc\\n",
        "aaa  bbb   ccc ddd | aaa bbb\\nccc ddd\\n",
        "aaaaaaaaaa b | aaaaaaaaaa\\nb\\n",
        "a bbbbbbbbbb c | a\\nbbbbbbbbbb\\nc\\n",
      })
  void wrapsAtSpacesToTheWidth(String text, String lines) {
    assertThat(Prose.wrap(text, 7)).isEqualTo(lines.replace("\\n", "\n"));
  }
}
