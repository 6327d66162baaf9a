package io.scaledapi.api.v1alpha1.generator;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a CRD's printer columns in the order in which its custom resource class declares them with
 * {@link AdditionalPrinterColumn}, the order {@code kubectl get} prints them in.
 *
 * <p>The generator collects the columns in a map sorted by JSON path, so without this step {@code
 * kubectl get} would print them alphabetically by path. {@link Class#getAnnotationsByType} returns
 * repeated annotations in the order they are written, which makes the class the one place the order
 * is set. A column the class does not declare (one from a field's {@code @PrinterColumn}) has no
 * place in that order and stops the generation.
 */
public final class DeclaredColumnOrder implements CRDPostProcessor {
  private final String crdName;
  private final List<String> jsonPaths;

  /** The order declared on {@code resource}, applied to that resource's CRD only. */
  public DeclaredColumnOrder(Class<? extends HasMetadata> resource) {
    this.crdName = HasMetadata.getFullResourceName(resource);
    this.jsonPaths =
        Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::jsonPath)
            .toList();
  }

  /** The JSON paths of the declared columns, in declaration order. */
  public List<String> jsonPaths() {
    return jsonPaths;
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    if (!crdName.equals(crd.getMetadata().getName())) {
      return crd;
    }
    if (!(crd instanceof CustomResourceDefinition v1)) {
      throw new IllegalStateException(
          "printer columns are ordered for apiextensions.k8s.io/v1 CRDs only, not "
              + crdSpecVersion);
    }
    for (CustomResourceDefinitionVersion version : v1.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      if (columns != null && !columns.isEmpty()) {
        version.setAdditionalPrinterColumns(ordered(columns));
      }
    }
    return crd;
  }

  private List<CustomResourceColumnDefinition> ordered(
      List<CustomResourceColumnDefinition> columns) {
    for (CustomResourceColumnDefinition column : columns) {
      if (!jsonPaths.contains(column.getJsonPath())) {
        throw new IllegalStateException(
            "printer column "
                + column.getName()
                + " ("
                + column.getJsonPath()
                + ") of "
                + crdName
                + " is not declared with @AdditionalPrinterColumn on the resource class, so it"
                + " has no place in the column order; declare it there");
      }
    }
    List<CustomResourceColumnDefinition> sorted = new ArrayList<>(columns);
    sorted.sort(Comparator.comparingInt(column -> jsonPaths.indexOf(column.getJsonPath())));
    return sorted;
  }
}
