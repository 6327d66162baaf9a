package io.scaledapi.api.v1alpha1.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ScaledApi manifests the project ships are accepted by the CRD the chart installs. */
class ExampleManifestsTest {
  static final ApiServer API = ApiServer.forScaledApi();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../examples/scaledapi.yaml",
        "../examples/manifests/scaledapi.yaml",
        "../examples/simulate/reactive-only.yaml"
      })
  void kubectlApplyCreatesIt(String file) throws IOException {
    Admission answer = API.create(Json.yaml(Files.readString(Path.of(file))));
    assertThat(answer.kubectlApply(file)).isEmpty();
    assertThat(answer.accepted()).isTrue();
  }
}
