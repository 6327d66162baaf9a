package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.BadInput.DURATION;
import static io.scaledapi.operator.reconciler.BadInput.NOT_CHECKED;
import static io.scaledapi.operator.reconciler.BadInput.invalid;
import static io.scaledapi.operator.reconciler.BadInput.schema;
import static io.scaledapi.operator.reconciler.BadInput.schemaWithout;

import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.operator.reconciler.BadInput.Schema;
import java.util.stream.Stream;

/**
 * Mistakes in the scaling settings (replicas, signals, timing, fallback, mode) that the CRD schema
 * rejects, each a change to the valid ScaledApi {@code shop/api}, with what {@code kubectl apply -f
 * sapi.yaml} prints and what the operator reports when the object reaches it without the schema.
 */
final class BadInputScalingRows {
  private BadInputScalingRows() {}

  static Stream<BadInput> rows() {
    return Stream.of(
        schema(
            "minReplicas above maxReplicas",
            "spec.minReplicas",
            25,
            invalid(
                "spec.minReplicas: Invalid value: \"object\": minReplicas must be less than or"
                    + " equal to maxReplicas"),
            "spec.minReplicas (25) must be less than or equal to spec.maxReplicas (20)"),
        schema(
            "minReplicas zero",
            "spec.minReplicas",
            0,
            invalid(
                "spec.minReplicas: Invalid value: 0: spec.minReplicas in body should be greater"
                    + " than or equal to 1"),
            "spec.minReplicas must be at least 1"),
        schema(
            "maxReplicas zero",
            "spec.maxReplicas",
            0,
            invalid(
                "spec.maxReplicas: Invalid value: 0: spec.maxReplicas in body should be greater"
                    + " than or equal to 1",
                "spec.minReplicas: Invalid value: \"object\": minReplicas must be less than or"
                    + " equal to maxReplicas",
                "spec.fallback.replicas: Invalid value: \"object\": fallback.replicas must be less"
                    + " than or equal to maxReplicas"),
            "spec.maxReplicas must be at least 1; spec.fallback.replicas (4) must be less than or"
                + " equal to spec.maxReplicas (0)"),
        schemaWithout(
            "maxReplicas missing",
            "spec.maxReplicas",
            invalid("spec.maxReplicas: Required value", NOT_CHECKED),
            "spec.maxReplicas is required: the most replicas to scale to, e.g. 10"),
        schema(
            "maxReplicas not a number",
            "spec.maxReplicas",
            "ten",
            invalid(
                "spec.maxReplicas: Invalid value: \"string\": spec.maxReplicas in body must be of"
                    + " type integer: \"string\"",
                NOT_CHECKED),
            "spec.maxReplicas must be a whole number from 1 to 100000; got \"ten\""),
        schema(
            "maxReplicas beyond 32 bits",
            "spec.maxReplicas",
            3_000_000_000L,
            invalid(
                "spec.maxReplicas: Invalid value: 3000000000: spec.maxReplicas in body should be"
                    + " less than or equal to 100000"),
            "spec.maxReplicas must be a whole number from 1 to 100000; got 3000000000"),
        schema(
            "maxReplicas above the product limit",
            "spec.maxReplicas",
            200_000,
            invalid(
                "spec.maxReplicas: Invalid value: 200000: spec.maxReplicas in body should be less"
                    + " than or equal to 100000"),
            "spec.maxReplicas must be at most 100000; got 200000"),
        schema(
            "queue.targetPerReplica negative",
            "spec.queue.targetPerReplica",
            -1,
            invalid(
                "spec.queue.targetPerReplica: Invalid value: -1: spec.queue.targetPerReplica in"
                    + " body should be greater than 0"),
            "spec.queue.targetPerReplica must be greater than 0, e.g. 10"),
        schema(
            "queue.targetPerReplica zero",
            "spec.queue.targetPerReplica",
            0,
            invalid(
                "spec.queue.targetPerReplica: Invalid value: 0: spec.queue.targetPerReplica in"
                    + " body should be greater than 0"),
            "spec.queue.targetPerReplica must be greater than 0, e.g. 10"),
        schema(
            "queue.query empty",
            "spec.queue.query",
            "",
            invalid(
                "spec.queue.query: Invalid value: \"\": spec.queue.query in body should be at"
                    + " least 1 chars long"),
            "spec.queue.query is required; give a PromQL query for requests waiting"),
        schemaWithout(
            "queue missing",
            "spec.queue",
            invalid("spec.queue: Required value", NOT_CHECKED),
            "spec.queue.query is required; give a PromQL query for requests waiting"),
        schema(
            "latency.target zero",
            "spec.latency.target",
            "0s",
            invalid(
                "spec.latency.target: Invalid value: \"object\": latency.target must be greater"
                    + " than zero, for example 250ms"),
            "spec.latency.target must be greater than zero, e.g. 250ms"),
        schema(
            "latency.target negative",
            "spec.latency.target",
            "-250ms",
            invalid(
                "spec.latency.target: Invalid value: \"-250ms\": spec.latency.target in body"
                    + " should match "
                    + DURATION),
            "spec.latency.target: '-250ms' is not a duration; write a number and a unit, e.g."
                + " 250ms, 15s, 1m30s"),
        schema(
            "latency.target without a unit",
            "spec.latency.target",
            "250",
            invalid(
                "spec.latency.target: Invalid value: \"250\": spec.latency.target in body should"
                    + " match "
                    + DURATION),
            "spec.latency.target: '250' is not a duration; write a number and a unit, e.g."
                + " 250ms, 15s, 1m30s"),
        schema(
            "pollingInterval 0s",
            "spec.pollingInterval",
            "0s",
            invalid(
                "spec.pollingInterval: Invalid value: \"object\": pollingInterval must be between"
                    + " 1s and 1h, for example 15s"),
            "spec.pollingInterval must be between 1s and 1h, e.g. 15s; got 0s"),
        schema(
            "pollingInterval 0, a number",
            "spec.pollingInterval",
            0,
            invalid(
                "spec.pollingInterval: Invalid value: \"integer\": spec.pollingInterval in body"
                    + " must be of type string: \"integer\"",
                NOT_CHECKED),
            "spec.pollingInterval must be a string; got 0"),
        schema(
            "pollingInterval longer than any duration",
            "spec.pollingInterval",
            "3000000000000000h",
            invalid(
                "spec: Invalid value: \"object\": type conversion error from 'string' to"
                    + " 'google.protobuf.Duration' evaluating rule: pollingInterval must be between"
                    + " 1s and 1h, for example 15s"),
            "spec.pollingInterval must be between 1s and 1h, e.g. 15s; got 3000000000000000h"),
        schema(
            "pollingInterval 2h",
            "spec.pollingInterval",
            "2h",
            invalid(
                "spec.pollingInterval: Invalid value: \"object\": pollingInterval must be between"
                    + " 1s and 1h, for example 15s"),
            "spec.pollingInterval must be between 1s and 1h, e.g. 15s; got 2h"),
        schema(
            "pollingInterval fast",
            "spec.pollingInterval",
            "fast",
            invalid(
                "spec.pollingInterval: Invalid value: \"fast\": spec.pollingInterval in body"
                    + " should match "
                    + DURATION),
            "spec.pollingInterval: 'fast' is not a duration; write a number and a unit, e.g."
                + " 250ms, 15s, 1m30s"),
        schema(
            "maxReplicas a fraction",
            "spec.maxReplicas",
            2.5,
            invalid(
                "spec.maxReplicas: Invalid value: \"number\": spec.maxReplicas in body must be of"
                    + " type integer: \"number\"",
                NOT_CHECKED),
            "spec.maxReplicas must be a whole number from 1 to 100000; got 2.5"),
        schema(
            "targetUtilization above 1",
            "spec.targetUtilization",
            1.5,
            invalid(
                "spec.targetUtilization: Invalid value: 1.5: spec.targetUtilization in body should"
                    + " be less than or equal to 1"),
            "spec.targetUtilization must be above 0 and at most 1, e.g. 0.7; got 1.5"),
        schema(
            "tolerance above 1",
            "spec.tolerance",
            1.5,
            invalid(
                "spec.tolerance: Invalid value: 1.5: spec.tolerance in body should be less than or"
                    + " equal to 1"),
            "spec.tolerance must be between 0 and 1, e.g. 0.1; got 1.5"),
        schema(
            "fallback.replicas above maxReplicas",
            "spec.fallback.replicas",
            21,
            invalid(
                "spec.fallback.replicas: Invalid value: \"object\": fallback.replicas must be less"
                    + " than or equal to maxReplicas"),
            "spec.fallback.replicas (21) must be less than or equal to spec.maxReplicas (20)"),
        schema(
            "fallback.failureThreshold zero",
            "spec.fallback.failureThreshold",
            0,
            invalid(
                "spec.fallback.failureThreshold: Invalid value: 0: spec.fallback.failureThreshold"
                    + " in body should be greater than or equal to 1"),
            "spec.fallback.failureThreshold must be at least 1, e.g. 3"),
        schema(
            "fallback.failureThreshold above 10000",
            "spec.fallback.failureThreshold",
            20_000,
            invalid(
                "spec.fallback.failureThreshold: Invalid value: 20000:"
                    + " spec.fallback.failureThreshold in body should be less than or equal to"
                    + " 10000"),
            "spec.fallback.failureThreshold must be at most 10000, e.g. 3; got 20000"),
        schema(
            "mode unknown",
            "spec.mode",
            "Fast",
            invalid(
                "spec.mode: Unsupported value: \"Fast\": supported values: \"DryRun\","
                    + " \"Enforce\"",
                NOT_CHECKED),
            "spec.mode must be one of DryRun, Enforce; got \"Fast\""),
        schema(
            "latency.query empty",
            "spec.latency.query",
            "",
            invalid(
                "spec.latency.query: Invalid value: \"\": spec.latency.query in body should be at"
                    + " least 1 chars long"),
            "spec.latency.query is required; give a PromQL query for a latency in seconds"),
        schema(
            "fallback.replicas negative",
            "spec.fallback.replicas",
            -1,
            invalid(
                "spec.fallback.replicas: Invalid value: -1: spec.fallback.replicas in body should"
                    + " be greater than or equal to 0"),
            "spec.fallback.replicas must not be negative"),
        new Schema(
            "fallback.behavior static without replicas",
            o -> {
              Fields.remove(o, "spec.fallback.replicas");
              Fields.set(o, "spec.fallback.behavior", "static");
            },
            invalid(
                "spec.fallback.replicas: Required value: fallback.behavior static,"
                    + " currentReplicasIfHigher and currentReplicasIfLower need fallback.replicas:"
                    + " set it, or use behavior currentReplicas"),
            "spec.fallback.behavior static, currentReplicasIfHigher and currentReplicasIfLower"
                + " need spec.fallback.replicas: set it, or use behavior currentReplicas"),
        schema(
            "fallback.behavior unknown",
            "spec.fallback.behavior",
            "Static",
            invalid(
                "spec.fallback.behavior: Unsupported value: \"Static\": supported values:"
                    + " \"currentReplicas\", \"currentReplicasIfHigher\","
                    + " \"currentReplicasIfLower\", \"static\"",
                NOT_CHECKED),
            "spec.fallback.behavior must be one of currentReplicas, currentReplicasIfHigher,"
                + " currentReplicasIfLower, static; got \"Static\""),
        schema(
            "pausedScaleDown not a boolean",
            "spec.pausedScaleDown",
            "yes",
            invalid(
                "spec.pausedScaleDown: Invalid value: \"string\": spec.pausedScaleDown in body"
                    + " must be of type boolean: \"string\"",
                NOT_CHECKED),
            "spec.pausedScaleDown must be true or false; got \"yes\""),
        schema(
            "a misspelt field",
            "spec.minReplica",
            2,
            "Error from server (BadRequest): error when creating \"sapi.yaml\": ScaledApi in"
                + " version \"v1alpha1\" cannot be handled as a ScaledApi: strict decoding error:"
                + " unknown field \"spec.minReplica\"\n",
            "spec.minReplica is not a ScaledApi field; did you mean spec.minReplicas?"),
        schema(
            "a field of a newer version",
            "spec.queue.window",
            "1m",
            "Error from server (BadRequest): error when creating \"sapi.yaml\": ScaledApi in"
                + " version \"v1alpha1\" cannot be handled as a ScaledApi: strict decoding error:"
                + " unknown field \"spec.queue.window\"\n",
            "spec.queue.window is not a ScaledApi field; remove it, or upgrade the operator if a"
                + " newer CRD added it"));
  }
}
