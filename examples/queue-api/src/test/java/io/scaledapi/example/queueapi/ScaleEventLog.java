package io.scaledapi.example.queueapi;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rescale events the autoscalers recorded in their lanes' namespaces, as lines timed from the
 * start of the load: the HPA's {@code SuccessfulRescale} (KEDA's HPA records them too) and our
 * {@code Rescaled}.
 */
final class ScaleEventLog {
  private static final Set<String> REASONS = Set.of("SuccessfulRescale", "Rescaled");

  /** The label selector the HPA prints after the name of a metric KEDA serves. */
  private static final Pattern SELECTOR = Pattern.compile("\\(&LabelSelector\\{.*\\}\\)");

  private ScaleEventLog() {}

  static List<String> lines(KubernetesClient client, List<String> namespaces, Instant start) {
    record Timed(Instant at, String line) {}
    List<Timed> timed = new ArrayList<>();
    for (String namespace : namespaces) {
      for (Event e : client.v1().events().inNamespace(namespace).list().getItems()) {
        if (!REASONS.contains(e.getReason())) {
          continue;
        }
        Instant at = time(e);
        timed.add(
            new Timed(
                at,
                String.format(
                    Locale.ROOT,
                    "%+6.0f s  %-4s  %s",
                    Duration.between(start, at).toMillis() / 1000.0,
                    namespace,
                    SELECTOR.matcher(e.getMessage()).replaceAll(""))));
      }
    }
    return timed.stream().sorted(Comparator.comparing(Timed::at)).map(Timed::line).toList();
  }

  /** When it last happened: the event time, else the last timestamp, else the first. */
  private static Instant time(Event e) {
    if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
      return Instant.parse(e.getEventTime().getTime());
    }
    String stamp = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getFirstTimestamp();
    return Instant.parse(stamp);
  }
}
