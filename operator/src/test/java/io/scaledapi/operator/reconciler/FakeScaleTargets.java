package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.util.ArrayList;
import java.util.List;

/** One target in memory: its replicas, every write to them, and a fault to throw on reads. */
final class FakeScaleTargets implements ScaleTargets {
  private int replicas;
  private final List<Integer> writes = new ArrayList<>();
  private Throwable fault;

  FakeScaleTargets(int replicas) {
    this.replicas = replicas;
  }

  /** Reads throw {@code fault} from now on; null to stop. */
  void failReadsWith(Throwable fault) {
    this.fault = fault;
  }

  int replicas() {
    return replicas;
  }

  /** The replicas written, in order. */
  List<Integer> writes() {
    return List.copyOf(writes);
  }

  @Override
  public TargetObservation observe(String namespace, ScaleTargetRef ref) {
    if (fault instanceof RuntimeException e) {
      throw e;
    }
    if (fault instanceof Error e) {
      throw e;
    }
    return new TargetObservation.Found(replicas, replicas, new Scale());
  }

  @Override
  public void scale(
      String namespace, ScaleTargetRef ref, TargetObservation.Found observed, int replicas) {
    writes.add(replicas);
    this.replicas = replicas;
  }
}
