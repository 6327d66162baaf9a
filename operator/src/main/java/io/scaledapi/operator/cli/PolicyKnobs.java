package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.operator.report.Comparison;
import io.scaledapi.operator.sim.ClusterSpec;
import io.scaledapi.operator.sim.OursPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/**
 * The knob of each policy {@code simulate} compares: the share of a replica's capacity each
 * baseline's target asks for, and ours' utilization and confidence when it runs its built-in spec.
 */
final class PolicyKnobs {

  static final String DEFAULT_SHARE = "0.7";

  @Option(
      names = "--hpa-target",
      paramLabel = "SHARE",
      defaultValue = DEFAULT_SHARE,
      description =
          "The HPA's target per replica, as a share of --capacity in (0, 1]."
              + " Default: ${DEFAULT-VALUE}.")
  double hpaTarget;

  @Option(
      names = "--keda-target",
      paramLabel = "SHARE",
      defaultValue = DEFAULT_SHARE,
      description =
          "KEDA's threshold per replica, as a share of --capacity in (0, 1]."
              + " Default: ${DEFAULT-VALUE}.")
  double kedaTarget;

  @Option(
      names = "--knative-target",
      paramLabel = "SHARE",
      defaultValue = DEFAULT_SHARE,
      description =
          "Knative's target utilization, as a share of --capacity in (0, 1]."
              + " Default: ${DEFAULT-VALUE}.")
  double knativeTarget;

  @Option(
      names = "--ours-utilization",
      paramLabel = "SHARE",
      description =
          "The share of a replica's capacity ours provisions for, in (0, 1]; tunes ours' built-in"
              + " spec, so not with --spec. Default: 0.7.")
  Double oursUtilization;

  @Option(
      names = "--ours-confidence",
      paramLabel = "Q",
      description =
          "The quantile of the forecast ours provisions for, above 0.5 and at most 0.999; tunes"
              + " ours' built-in spec, so not with --spec. Default: 0.9.")
  Double oursConfidence;

  /**
   * The knobs, checked; {@code specGiven} says whether {@code --spec} was given.
   *
   * @throws IllegalArgumentException naming the option and the fix
   */
  PolicyCatalog.Tuning tuning(boolean specGiven) {
    share("--hpa-target", hpaTarget);
    share("--keda-target", kedaTarget);
    share("--knative-target", knativeTarget);
    if (oursUtilization != null) {
      share("--ours-utilization", oursUtilization);
    }
    if (oursConfidence != null && !(oursConfidence > 0.5 && oursConfidence <= 0.999)) {
      throw new IllegalArgumentException(
          "--ours-confidence must be a quantile above 0.5 and at most 0.999, e.g. 0.9; got "
              + Comparison.number(oursConfidence));
    }
    if (specGiven && (oursUtilization != null || oursConfidence != null)) {
      throw new IllegalArgumentException(
          (oursUtilization != null ? "--ours-utilization" : "--ours-confidence")
              + " tunes ours' built-in spec, and --spec replaces that spec: give one or the"
              + " other (set queue.targetPerReplica or prediction.confidence in the spec)");
    }
    return new PolicyCatalog.Tuning(
        hpaTarget, kedaTarget, knativeTarget, optional(oursUtilization), optional(oursConfidence));
  }

  /** Checks that {@code value} of {@code option} is a share of capacity in (0, 1]. */
  static void share(String option, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(
          option
              + " must be a share of a replica's capacity, above 0 and at most 1, e.g. 0.7; got "
              + Comparison.number(value));
    }
  }

  /**
   * Adds the knob of each chosen policy to {@code settings}, after the policies; ours' only when it
   * runs its built-in spec tuned.
   */
  static void describe(
      Map<String, String> settings,
      PolicyCatalog.Tuning tuning,
      ClusterSpec cluster,
      List<String> chosen) {
    double capacity = cluster.capacityPerReplica();
    if (chosen.contains(PolicyCatalog.OURS) && tuning.oursTuned()) {
      double utilization = tuning.oursUtilization().orElse(OursPolicy.TARGET_UTILIZATION);
      settings.put(
          "spec for ours",
          String.format(
              Locale.ROOT,
              "built-in, tuned: utilization %s (queue target %s per replica), confidence %s",
              Comparison.number(utilization),
              Comparison.number(utilization * capacity),
              Comparison.number(
                  tuning.oursConfidence().orElse(PredictionSpec.DEFAULT_CONFIDENCE))));
    }
    if (chosen.contains(PolicyCatalog.HPA)) {
      settings.put("hpa target", perReplica(tuning.hpaTarget(), capacity));
    }
    if (chosen.contains(PolicyCatalog.KEDA)) {
      settings.put("keda threshold", perReplica(tuning.kedaTarget(), capacity));
    }
    if (chosen.contains(PolicyCatalog.KNATIVE)) {
      settings.put("knative target", perReplica(tuning.knativeTarget(), capacity));
    }
  }

  /** {@code "0.7 of capacity, 35 req/s per replica"}. */
  static String perReplica(double share, double capacity) {
    return String.format(
        Locale.ROOT,
        "%s of capacity, %s req/s per replica",
        Comparison.number(share),
        Comparison.number(share * capacity));
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
