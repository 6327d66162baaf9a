package io.scaledapi.operator.cli;

import io.scaledapi.api.v1alpha1.PredictionSpec;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.operator.sim.HpaPolicy;
import io.scaledapi.operator.sim.HpaSettings;
import io.scaledapi.operator.sim.KedaPolicy;
import io.scaledapi.operator.sim.KedaSettings;
import io.scaledapi.operator.sim.KnativePolicy;
import io.scaledapi.operator.sim.KnativeSettings;
import io.scaledapi.operator.sim.OraclePolicy;
import io.scaledapi.operator.sim.OursPolicy;
import io.scaledapi.operator.sim.PolicyFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** The policies {@code simulate} and {@code backtest} can compare, by the names users type. */
final class PolicyCatalog {

  static final String OURS = "ours";
  static final String HPA = "hpa";
  static final String KEDA = "keda";
  static final String KNATIVE = "knative";
  static final String ORACLE = "oracle";

  /** Every policy, in the order tables and reports show them; also the default selection. */
  static final List<String> NAMES = List.of(OURS, HPA, KEDA, KNATIVE, ORACLE);

  /**
   * The knob of each policy: for each baseline the share of a replica's capacity its target asks
   * for; for {@code ours} without a spec, its utilization and forecast confidence, its defaults
   * when empty.
   */
  record Tuning(
      double hpaTarget,
      double kedaTarget,
      double knativeTarget,
      OptionalDouble oursUtilization,
      OptionalDouble oursConfidence) {

    /** The documented default of every system: 0.7 of capacity; ours' built-in spec. */
    static Tuning defaults() {
      return baselinesAt(HpaSettings.defaults().targetUtilization());
    }

    /** Every baseline's target at {@code share} of capacity; ours on its default spec. */
    static Tuning baselinesAt(double share) {
      return new Tuning(share, share, share, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** Whether {@code ours} is tuned rather than on its default spec. */
    boolean oursTuned() {
      return oursUtilization.isPresent() || oursConfidence.isPresent();
    }
  }

  private PolicyCatalog() {}

  /**
   * The factory of policy {@code name}; {@code spec} is the ScaledApi spec for {@code ours}, its
   * default spec when empty. Each baseline runs with its system's documented defaults.
   */
  static PolicyFactory factory(String name, Optional<ScaledApiSpec> spec) {
    return factory(name, spec, Tuning.defaults());
  }

  /**
   * The factory of policy {@code name} with its knob turned as {@code tuning} says; {@code spec},
   * when given, is what {@code ours} runs with, and then {@code tuning} must leave ours alone.
   */
  static PolicyFactory factory(String name, Optional<ScaledApiSpec> spec, Tuning tuning) {
    return switch (name) {
      case OURS -> ours(spec, tuning);
      case HPA ->
          HpaPolicy.factory(HpaSettings.defaults().withTargetUtilization(tuning.hpaTarget()));
      case KEDA ->
          KedaPolicy.factory(KedaSettings.defaults().withTargetUtilization(tuning.kedaTarget()));
      case KNATIVE ->
          KnativePolicy.factory(
              KnativeSettings.defaults().withTargetUtilization(tuning.knativeTarget()));
      case ORACLE -> OraclePolicy.factory();
      default -> throw new IllegalArgumentException(unknown(name));
    };
  }

  private static PolicyFactory ours(Optional<ScaledApiSpec> spec, Tuning tuning) {
    if (!tuning.oursTuned()) {
      return OursPolicy.factory(spec);
    }
    if (spec.isPresent()) {
      throw new IllegalArgumentException(
          "ours runs either the spec given or its built-in spec tuned, not both");
    }
    return OursPolicy.tuned(
        tuning.oursUtilization().orElse(OursPolicy.TARGET_UTILIZATION),
        tuning.oursConfidence().orElse(PredictionSpec.DEFAULT_CONFIDENCE));
  }

  /**
   * The policies named in {@code --policies}, checked: known names, each once.
   *
   * @throws IllegalArgumentException naming the option and the names to choose from
   */
  static List<String> parse(List<String> names) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw.strip().toLowerCase(java.util.Locale.ROOT);
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException(unknown(raw));
      }
      if (!chosen.add(name)) {
        throw new IllegalArgumentException("--policies names " + name + " twice; name it once");
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("--policies is empty; " + choose());
    }
    return new ArrayList<>(chosen);
  }

  /** The factories of {@code names}, in the same order. */
  static List<PolicyFactory> factories(List<String> names, Optional<ScaledApiSpec> spec) {
    return factories(names, spec, Tuning.defaults());
  }

  /** The factories of {@code names} tuned by {@code tuning}, in the same order. */
  static List<PolicyFactory> factories(
      List<String> names, Optional<ScaledApiSpec> spec, Tuning tuning) {
    return names.stream().map(name -> factory(name, spec, tuning)).toList();
  }

  private static String unknown(String name) {
    return "--policies: unknown policy '" + name + "'; " + choose();
  }

  private static String choose() {
    return "choose from " + String.join(", ", NAMES) + ", comma-separated";
  }
}
