package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.BadInput.NOT_CHECKED;
import static io.scaledapi.operator.reconciler.BadInput.invalid;
import static io.scaledapi.operator.reconciler.BadInput.schema;
import static io.scaledapi.operator.reconciler.BadInput.schemaWithout;

import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.operator.reconciler.BadInput.Schema;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Mistakes in the target, connection, prediction and behavior settings that the CRD schema rejects,
 * each a change to the valid ScaledApi {@code shop/api}, with what {@code kubectl apply -f
 * sapi.yaml} prints and what the operator reports when the object reaches it without the schema.
 */
final class BadInputSettingsRows {
  private BadInputSettingsRows() {}

  static Stream<BadInput> rows() {
    return Stream.of(
        schemaWithout(
            "prediction without arrivalRate",
            "spec.arrivalRate",
            invalid(
                "spec.prediction: Required value: prediction needs arrivalRate: add"
                    + " spec.arrivalRate.query, the requests per second to forecast"),
            "spec.prediction needs spec.arrivalRate.query: give a PromQL query for requests per"
                + " second, e.g. sum(rate(api_requests_arrived_total[1m]))"),
        schema(
            "prediction.leadTime 0s",
            "spec.prediction.leadTime",
            "0s",
            invalid(
                "spec.prediction.leadTime: Invalid value: \"object\": leadTime must be auto or a"
                    + " duration between 1s and 1h, for example 90s"),
            "spec.prediction.leadTime must be auto or between 1s and 1h, e.g. 90s; got 0s"),
        schema(
            "prediction.capacityPerReplica zero",
            "spec.prediction.capacityPerReplica",
            0,
            invalid(
                "spec.prediction.capacityPerReplica: Invalid value: \"object\":"
                    + " capacityPerReplica must be auto or a positive number of requests per"
                    + " second, for example 50 or \"12.5\""),
            "spec.prediction.capacityPerReplica must be auto or a positive number of requests"
                + " per second, e.g. 50; got 0"),
        schema(
            "prediction.capacityPerReplica negative",
            "spec.prediction.capacityPerReplica",
            "-12.5",
            invalid(
                "spec.prediction.capacityPerReplica: Invalid value: \"object\":"
                    + " capacityPerReplica must be auto or a positive number of requests per"
                    + " second, for example 50 or \"12.5\""),
            "spec.prediction.capacityPerReplica must be auto or a positive number of requests"
                + " per second, e.g. 50; got -12.5"),
        schema(
            "prediction.confidence above 0.999",
            "spec.prediction.confidence",
            1.5,
            invalid(
                "spec.prediction.confidence: Invalid value: \"object\": confidence must be a"
                    + " quantile above 0.5 and at most 0.999, for example 0.9"),
            "spec.prediction.confidence must be between 0.5 and 0.999, e.g. 0.9; got 1.5"),
        schema(
            "prediction.confidence of the median",
            "spec.prediction.confidence",
            0.5,
            invalid(
                "spec.prediction.confidence: Invalid value: \"object\": confidence must be a"
                    + " quantile above 0.5 and at most 0.999, for example 0.9"),
            "spec.prediction.confidence must be greater than 0.5, e.g. 0.9; got 0.5"),
        schema(
            "prediction.capacityPerReplica beyond 32 bits",
            "spec.prediction.capacityPerReplica",
            3_000_000_000L,
            invalid(
                "spec.prediction.capacityPerReplica: Invalid value: \"object\":"
                    + " capacityPerReplica must be auto or a positive number of requests per"
                    + " second, for example 50 or \"12.5\""),
            "spec.prediction.capacityPerReplica must be a whole number up to 2147483647 or a"
                + " string; got 3000000000"),
        schema(
            "prediction.confidence 1, written without a fraction",
            "spec.prediction.confidence",
            1,
            invalid(
                "spec.prediction.confidence: Invalid value: \"object\": confidence must be a"
                    + " quantile above 0.5 and at most 0.999, for example 0.9"),
            "spec.prediction.confidence must be between 0.5 and 0.999, e.g. 0.9; got 1.0"),
        schema(
            "behavior policy of an unknown type",
            "spec.behavior.scaleUp.policies[0].type",
            "Pod",
            invalid(
                "spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Pod\": supported"
                    + " values: \"Percent\", \"Pods\"",
                NOT_CHECKED),
            "spec.behavior.scaleUp.policies[0].type must be one of Percent, Pods; got \"Pod\""),
        schema(
            "behavior policy periodSeconds zero",
            "spec.behavior.scaleUp.policies[0].periodSeconds",
            0,
            invalid(
                "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0:"
                    + " spec.behavior.scaleUp.policies[0].periodSeconds in body should be greater"
                    + " than or equal to 1"),
            "spec.behavior.scaleUp.policies[0].periodSeconds must be between 1 and 1800, e.g."
                + " 15"),
        schema(
            "prometheus.address without a scheme",
            "spec.prometheus.address",
            "prometheus.monitoring:9090",
            invalid(
                "spec.prometheus.address: Invalid value: \"prometheus.monitoring:9090\":"
                    + " spec.prometheus.address in body should match '^https?://.+'"),
            "spec.prometheus.address must be an http:// or https:// URL, e.g."
                + " http://prometheus.monitoring:9090; got prometheus.monitoring:9090"),
        schema(
            "prometheus.timeout above 5m",
            "spec.prometheus.timeout",
            "10m",
            invalid(
                "spec.prometheus.timeout: Invalid value: \"object\": prometheus.timeout must be"
                    + " between 100ms and 5m, for example 5s"),
            "spec.prometheus.timeout must be between 100ms and 5m, e.g. 5s; got 10m"),
        schema(
            "prometheus.auth with both bearer and basic",
            "spec.prometheus.auth.basic",
            Map.of("secretName", "prom-basic"),
            invalid(
                "spec.prometheus.auth: Invalid value: \"object\": set exactly one of"
                    + " prometheus.auth.bearer or prometheus.auth.basic"),
            "spec.prometheus.auth: set exactly one of bearer or basic"),
        schema(
            "scaleTargetRef.kind in lower case",
            "spec.scaleTargetRef.kind",
            "deployment",
            invalid(
                "spec.scaleTargetRef.kind: Invalid value: \"object\": scaleTargetRef.kind must be"
                    + " a kind as the API server spells it, for example Deployment or"
                    + " StatefulSet"),
            "spec.scaleTargetRef.kind must be a kind as the API server spells it, e.g."
                + " Deployment; got deployment"),
        schema(
            "scaleTargetRef.apiVersion without a version",
            "spec.scaleTargetRef.apiVersion",
            "apps",
            invalid(
                "spec.scaleTargetRef.apiVersion: Invalid value: \"object\":"
                    + " scaleTargetRef.apiVersion must be group/version, or v1 for the core group,"
                    + " for example apps/v1"),
            "spec.scaleTargetRef.apiVersion must be group/version, or v1 for the core group, e.g."
                + " apps/v1; got apps"),
        schema(
            "scaleTargetRef.name in upper case",
            "spec.scaleTargetRef.name",
            "Checkout",
            invalid(
                "spec.scaleTargetRef.name: Invalid value: \"Checkout\": spec.scaleTargetRef.name"
                    + " in body should match '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'"),
            "spec.scaleTargetRef.name must be a Kubernetes object name (lower case letters,"
                + " digits, '-' and '.'); got Checkout"),
        schemaWithout(
            "scaleTargetRef.name missing",
            "spec.scaleTargetRef.name",
            invalid("spec.scaleTargetRef.name: Required value", NOT_CHECKED),
            "spec.scaleTargetRef.name is required; name the Deployment to scale"),
        schema(
            "arrivalRate.query empty",
            "spec.arrivalRate.query",
            "",
            invalid(
                "spec.arrivalRate.query: Invalid value: \"\": spec.arrivalRate.query in body"
                    + " should be at least 1 chars long"),
            "spec.arrivalRate.query is required; give a PromQL query for requests/second;"
                + " spec.prediction needs spec.arrivalRate.query: give a PromQL query for requests"
                + " per second, e.g. sum(rate(api_requests_arrived_total[1m]))"),
        schema(
            "behavior window above an hour",
            "spec.behavior.scaleDown.stabilizationWindowSeconds",
            7200,
            invalid(
                "spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 7200:"
                    + " spec.behavior.scaleDown.stabilizationWindowSeconds in body should be less"
                    + " than or equal to 3600"),
            "spec.behavior.scaleDown.stabilizationWindowSeconds must be between 0 and 3600; got"
                + " 7200"),
        schema(
            "behavior.scaleUp.tolerance above 1",
            "spec.behavior.scaleUp.tolerance",
            1.5,
            invalid(
                "spec.behavior.scaleUp.tolerance: Invalid value: 1.5:"
                    + " spec.behavior.scaleUp.tolerance in body should be less than or equal to 1"),
            "spec.behavior.scaleUp.tolerance must be between 0 and 1, e.g. 0.1; got 1.5"),
        schema(
            "behavior.scaleDown.tolerance negative",
            "spec.behavior.scaleDown.tolerance",
            -0.1,
            invalid(
                "spec.behavior.scaleDown.tolerance: Invalid value: -0.1:"
                    + " spec.behavior.scaleDown.tolerance in body should be greater than or equal"
                    + " to 0"),
            "spec.behavior.scaleDown.tolerance must be between 0 and 1, e.g. 0.1; got -0.1"),
        schema(
            "behavior with an empty list of policies",
            "spec.behavior.scaleUp.policies",
            java.util.List.of(),
            invalid(
                "spec.behavior.scaleUp.policies: Invalid value: 0: spec.behavior.scaleUp.policies"
                    + " in body should have at least 1 items"),
            "spec.behavior.scaleUp.policies must have 1 to 10 policies, or be left out"),
        schema(
            "behavior with eleven policies",
            "spec.behavior.scaleDown.policies",
            Collections.nCopies(11, Map.of("type", "Pods", "value", 1, "periodSeconds", 15)),
            invalid(
                "spec.behavior.scaleDown.policies: Too many: 11: must have at most 10 items",
                NOT_CHECKED),
            "spec.behavior.scaleDown.policies must have 1 to 10 policies, or be left out"),
        new Schema(
            "a misspelt field in a policy",
            o -> {
              Fields.remove(o, "spec.behavior.scaleUp.policies[1].periodSeconds");
              Fields.set(o, "spec.behavior.scaleUp.policies[1].periodSecond", 15);
            },
            "Error from server (BadRequest): error when creating \"sapi.yaml\": ScaledApi in"
                + " version \"v1alpha1\" cannot be handled as a ScaledApi: strict decoding error:"
                + " unknown field \"spec.behavior.scaleUp.policies[1].periodSecond\"\n",
            "spec.behavior.scaleUp.policies[1].periodSecond is not a ScaledApi field; did you mean"
                + " spec.behavior.scaleUp.policies[1].periodSeconds?"),
        schema(
            "behavior policy value zero",
            "spec.behavior.scaleUp.policies[1].value",
            0,
            invalid(
                "spec.behavior.scaleUp.policies[1].value: Invalid value: 0:"
                    + " spec.behavior.scaleUp.policies[1].value in body should be greater than or"
                    + " equal to 1"),
            "spec.behavior.scaleUp.policies[1].value must be at least 1"),
        schema(
            "prometheus.auth.bearer.secretName empty",
            "spec.prometheus.auth.bearer.secretName",
            "",
            invalid(
                "spec.prometheus.auth.bearer.secretName: Invalid value: \"\":"
                    + " spec.prometheus.auth.bearer.secretName in body should be at least 1 chars"
                    + " long"),
            "spec.prometheus.auth.bearer.secretName is required; name the Secret"),
        schema(
            "prometheus.tls.ca with both a Secret and a ConfigMap",
            "spec.prometheus.tls.ca.secretName",
            "prom-ca",
            invalid(
                "spec.prometheus.tls.ca: Invalid value: \"object\": set exactly one of"
                    + " prometheus.tls.ca.secretName or prometheus.tls.ca.configMapName"),
            "spec.prometheus.tls.ca: set exactly one of secretName or configMapName"));
  }
}
