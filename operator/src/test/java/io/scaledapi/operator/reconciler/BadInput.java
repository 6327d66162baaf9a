package io.scaledapi.operator.reconciler;

import static java.util.stream.Collectors.joining;

import io.scaledapi.api.v1alpha1.testing.Fields;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One row of the bad-input table: a mistake a user can make in a ScaledApi (or around it), where it
 * is caught, and the exact message the user sees there.
 */
sealed interface BadInput {
  /** Every row: the schema's, then the operator's. */
  static Stream<BadInput> table() {
    return Stream.of(
            BadInputScalingRows.rows(), BadInputSettingsRows.rows(), BadInputConditionRows.rows())
        .flatMap(rows -> rows);
  }

  /** The case, as the test report names it. */
  String name();

  /** The cause kube-apiserver adds when a blocking error kept it from running the CEL rules. */
  String NOT_CHECKED =
      "<nil>: Invalid value: null: some validation rules were not checked because the object"
          + " was invalid; correct the existing errors to complete validation";

  /** The schema pattern of a duration, as kube-openapi quotes it. */
  String DURATION = "'^([0-9]+(ms|s|m|h))+$'";

  /** What the operator makes of an object in which it finds no problem. */
  String NO_PROBLEM = "<no problem>";

  /**
   * Caught by the CRD schema: {@code kubectl apply} prints {@code kubectl}. {@code bypass} is what
   * the operator reports (the InvalidSpec message) when the same object reaches it without the
   * schema.
   */
  record Schema(String name, Consumer<Map<String, Object>> edit, String kubectl, String bypass)
      implements BadInput {
    @Override
    public String toString() {
      return "schema: " + name;
    }
  }

  /**
   * Let through by the schema and caught at reconcile time: the ScaledApi gets condition {@code
   * type} False with {@code reason} and {@code message}, and one Warning event {@code event} with
   * the same message. {@code {ns}} in the message stands for the row's namespace.
   */
  record Condition(String name, Setup setup, Consumer<Map<String, Object>> edit, Expected expected)
      implements BadInput {
    @Override
    public String toString() {
      return "condition: " + name;
    }
  }

  /** A condition and its Warning event. */
  record Expected(String type, String reason, String event, String message) {}

  /** What a condition row puts in its namespace before the ScaledApi is created. */
  interface Setup {
    void prepare(Cluster cluster, LiveStack stack, String namespace);

    /** The Deployment {@code api} with one replica, and nothing else. */
    Setup TARGET = (cluster, stack, ns) -> cluster.createDeployment(ns, "api", 1);

    default Setup and(Setup next) {
      return (cluster, stack, ns) -> {
        prepare(cluster, stack, ns);
        next.prepare(cluster, stack, ns);
      };
    }
  }

  /** kubectl's words for a 422 Invalid answer about ScaledApi "api" with these causes. */
  static String invalid(String... causes) {
    String prefix = "The ScaledApi \"api\" is invalid: ";
    return causes.length == 1
        ? prefix + causes[0] + "\n"
        : prefix + "\n" + Arrays.stream(causes).map(c -> "* " + c + "\n").collect(joining());
  }

  static Schema schema(String name, String path, Object value, String kubectl, String bypass) {
    return new Schema(name, o -> Fields.set(o, path, value), kubectl, bypass);
  }

  static Schema schemaWithout(String name, String path, String kubectl, String bypass) {
    return new Schema(name, o -> Fields.remove(o, path), kubectl, bypass);
  }

  static Expected notReady(String reason, String message) {
    return new Expected(Conditions.READY, reason, reason, message);
  }

  static Expected metricsUnavailable(String message) {
    return new Expected(Conditions.METRICS_AVAILABLE, "QueryFailed", "MetricsUnavailable", message);
  }
}
