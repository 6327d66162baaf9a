package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;
import java.util.ArrayList;
import java.util.List;

/** Events recorded in memory: on which ScaledApi, Normal or Warning, reason and message. */
final class FakeEvents implements EventRecorder {
  /** One event as recorded. */
  record Event(String on, Type type, String reason, String message) {
    /** {@code Type reason: message}, e.g. {@code Warning FailedRescale: cannot write /scale}. */
    @Override
    public String toString() {
      return type.wireName() + " " + reason + ": " + message;
    }
  }

  private final List<Event> recorded = new ArrayList<>();

  @Override
  public void record(ScaledApi on, Type type, String reason, String message) {
    recorded.add(new Event(on.getMetadata().getName(), type, reason, message));
  }

  /** Every event, as {@code Type reason: message}. */
  List<String> recorded() {
    return recorded.stream().map(Event::toString).toList();
  }

  /** The Warning events, as {@code Warning reason: message}. */
  List<String> warnings() {
    return recorded.stream().filter(e -> e.type() == Type.WARNING).map(Event::toString).toList();
  }

  /** Every event, as {@code name Type reason}: whose, and what, without the message. */
  List<String> brief() {
    return recorded.stream()
        .map(e -> e.on() + " " + e.type().wireName() + " " + e.reason())
        .toList();
  }

  /** Forgets what was recorded so far. */
  void clear() {
    recorded.clear();
  }
}
