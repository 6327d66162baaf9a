package io.scaledapi.api.v1alpha1.generator;

import io.fabric8.crdv2.generator.CRDGenerationInfo;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.io.File;

/**
 * Writes the ScaledApi CRD, generated from the Java types, into the directory given as the only
 * argument; the crd module's build runs it after compiling its tests and before testing, into
 * {@code target/classes/META-INF/fabric8}, so the jar carries the CRD.
 *
 * <p>It runs the fabric8 CRD generator with the options its Maven plugin used (no implicit
 * preserve-unknown-fields, quotes everywhere; one CRD, so nothing to generate in parallel) and one
 * step the plugin cannot add: the printer columns in the order declared on {@link ScaledApi}
 * ({@link DeclaredColumnOrder}). A further custom resource class would be added to the list here:
 * unlike the plugin, this does not scan the classes for them.
 */
public final class GenerateCrd {
  private GenerateCrd() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: GenerateCrd OUTPUT_DIRECTORY");
    }
    File outputDirectory = new File(args[0]);
    if (!outputDirectory.isDirectory() && !outputDirectory.mkdirs()) {
      throw new IllegalStateException("cannot create " + outputDirectory);
    }
    CRDGenerationInfo info =
        new CRDGenerator()
            .customResourceClasses(ScaledApi.class)
            .withImplicitPreserveUnknownFields(false)
            .withMinQuotes(false)
            .withParallelGenerationEnabled(false)
            .withPostProcessor(new DeclaredColumnOrder(ScaledApi.class))
            .inOutputDir(outputDirectory)
            .detailedGenerate();
    if (info.numberOfGeneratedCRDs() != 1) {
      throw new IllegalStateException(
          "expected one CRD, generated " + info.numberOfGeneratedCRDs());
    }
    info.getCRDDetailsPerNameAndVersion()
        .forEach(
            (name, versions) ->
                versions.forEach(
                    (version, details) ->
                        System.out.println(
                            "[crd] generated "
                                + name
                                + " "
                                + version
                                + ": "
                                + details.getFilePath())));
  }
}
