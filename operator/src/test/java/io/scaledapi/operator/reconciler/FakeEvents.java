package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import java.util.ArrayList;
import java.util.List;

/** Events recorded in memory, as {@code Type reason: message}. */
final class FakeEvents implements EventRecorder {
  private final List<String> recorded = new ArrayList<>();

  @Override
  public void record(ScaledApi on, Type type, String reason, String message) {
    recorded.add(type.wireName() + " " + reason + ": " + message);
  }

  List<String> recorded() {
    return List.copyOf(recorded);
  }

  List<String> warnings() {
    return recorded.stream().filter(e -> e.startsWith("Warning ")).toList();
  }
}
