package io.scaledapi.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chart ships the CRD generated from the Java types, byte for byte. */
class GeneratedCrdMatchesHelmChartTest {
  static final String FILE = "scaledapis.autoscaling.scaledapi.io-v1.yml";
  static final Path GENERATED = Path.of("target/classes/META-INF/fabric8", FILE);
  static final Path CHART = Path.of("../helm/scaledapi-operator/crds", FILE);

  @Test
  void chartCopyIsIdenticalToTheGeneratedCrd() throws IOException {
    assertThat(GENERATED).as("generated CRD (run mvn process-test-classes)").exists();
    assertThat(CHART).as("the chart's copy of the CRD").exists();
    String generated = Files.readString(GENERATED);
    String chart = Files.readString(CHART);
    assertThat(chart)
        .as(
            "helm/scaledapi-operator/crds/%s differs from the CRD generated from the Java types;"
                + " copy it: cp crd/%s helm/scaledapi-operator/crds/%s",
            FILE, GENERATED, FILE)
        .isEqualTo(generated);
    System.out.println(
        "[crd] generated CRD and helm/scaledapi-operator/crds/" + FILE + " are identical");
  }
}
