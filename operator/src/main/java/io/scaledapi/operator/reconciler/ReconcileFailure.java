package io.scaledapi.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reconcile that threw: Ready and ScalingActive False, reason {@code ReconcileFailed}, one
 * Warning while it lasts, and the next poll after the polling interval, so that a fix (of the spec
 * or of whatever failed) is picked up. Replicas are left as they are. The message names only the
 * kind of failure; the operator's log has the rest.
 */
final class ReconcileFailure {
  static final String REASON = "ReconcileFailed";
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileFailure.class);

  private ReconcileFailure() {}

  /**
   * True for a failing JVM: out of memory, or its own internal error. Such a failure is rethrown,
   * not reported, as nothing computed after it can be trusted; the process should end (run it with
   * -XX:+ExitOnOutOfMemoryError) and be restarted. A stack overflow is not one: the stack has
   * unwound by the time it is caught.
   */
  static boolean fatal(Throwable failure) {
    return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
  }

  /** The status and schedule that report {@code failure} on {@code scaledApi}. */
  static UpdateControl<ScaledApi> report(
      ScaledApi scaledApi, Throwable failure, EventRecorder events, Clock clock) {
    Duration interval = SpecParser.pollingInterval(scaledApi.getSpec());
    LOG.error("reconcile of ScaledApi {} failed", name(scaledApi), failure);
    try {
      String message = message(failure, interval);
      StatusDraft draft =
          new StatusDraft(scaledApi.getStatus(), scaledApi.getMetadata().getGeneration());
      new Reports(events).warnOnce(scaledApi, draft, Conditions.READY, REASON, message);
      draft.blocked(REASON, message);
      ScaledApiStatus next = draft.build(clock.instant());
      if (next.equals(scaledApi.getStatus())) {
        return UpdateControl.<ScaledApi>noUpdate().rescheduleAfter(interval);
      }
      return UpdateControl.patchStatus(StatusPatch.of(scaledApi, next)).rescheduleAfter(interval);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      LOG.error("cannot report the failure on ScaledApi {}", name(scaledApi), e);
      return UpdateControl.<ScaledApi>noUpdate().rescheduleAfter(interval);
    }
  }

  static String message(Throwable failure, Duration interval) {
    return "the operator failed to reconcile this ScaledApi ("
        + failure.getClass().getSimpleName()
        + "); replicas are left as they are and it retries every "
        + (interval.toMillisPart() == 0 ? interval.toSeconds() + "s" : interval.toMillis() + "ms")
        + "; see the operator's log";
  }

  private static String name(ScaledApi scaledApi) {
    return scaledApi.getMetadata() == null
        ? "?"
        : scaledApi.getMetadata().getNamespace() + "/" + scaledApi.getMetadata().getName();
  }
}
