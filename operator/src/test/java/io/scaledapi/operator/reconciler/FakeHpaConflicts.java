package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaleTargetRef;

/** The HPA check, answering what the test sets: no HPA, a conflicting one, or cannot tell. */
final class FakeHpaConflicts implements HpaConflicts {
  private Result result = new None();
  private int checks;

  /** No HorizontalPodAutoscaler targets the workload. */
  void none() {
    result = new None();
  }

  /** The HorizontalPodAutoscaler {@code name} targets the workload. */
  void conflict(String name) {
    result = new Conflict(name);
  }

  /** The check cannot tell, because of {@code why}. */
  void unknown(String why) {
    result = new Unknown(why);
  }

  /** How many times the check was made. */
  int checks() {
    return checks;
  }

  @Override
  public Result check(String namespace, ScaleTargetRef ref) {
    checks++;
    return result;
  }
}
