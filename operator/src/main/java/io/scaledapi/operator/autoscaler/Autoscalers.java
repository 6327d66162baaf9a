package io.scaledapi.operator.autoscaler;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link Autoscaler} per ScaledApi, by its uid; a deleted one is forgotten entirely. Safe for
 * reconciles of different ScaledApis on different threads.
 */
public final class Autoscalers {
  private final Map<String, Autoscaler> byUid = Collections.synchronizedMap(new HashMap<>());

  /** The autoscaler of this ScaledApi; one taking over when there is none yet. */
  public Autoscaler of(String uid) {
    return byUid.computeIfAbsent(uid, u -> Autoscaler.takingOver());
  }

  /** Drops everything kept for a deleted ScaledApi. */
  public void forget(String uid) {
    byUid.remove(uid);
  }

  /** How many ScaledApis are remembered. */
  public int size() {
    return byUid.size();
  }
}
