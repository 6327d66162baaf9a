package io.scaledapi.operator.forecast;

/** A typical log rate by phase of the season, that other members can forecast deviations from. */
interface Baseline {

  /** The typical log rate at the phase of {@code time} (seconds). */
  double at(double time);

  /** Whether it has seen a whole season and can be relied on. */
  boolean ready();
}
