package io.scaledapi.operator.cli;

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

  private PolicyCatalog() {}

  /**
   * The factory of policy {@code name}; {@code spec} is the ScaledApi spec for {@code ours}, its
   * default spec when empty. Each baseline runs with its system's documented defaults.
   */
  static PolicyFactory factory(String name, Optional<ScaledApiSpec> spec) {
    return switch (name) {
      case OURS -> OursPolicy.factory(spec);
      case HPA -> HpaPolicy.factory(HpaSettings.defaults());
      case KEDA -> KedaPolicy.factory(KedaSettings.defaults());
      case KNATIVE -> KnativePolicy.factory(KnativeSettings.defaults());
      case ORACLE -> OraclePolicy.factory();
      default -> throw new IllegalArgumentException(unknown(name));
    };
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
    return names.stream().map(name -> factory(name, spec)).toList();
  }

  private static String unknown(String name) {
    return "--policies: unknown policy '" + name + "'; " + choose();
  }

  private static String choose() {
    return "choose from " + String.join(", ", NAMES) + ", comma-separated";
  }
}
