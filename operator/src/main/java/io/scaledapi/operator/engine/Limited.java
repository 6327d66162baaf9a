package io.scaledapi.operator.engine;

/** A replica count and what limited it, if anything. */
record Limited(int replicas, Limit limit) {

  static Limited unlimited(int replicas) {
    return new Limited(replicas, Limit.NONE);
  }
}
