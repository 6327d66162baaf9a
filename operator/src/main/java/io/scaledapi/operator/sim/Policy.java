package io.scaledapi.operator.sim;

import java.time.Duration;
import java.util.Optional;

/** A scaling policy under test: asked every {@link #period()} for the replicas it wants. */
public interface Policy {

  /** A short name for tables and charts, e.g. "hpa". */
  String name();

  /** How often it decides: its sync period or polling interval. */
  Duration period();

  /** The replicas it wants now; the simulator clamps to [1, maxReplicas]. */
  int decide(View view);

  /** What it learned over the run, for the results; empty for a policy that learns nothing. */
  default Optional<String> note() {
    return Optional.empty();
  }
}
