package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.scaledapi.api.v1alpha1.ScaledApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events, as {@code kubectl describe} shows them, off the reconcile thread: an Event
 * is built when recorded and sent through an {@link EventQueue}, so a poll never waits for it.
 */
final class KubernetesEventRecorder implements EventRecorder, AutoCloseable {
  public static final String COMPONENT = "scaledapi-operator";
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEventRecorder.class);

  /** The API server reads an eventTime with exactly six fractional digits, and refuses others. */
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Up to 1,000 Events wait to be sent, as in client-go's broadcaster; more are dropped. */
  private static final int LANES = 4;

  private static final int QUEUED_PER_LANE = 250;

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;
  private final EventQueue queue;

  /**
   * @param onDrop called for each Event dropped because too many wait to be sent
   */
  KubernetesEventRecorder(KubernetesClient client, Clock clock, String instance, Runnable onDrop) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
    this.queue = new EventQueue(LANES, QUEUED_PER_LANE, onDrop);
  }

  @Override
  public void record(ScaledApi on, Type type, String reason, String message) {
    // Every event is logged as well, at WARN for a Warning: once per problem, as events are.
    String logged = "{}/{} {}: {}";
    Object[] parts = {on.getMetadata().getNamespace(), on.getMetadata().getName(), reason, message};
    if (type == Type.WARNING) {
      LOG.warn(logged, parts);
    } else {
      LOG.info(logged, parts);
    }
    Instant now = clock.instant();
    String timestamp =
        DateTimeFormatter.ISO_INSTANT.format(
            now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    String micro = MICRO_TIME.format(now);
    String namespace = on.getMetadata().getNamespace();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                on.getMetadata().getName()
                    + "."
                    + Long.toHexString(now.toEpochMilli())
                    + String.format(
                        Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000)))
            .withNamespace(namespace)
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(on.getApiVersion())
            .withKind(on.getKind())
            .withName(on.getMetadata().getName())
            .withNamespace(namespace)
            .withUid(on.getMetadata().getUid())
            .withResourceVersion(on.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(type.wireName())
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(timestamp)
            .withLastTimestamp(timestamp)
            .withEventTime(new MicroTime(micro))
            .withAction("Reconcile")
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(instance)
            .build();
    queue.submit(namespace + "/" + on.getMetadata().getName(), () -> send(event));
  }

  private void send(Event event) {
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "cannot record event {} on {}/{}: {}",
          event.getReason(),
          event.getMetadata().getNamespace(),
          event.getInvolvedObject().getName(),
          e.getMessage());
    }
  }

  /** Sends the Events still queued, for a few seconds at most. */
  @Override
  public void close() {
    queue.close();
  }
}
