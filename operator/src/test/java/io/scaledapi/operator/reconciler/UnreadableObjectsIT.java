package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.api.v1alpha1.testing.Json;
import io.scaledapi.operator.testing.MockApiServer;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ScaledApis the operator's types cannot hold (a number beyond 32 bits, an unknown field, a word
 * where a number belongs), sent as raw JSON past the typed client, as a client that skips the
 * schema or a newer CRD would leave them. They sit next to a good one, before the operator starts
 * (its first list) and after (its watch): each bad one is InvalidSpec naming its field, with one
 * Warning, and its target is never scaled; the good one keeps scaling; the operator keeps running;
 * a bad one fixed is picked up. On fabric8's mock API server, which stores them as sent: the real
 * one refuses them through the CRD's schema (the schema rows of {@link BadInputIT}), and a
 * schema-less CRD would change the kind for every other test sharing the JVM's real server.
 */
@MockApiServer
class UnreadableObjectsIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static MockCluster cluster;
  static LiveStack stack;

  @BeforeAll
  static void startCluster() {
    DiscoveryStubs.serve(server);
    cluster = MockCluster.of(client);
  }

  @AfterAll
  static void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void badObjectsAreInvalidSpecAndTheGoodOneKeepsScaling() {
    createRaw("good", o -> {});
    createRaw("huge", o -> Fields.set(o, "spec.maxReplicas", 3_000_000_000L));
    createRaw("unknown", o -> Fields.set(o, "spec.queue.window", "1m"));
    createRaw("wordy", o -> Fields.set(o, "spec.minReplicas", "one"));

    stack = LiveStack.start(cluster, Clock.systemUTC());
    setQueue("good", 45);

    awaitReplicas("good", 5);
    awaitInvalid(
        "huge", "spec.maxReplicas must be a whole number from 1 to 100000; got 3000000000");
    awaitInvalid(
        "unknown",
        "spec.queue.window is not a ScaledApi field; remove it, or upgrade the operator if a newer"
            + " CRD added it");
    awaitInvalid("wordy", "spec.minReplicas must be a whole number from 1 to 100000; got \"one\"");

    // one more, seen through the watch; then a bad one fixed is read and acted on (each target
    // is scaled once: the mock stores a /scale write in place of the Deployment)
    createRaw("late", o -> Fields.set(o, "spec.maxReplicas", 2.5));
    awaitInvalid("late", "spec.maxReplicas must be a whole number from 1 to 100000; got 2.5");

    setQueue("huge", 25);
    client
        .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
        .inNamespace("huge")
        .withName("api")
        .edit(
            r -> {
              r.getAdditionalProperties().put("spec", BadInputIT.liveScaledApi("huge").get("spec"));
              return r;
            });
    awaitReplicas("huge", 3);

    assertThat(stack.operator().healthy()).as("every informer still runs").isTrue();
    for (String ns : new String[] {"unknown", "wordy", "late"}) {
      assertThat(cluster.replicas(ns, "api")).as("bad input never scales %s", ns).isEqualTo(1);
      assertThat(cluster.events(ns, "InvalidSpec")).as("one Warning in %s", ns).hasSize(1);
    }
  }

  /** A ScaledApi "api" scaling Deployment "api" of {@code ns}, changed by {@code edit}, raw. */
  static void createRaw(String ns, Consumer<Map<String, Object>> edit) {
    cluster.createDeployment(ns, "api", 1);
    Map<String, Object> object = BadInputIT.liveScaledApi(ns);
    edit.accept(object);
    client
        .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
        .inNamespace(ns)
        .resource(raw(object))
        .create();
  }

  static GenericKubernetesResource raw(Map<String, Object> object) {
    return Serialization.unmarshal(Json.text(object), GenericKubernetesResource.class);
  }

  static void setQueue(String ns, double depth) {
    stack.exporter().set(BadInputConditionRows.GAUGE, Map.of("app", ns), depth);
  }

  /**
   * The operator decided on {@code replicas} for {@code ns} and wrote them without a failure. Read
   * from the status: the mock stores a {@code /scale} write in place of the Deployment, so the
   * Deployment's replicas cannot be read back after one.
   */
  static void awaitReplicas(String ns, int replicas) {
    cluster.awaitStatus(
        ns,
        s -> {
          assertThat(s.desiredReplicas()).isEqualTo(replicas);
          assertThat(Cluster.condition(s, Conditions.SCALING_ACTIVE).getReason())
              .isNotEqualTo("FailedRescale");
        });
  }

  static void awaitInvalid(String ns, String message) {
    cluster.awaitStatus(
        ns,
        s -> {
          Condition ready = Cluster.condition(s, Conditions.READY);
          assertThat(ready.getStatus()).isEqualTo("False");
          assertThat(ready.getReason()).isEqualTo("InvalidSpec");
          assertThat(ready.getMessage()).isEqualTo(message);
        });
  }
}
