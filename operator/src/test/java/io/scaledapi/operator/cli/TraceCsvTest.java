package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.operator.evaluation.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceCsvTest {

  @TempDir Path dir;

  Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("trace.csv"), content);
  }

  @Test
  void readsBinsAndDetectsTheirWidth() throws IOException {
    Trace trace = TraceCsv.read(write("t_seconds,requests\n120,3\n180,0\n240,7\n\n"));
    assertThat(trace.start()).isEqualTo(120);
    assertThat(trace.binSeconds()).isEqualTo(60);
    assertThat(trace.bins()).isEqualTo(3);
    assertThat(trace.cumulative()).containsExactly(0, 3, 3, 10);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "time,count\\n0,1\\n1,2 | line 1: the first line must be the header 't_seconds,requests'",
        "t_seconds,requests\\n0,1\\n1 | line 3: expected two values",
        "t_seconds,requests\\n0,1\\n1,2,3 | line 3: expected two values",
        "t_seconds,requests\\n0,1\\n1.5,2 | line 3: t_seconds must be a whole number of seconds",
        "t_seconds,requests\\n0,1\\n1,many | line 3: requests must be a number, got 'many'",
        "t_seconds,requests\\n0,1\\n1,-2 | line 3: requests must be a finite count of at least 0",
        "t_seconds,requests\\n5,1\\n5,2 | line 3: t_seconds must increase",
        "t_seconds,requests\\n0,1\\n60,1\\n180,1 | line 4: t_seconds 180 breaks the 60 s bins,"
            + " 120 was expected; write every bin, with 0 for a bin without requests",
        "t_seconds,requests\\n0,1 | line 2: a trace needs at least two bins, found 1",
        "'' | line 1: the first line must be the header"
      })
  void namesTheLineAndTheFix(String content, String message) throws IOException {
    Path file = write(content.replace("\\n", "\n"));
    assertThatThrownBy(() -> TraceCsv.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(message);
  }
}
