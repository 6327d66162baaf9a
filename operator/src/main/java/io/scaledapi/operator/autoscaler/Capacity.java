package io.scaledapi.operator.autoscaler;

import io.scaledapi.operator.spec.PredictionSettings;
import java.util.Optional;
import java.util.OptionalDouble;

/** Requests per second one ready replica serves, and where that comes from: Spec or Learned. */
public record Capacity(double perReplica, String source) {

  static Optional<Capacity> of(PredictionSettings settings, OptionalDouble learned) {
    if (settings.capacityPerReplica().isPresent()) {
      return Optional.of(new Capacity(settings.capacityPerReplica().getAsDouble(), "Spec"));
    }
    return learned.isPresent()
        ? Optional.of(new Capacity(learned.getAsDouble(), "Learned"))
        : Optional.empty();
  }
}
