package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ScaledApi manifest of --spec, and the capacity it gives. */
class SpecFileTest {

  @TempDir Path dir;

  Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("scaledapi.yaml"), yaml);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"50; 50", "'\"12.5\"'; 12.5", "auto; ", "'\"auto\"'; "})
  void capacityIsTheSpecsNumber(String yaml, Double expected) throws IOException {
    ScaledApiSpec spec = SpecFile.read(write(CliRunner.SPEC_YAML.formatted(yaml)));

    assertThat(spec.maxReplicas()).isEqualTo(40);
    if (expected == null) {
      assertThat(SpecFile.capacity(spec)).isEmpty();
    } else {
      assertThat(SpecFile.capacity(spec)).hasValue(expected);
    }
  }

  @Test
  void withoutPredictionThereIsNoCapacity() throws IOException {
    String yaml = CliRunner.SPEC_YAML.formatted(1).replaceAll("(?m)^  prediction:.*$", "");

    assertThat(SpecFile.capacity(SpecFile.read(write(yaml)))).isEmpty();
  }

  @Test
  void problemsNameTheOptionTheFileAndTheFix() throws IOException {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> SpecFile.read(missing)).hasMessage("--spec: no such file: " + missing);

    Path invalid =
        write(CliRunner.SPEC_YAML.formatted(10).replace("maxReplicas: 40", "maxReplicas: 0"));
    assertThatThrownBy(() -> SpecFile.read(invalid))
        .hasMessageStartingWith("--spec " + invalid + " is not a valid ScaledApi: ")
        .hasMessageContaining("spec.maxReplicas must be at least 1");

    Path noSpec = write("apiVersion: autoscaling.scaledapi.io/v1alpha1\nkind: ScaledApi\n");
    assertThatThrownBy(() -> SpecFile.read(noSpec)).hasMessageContaining("has no spec");

    Path garbage = write("spec: [1, 2\n");
    assertThatThrownBy(() -> SpecFile.read(garbage))
        .hasMessageStartingWith("--spec " + garbage + " is not a ScaledApi manifest");
  }
}
