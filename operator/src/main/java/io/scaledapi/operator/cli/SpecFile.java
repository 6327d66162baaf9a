package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.spec.ParsedSpec;
import io.scaledapi.operator.spec.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** Reads the ScaledApi manifest given with {@code --spec}. */
final class SpecFile {

  private SpecFile() {}

  /**
   * The spec of the ScaledApi manifest in {@code file}, validated as the operator validates it.
   *
   * @throws IllegalArgumentException naming {@code --spec}, the file and what to fix
   */
  static ScaledApiSpec read(Path file) {
    ScaledApi api;
    try (InputStream in = Files.newInputStream(file)) {
      api = Serialization.unmarshal(in, ScaledApi.class);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--spec: no such file: " + file);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--spec "
              + file
              + " is not a ScaledApi manifest (apiVersion autoscaling.scaledapi.io/v1alpha1,"
              + " kind ScaledApi): "
              + e.getMessage());
    }
    if (api == null || api.getSpec() == null) {
      throw new IllegalArgumentException(
          "--spec " + file + " has no spec; give a ScaledApi manifest such as the README's");
    }
    if (SpecParser.parse(api.getSpec()) instanceof ParsedSpec.Invalid invalid) {
      throw new IllegalArgumentException(
          "--spec " + file + " is not a valid ScaledApi: " + String.join("; ", invalid.problems()));
    }
    return api.getSpec();
  }

  /** {@code spec.prediction.capacityPerReplica} when it is a number; empty for auto or none. */
  static OptionalDouble capacity(ScaledApiSpec spec) {
    PredictionSpec prediction = spec.prediction();
    IntOrString capacity = prediction == null ? null : prediction.capacityPerReplica();
    if (capacity == null) {
      return OptionalDouble.empty();
    }
    if (capacity.getIntVal() != null) {
      return OptionalDouble.of(capacity.getIntVal());
    }
    String text = capacity.getStrVal();
    if (text == null || text.equals(PredictionSpec.AUTO)) {
      return OptionalDouble.empty();
    }
    try {
      double value = Double.parseDouble(text);
      return value > 0 && Double.isFinite(value)
          ? OptionalDouble.of(value)
          : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
