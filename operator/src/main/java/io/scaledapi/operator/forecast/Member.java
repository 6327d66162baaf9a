package io.scaledapi.operator.forecast;

/**
 * One forecaster of the ensemble. It works on the logarithm of the rate (see {@link LogScale}) and
 * on time in seconds; the ensemble filters bad observations before they reach a member.
 */
interface Member {

  /** A short name for the model text, such as "trend". */
  String name();

  /** Adds an observation of the log rate {@code y} at {@code time}, later than any before. */
  void observe(double time, double y);

  /** The log rate expected at {@code target}; only called after at least one observation. */
  double expectedLogRate(double target);

  /** Whether the member has seen enough to be given weight. */
  boolean ready();
}
