package io.scaledapi.operator.engine;

/** What one signal rule proposes, with the reason and a message. */
record Proposal(int replicas, Reason reason, String message) {}
