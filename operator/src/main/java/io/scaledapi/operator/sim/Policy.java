package io.scaledapi.operator.sim;

import java.time.Duration;

/** A scaling policy under test: asked every {@link #period()} for the replicas it wants. */
public interface Policy {

  /** A short name for tables and charts, e.g. "hpa". */
  String name();

  /** How often it decides: its sync period or polling interval. */
  Duration period();

  /** The replicas it wants now; the simulator clamps to [1, maxReplicas]. */
  int decide(View view);
}
