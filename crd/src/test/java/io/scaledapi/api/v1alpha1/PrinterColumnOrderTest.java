package io.scaledapi.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.generator.DeclaredColumnOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl get sapi} prints the columns in the order ScaledApi declares them, not in the
 * generator's order (sorted by JSON path).
 */
class PrinterColumnOrderTest {
  private static final List<AdditionalPrinterColumn> DECLARED =
      Arrays.asList(ScaledApi.class.getAnnotationsByType(AdditionalPrinterColumn.class));

  @Test
  void generatedCrdListsTheColumnsInTheirDeclaredOrder() throws IOException {
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(GeneratedCrdMatchesHelmChartTest.GENERATED)) {
      crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
    List<CustomResourceColumnDefinition> columns =
        crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns();

    assertThat(columns)
        .extracting(CustomResourceColumnDefinition::getName)
        .as("the generated CRD's printer columns, in the order kubectl prints them")
        .containsExactlyElementsOf(DECLARED.stream().map(AdditionalPrinterColumn::name).toList());
    assertThat(columns)
        .extracting(CustomResourceColumnDefinition::getJsonPath)
        .containsExactlyElementsOf(
            DECLARED.stream().map(AdditionalPrinterColumn::jsonPath).toList());
  }

  @Test
  void declaredOrderIsNotTheOrderOfTheJsonPaths() {
    // otherwise the test above would pass with the generator's own sorting
    List<String> paths = DECLARED.stream().map(AdditionalPrinterColumn::jsonPath).toList();
    List<String> sorted = new ArrayList<>(paths);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertThat(paths).isNotEqualTo(sorted);
  }

  @Test
  void postProcessorReordersAnyOrderToTheDeclaredOne() {
    List<CustomResourceColumnDefinition> shuffled = new ArrayList<>();
    for (AdditionalPrinterColumn column : DECLARED) {
      shuffled.add(column(column.name(), column.jsonPath()));
    }
    Collections.reverse(shuffled);
    CustomResourceDefinition crd = crd(HasMetadata.getFullResourceName(ScaledApi.class), shuffled);

    new DeclaredColumnOrder(ScaledApi.class).process(crd, "v1");

    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactlyElementsOf(DECLARED.stream().map(AdditionalPrinterColumn::name).toList());
  }

  @Test
  void aColumnNotDeclaredOnTheClassStopsTheGeneration() {
    CustomResourceDefinition crd =
        crd(
            HasMetadata.getFullResourceName(ScaledApi.class),
            List.of(column("Target", ".spec.scaleTargetRef.name"), column("Extra", ".spec.extra")));

    assertThatThrownBy(() -> new DeclaredColumnOrder(ScaledApi.class).process(crd, "v1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Extra (.spec.extra)")
        .hasMessageContaining("@AdditionalPrinterColumn");
  }

  @Test
  void otherCrdsAreLeftAlone() {
    List<CustomResourceColumnDefinition> columns =
        List.of(column("B", ".spec.b"), column("A", ".spec.a"));
    CustomResourceDefinition crd = crd("others.example.com", columns);

    new DeclaredColumnOrder(ScaledApi.class).process(crd, "v1");

    assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns()).isEqualTo(columns);
  }

  private static CustomResourceColumnDefinition column(String name, String jsonPath) {
    return new CustomResourceColumnDefinitionBuilder()
        .withName(name)
        .withJsonPath(jsonPath)
        .withType("string")
        .build();
  }

  private static CustomResourceDefinition crd(
      String name, List<CustomResourceColumnDefinition> columns) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewVersion()
        .withName("v1alpha1")
        .withAdditionalPrinterColumns(columns)
        .endVersion()
        .endSpec()
        .build();
  }
}
