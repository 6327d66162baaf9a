package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.api.v1alpha1.testing.Json;
import io.scaledapi.operator.spec.SpecParser;
import io.scaledapi.operator.testing.Kubectl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one table: every mistake is caught, by the CRD schema on a real kube-apiserver (with
 * the message the testbed's {@code kubectl apply} prints, and what the operator reports should the
 * object reach it without the schema) or by the operator (a condition and one Warning event, the
 * object stored by the same server and read by an operator against a real Prometheus). The rows are
 * in {@link BadInputScalingRows}, {@link BadInputSettingsRows} and {@link BadInputConditionRows}; a
 * new mistake is one more row there. The rows run side by side: each caught by the operator has a
 * namespace, ScaledApi and queue series of its own.
 */
class BadInputIT {
  static final String CREATED = "scaledapi.autoscaling.scaledapi.io/api created\n";
  static final Duration POLL = Duration.ofSeconds(1);

  static RealCluster cluster;
  static LiveStack stack;
  static RealAdmission real;

  @BeforeAll
  static void startEverything() {
    real = new RealAdmission();
    cluster =
        RealCluster.create(
            table()
                .filter(BadInput.Condition.class::isInstance)
                .map(row -> namespaceOf(row.name()))
                .toArray(String[]::new));
    stack = LiveStack.start(cluster, Clock.systemUTC());
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

  static Stream<BadInput> table() {
    return BadInput.table();
  }

  @Execution(ExecutionMode.CONCURRENT)
  @Test
  void theBaseObjectsAreValidSoNoRowPassesVacuously() {
    for (Map<String, Object> base : List.of(Fields.validScaledApi(), liveScaledApi("base"))) {
      RealAdmission.Applied applied = real.kubectlApply(base);
      assertThat(applied.kubectl()).isEqualTo(new Kubectl.Result(0, CREATED, ""));
      assertThat(applied.stored()).isTrue();
      assertThat(operatorSees(base)).isEqualTo(BadInput.NO_PROBLEM);
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachMistakeIsCaughtWithTheFieldAndTheFix(BadInput row) {
    if (row instanceof BadInput.Schema schema) {
      caughtBySchema(schema);
    } else {
      caughtByOperator((BadInput.Condition) row);
    }
  }

  void caughtBySchema(BadInput.Schema row) {
    Map<String, Object> object = Fields.validScaledApi();
    row.edit().accept(object);
    RealAdmission.Applied applied = real.kubectlApply(object);
    assertThat(applied.kubectl()).isEqualTo(new Kubectl.Result(1, "", row.kubectl()));
    assertThat(applied.stored()).as("the API server refuses it").isFalse();
    assertThat(operatorSees(object)).as("without the schema").isEqualTo(row.bypass());
  }

  void caughtByOperator(BadInput.Condition row) {
    String ns = cluster.ns(namespaceOf(row.name()));
    row.setup().prepare(cluster, stack, ns);
    Map<String, Object> object = liveScaledApi(ns);
    row.edit().accept(object);
    // the schema lets it through: the API server stores it
    cluster.client().resources(ScaledApi.class).inNamespace(ns).resource(read(object)).create();

    BadInput.Expected expected = row.expected();
    String message = expected.message().replace("{ns}", ns);
    cluster.awaitStatus(
        ns,
        s -> {
          Condition condition = Cluster.condition(s, expected.type());
          assertThat(condition.getStatus()).isEqualTo("False");
          assertThat(condition.getReason()).isEqualTo(expected.reason());
          assertThat(condition.getMessage()).isEqualTo(message);
        });
    // one Warning, not one per poll: it stays one over several polls
    await()
        .during(POLL.multipliedBy(3))
        .atMost(POLL.multipliedBy(10))
        .untilAsserted(
            () ->
                assertThat(cluster.events(ns, expected.event()))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getMessage()).isEqualTo(message);
                        }));
    if (cluster.client().apps().deployments().inNamespace(ns).withName("api").get() != null) {
      assertThat(cluster.replicas(ns, "api")).as("bad input never scales").isEqualTo(1);
    }
  }

  /**
   * What the operator makes of the object when it reaches it without the schema: the InvalidSpec
   * message, or {@link BadInput#NO_PROBLEM}. It reads every object, as its informer does.
   */
  static String operatorSees(Map<String, Object> object) {
    ScaledApi scaledApi = read(object);
    List<String> problems = SpecParser.parse(scaledApi.getSpec()).problems();
    return problems.isEmpty() ? BadInput.NO_PROBLEM : String.join("; ", problems);
  }

  static ScaledApi read(Map<String, Object> object) {
    return Serialization.unmarshal(Json.text(object), ScaledApi.class);
  }

  /** Polls every second, scales Deployment api between 1 and 10 on the namespace's queue gauge. */
  static Map<String, Object> liveScaledApi(String ns) {
    ScaledApiSpec spec =
        new ScaledApiSpec(
            new ScaleTargetRef("apps/v1", "Deployment", "api"),
            1,
            10,
            "1s",
            null,
            new QueueSpec("sum(" + BadInputConditionRows.GAUGE + "{app=\"" + ns + "\"})", 10.0),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return Json.of(TestScaledApis.scaledApi(ns, spec));
  }

  /** The case as a namespace name, short enough for {@link RealCluster}'s suffix. */
  static String namespaceOf(String caseName) {
    String ns = caseName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return ns.substring(0, Math.min(ns.length(), 50)).replaceAll("-$", "");
  }
}
