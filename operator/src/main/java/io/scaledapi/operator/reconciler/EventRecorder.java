package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.ScaledApi;

/** Records Kubernetes Events on a ScaledApi. Failing to record never fails a reconcile. */
interface EventRecorder {

  /** Normal or Warning, as core/v1 Event types. */
  enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  void record(ScaledApi on, Type type, String reason, String message);
}
