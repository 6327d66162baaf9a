package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/bad-input.md lists every row of the bad-input table with its exact words. To rewrite it
 * after changing a row: {@code mvn -pl operator test -Dtest=BadInputDocTest -Ddocs.write=true}.
 */
class BadInputDocTest {
  static final Path DOC = Path.of("../docs/bad-input.md");

  @Test
  void theDocumentListsEveryRowWithItsExactMessage() throws IOException {
    String expected = BadInputDoc.markdown(BadInput.table().toList());
    if (Boolean.getBoolean("docs.write")) {
      Files.writeString(DOC, expected);
    }
    assertThat(Files.readString(DOC))
        .as("docs/bad-input.md is out of date: rerun with -Ddocs.write=true")
        .isEqualTo(expected);
  }
}
