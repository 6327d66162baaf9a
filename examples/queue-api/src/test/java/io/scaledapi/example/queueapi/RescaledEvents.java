package io.scaledapi.example.queueapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator's Rescaled events in a namespace, oldest first. */
record RescaledEvents(List<Event> events) {
  /** "3 -> 1: ..." or "pre-scaled 1 -> 3: ...". */
  private static final Pattern CHANGE = Pattern.compile("(\\d+) -> (\\d+):");

  static RescaledEvents in(KubernetesClient client, String namespace) {
    return new RescaledEvents(
        client.v1().events().inNamespace(namespace).list().getItems().stream()
            .filter(e -> "Rescaled".equals(e.getReason()))
            .sorted(Comparator.comparing(RescaledEvents::time))
            .toList());
  }

  List<Event> ups() {
    return events.stream().filter(e -> !down(e)).toList();
  }

  List<Event> downs() {
    return events.stream().filter(RescaledEvents::down).toList();
  }

  /** From the last scale-up before the first scale-down to that scale-down. */
  Duration heldBeforeFirstDown() {
    Instant firstDown = time(downs().get(0));
    Instant lastUp =
        ups().stream()
            .map(RescaledEvents::time)
            .filter(t -> t.isBefore(firstDown))
            .reduce((a, b) -> b)
            .orElseThrow();
    return Duration.between(lastUp, firstDown);
  }

  static Instant time(Event e) {
    return Instant.parse(e.getEventTime().getTime());
  }

  private static boolean down(Event e) {
    Matcher m = CHANGE.matcher(e.getMessage());
    assertThat(m.find()).as(e.getMessage()).isTrue();
    return Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1));
  }
}
