package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One workload in memory, reached through {@code /scale}: its replicas, every write to them, and
 * the faults a test sets: a target that cannot be scaled, a read that throws, a write the API
 * server refuses.
 */
final class FakeScaleTargets implements ScaleTargets {
  /** One write of {@code /scale}, refused or not. */
  record Write(String namespace, String target, int replicas, boolean refused) {}

  private int replicas;
  private TargetObservation.Missing missing;
  private Throwable readFault;
  private String writeRefusal;
  private TargetObservation.Found lastRead;
  private int reads;
  private final List<Write> writes = new ArrayList<>();

  FakeScaleTargets(int replicas) {
    this.replicas = replicas;
  }

  /** The workload is (again) there, at {@code replicas}, as if someone else had set them. */
  void found(int replicas) {
    this.replicas = replicas;
    this.missing = null;
  }

  /** Reads say the target cannot be scaled, for {@code reason}, until {@link #found}. */
  void missing(String reason, String message) {
    this.missing = new TargetObservation.Missing(reason, message);
  }

  /** Reads throw {@code fault} from now on; null to stop. */
  void failReadsWith(Throwable fault) {
    this.readFault = fault;
  }

  /** Writes are refused with {@code message} from now on; null to accept them again. */
  void refuseWrites(String message) {
    this.writeRefusal = message;
  }

  int replicas() {
    return replicas;
  }

  /** How many times the target was read. */
  int reads() {
    return reads;
  }

  /** The replicas written and accepted, in order. */
  List<Integer> writes() {
    return writes.stream().filter(w -> !w.refused()).map(Write::replicas).toList();
  }

  /** Every write tried, refused or not. */
  List<Write> attempts() {
    return List.copyOf(writes);
  }

  @Override
  public TargetObservation observe(String namespace, ScaleTargetRef ref) {
    reads++;
    if (readFault instanceof RuntimeException e) {
      throw e;
    }
    if (readFault instanceof Error e) {
      throw e;
    }
    if (missing != null) {
      return missing;
    }
    lastRead =
        new TargetObservation.Found(
            replicas,
            replicas,
            new ScaleBuilder()
                .withNewMetadata()
                .withName(ref.name())
                .withNamespace(namespace)
                .withResourceVersion(Integer.toString(reads))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build());
    return lastRead;
  }

  @Override
  public void scale(
      String namespace, ScaleTargetRef ref, TargetObservation.Found observed, int replicas) {
    if (observed != lastRead) {
      throw new AssertionError("a write of /scale must carry the scale object read last");
    }
    String target = KubernetesScaleTargets.describe(ref);
    if (writeRefusal != null) {
      writes.add(new Write(namespace, target, replicas, true));
      throw new ScaleWriteException(writeRefusal, null);
    }
    writes.add(new Write(namespace, target, replicas, false));
    this.replicas = replicas;
  }
}
