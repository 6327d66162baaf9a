package io.scaledapi.operator.reconciler;

import static io.scaledapi.operator.reconciler.ReconcilerHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.scaledapi.api.v1alpha1.BehaviorSpec;
import io.scaledapi.api.v1alpha1.FallbackBehavior;
import io.scaledapi.api.v1alpha1.FallbackSpec;
import io.scaledapi.api.v1alpha1.Mode;
import io.scaledapi.api.v1alpha1.QueueSpec;
import io.scaledapi.api.v1alpha1.ScaleTargetRef;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.ScaledApiStatus;
import io.scaledapi.api.v1alpha1.ScalingRulesSpec;
import io.scaledapi.operator.prometheus.FailureKind;
import io.scaledapi.operator.prometheus.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconciler against hand-written fakes ({@link ReconcilerHarness}): what one poll observes,
 * how it validates the spec, what it decides, whether it writes {@code /scale}, and what status and
 * events it reports; how polls are paced; and what a ScaledApi's life (edits, outages, restarts,
 * deletion) does to it. Unless a case says otherwise a ScaledApi "api" scales Deployment "api" (at
 * one replica) between 1 and 20 replicas, one per 10 waiting requests, polls every 10 s, scales up
 * at once and reads a queue of 95: it wants 10 replicas.
 */
class ScaledApiReconcilerTest {
  static final Duration POLL = Duration.ofSeconds(10);
  static final String QUEUE = "sum(q)";
  static final String WANTS_10 = "queue depth 95 over target 10 per replica -> 10 replicas";
  static final String WOULD_FIGHT =
      "HorizontalPodAutoscaler api-hpa already scales Deployment/api; delete it or this"
          + " ScaledApi, the two would fight";
  static final String CANNOT_LIST = "the operator cannot list HorizontalPodAutoscalers in team";
  static final String CANNOT_TELL =
      "cannot tell whether a HorizontalPodAutoscaler scales Deployment/api: "
          + CANNOT_LIST
          + "; holding 1 replica until it can";
  static final String NOT_FOUND =
      "Deployment/api does not exist in namespace team; create it or fix"
          + " spec.scaleTargetRef.name";
  static final String ELDER_OWNS =
      "ScaledApi elder already scales Deployment/api (it was created first); this one does not"
          + " write /scale, and takes over when elder is deleted. Delete one of the two, or set"
          + " spec.mode to DryRun on one to only report";
  static final String CONFLICT_409 =
      "cannot write /scale of Deployment/api (HTTP 409): Operation cannot be fulfilled on"
          + " deployments.apps \"api\": the object has been modified; please apply your changes"
          + " to the latest version and try again; the next poll reads it again and retries";
  static final String REFUSED = "cannot connect to http://prometheus:9090: connection refused";
  static final String READY = "True Reconciled: scaling on the signals read";
  static final String METRICS_READ = "True MetricsRead: all signals read";
  static final String WITHIN_RANGE =
      "False DesiredWithinRange: the desired replicas are within range";

  final ReconcilerHarness h = new ReconcilerHarness();

  // ---- one poll: every branch of observe, validate, decide, act and status

  /**
   * One poll of a ScaledApi: what it writes, the conditions and events it reports, whether it read
   * the target and the signals, and when it polls next.
   *
   * @param setup the fakes (and other ScaledApis) before the poll; the queue reads 95 unless set
   * @param writes the replicas written and accepted
   * @param conditions every condition, as {@code Status Reason: message}
   * @param events every event, as {@code Type Reason: message}
   * @param desired status.desiredReplicas
   * @param reached how far the poll went: what it read
   */
  record Poll(
      String name,
      ScaledApiSpec spec,
      Consumer<ReconcilerHarness> setup,
      List<Integer> writes,
      Map<String, String> conditions,
      List<String> events,
      Integer desired,
      Reached reached) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** How far a poll went: how often it read the target, the queue, and the HPAs. */
  enum Reached {
    /** Stopped at the spec, or at another ScaledApi owning the workload: nothing read. */
    SPEC(0, 0, 0),
    /** Stopped at the target, which cannot be scaled. */
    TARGET(1, 0, 0),
    /** Read the target, found no source for the queries, and made the HPA check. */
    NO_SOURCE(1, 0, 1),
    /** Read the target and the queue, and made the HPA check. */
    ALL(1, 1, 1);

    final int targetReads;
    final int queries;
    final int hpaChecks;

    Reached(int targetReads, int queries, int hpaChecks) {
      this.targetReads = targetReads;
      this.queries = queries;
      this.hpaChecks = hpaChecks;
    }
  }

  static Stream<Poll> polls() {
    String scaled = "1 -> 10: " + WANTS_10;
    String held5 = "metrics unavailable (queue: " + REFUSED + "); holding 5 replicas";
    String noSecret =
        "Secret prom-token named in spec.prometheus.auth.bearer does not exist in namespace team;"
            + " create it or fix spec.prometheus.auth.bearer.secretName";
    String heldForSecret = "metrics unavailable (queue: " + noSecret + "); holding 1 replica";
    String twoSeries =
        "metrics unavailable (queue: spec.queue.query returned 2 series, differing in"
            + " {pod=\"a\"}, {pod=\"b\"}; it must return one: wrap it in sum(...), or narrow its"
            + " label matchers to one series); holding 1 replica";
    String minAboveMax =
        "spec.minReplicas (30) must be less than or equal to spec.maxReplicas (20)";
    String isolated =
        "spec.queue.query reads namespace other; a ScaledApi may only read its own namespace";
    String unallowed = "spec.prometheus.address http://elsewhere:9090 is not allowed";
    return Stream.of(
        new Poll(
            "Enforce: writes /scale, Rescaled event",
            spec().build(),
            x -> {},
            List.of(10),
            conditions(READY, METRICS_READ, "True QueueDepth: " + scaled, WITHIN_RANGE),
            List.of("Normal Rescaled: " + scaled),
            10,
            Reached.ALL),
        new Poll(
            "paused: says what it would scale, writes nothing",
            spec().paused().build(),
            x -> {},
            List.of(),
            conditions(
                READY,
                METRICS_READ,
                "False Paused: spec.paused is true; would scale " + scaled,
                WITHIN_RANGE),
            List.of(),
            10,
            Reached.ALL),
        new Poll(
            "paused with nothing to scale: no 'would'",
            spec().paused().build(),
            x -> x.sources.value(QUEUE, 5),
            List.of(),
            conditions(
                READY,
                METRICS_READ,
                "False Paused: spec.paused is true; queue depth 5 at target 10 per replica -> 1"
                    + " replica",
                WITHIN_RANGE),
            List.of(),
            1,
            Reached.ALL),
        new Poll(
            "DryRun: DryRunRescale event, no write",
            spec().mode(Mode.DRY_RUN).build(),
            x -> {},
            List.of(),
            conditions(READY, METRICS_READ, "True DryRun: would scale " + scaled, WITHIN_RANGE),
            List.of("Normal DryRunRescale: would scale " + scaled),
            10,
            Reached.ALL),
        new Poll(
            "an HPA on the same workload: ConflictingHPA, no write",
            spec().build(),
            x -> x.hpas.conflict("api-hpa"),
            List.of(),
            conditions(
                "False ConflictingHPA: " + WOULD_FIGHT,
                METRICS_READ,
                "False ConflictingHPA: " + WOULD_FIGHT,
                WITHIN_RANGE),
            List.of("Warning ConflictingHPA: " + WOULD_FIGHT),
            10,
            Reached.ALL),
        new Poll(
            "the HPA check cannot tell: HPACheckFailed, no write",
            spec().build(),
            x -> x.hpas.unknown(CANNOT_LIST),
            List.of(),
            conditions(
                "False HPACheckFailed: " + CANNOT_TELL,
                METRICS_READ,
                "False HPACheckFailed: " + CANNOT_TELL,
                WITHIN_RANGE),
            List.of("Warning HPACheckFailed: " + CANNOT_TELL),
            10,
            Reached.ALL),
        missing("TargetNotFound", NOT_FOUND),
        missing(
            "UnknownTargetKind",
            "apps/v1 has no kind Widget (it has ControllerRevision, DaemonSet, Deployment,"
                + " ReplicaSet, StatefulSet); fix spec.scaleTargetRef.kind, spelt as the API"
                + " server spells it"),
        missing(
            "TargetNotScalable",
            "v1 ConfigMap has no /scale subresource, so it cannot be scaled; set"
                + " spec.scaleTargetRef to a Deployment, a StatefulSet or another kind with"
                + " /scale"),
        missing(
            "TargetUnreachable",
            "cannot read /scale of Deployment/api: the informer of apps/v1 Deployment in team is"
                + " not synced"),
        blocked(
            "an older ScaledApi on the same workload: ConflictingScaledApi",
            spec().build(),
            x -> x.create("elder", START.minus(Duration.ofDays(1)), spec().build()),
            "ConflictingScaledApi",
            ELDER_OWNS,
            Reached.SPEC),
        blocked(
            "an invalid spec: InvalidSpec, nothing read",
            spec().replicas(30, 20).build(),
            x -> {},
            "InvalidSpec",
            minAboveMax,
            Reached.SPEC),
        blocked(
            "queries the source refuses: InvalidSpec, nothing read",
            spec().build(),
            x -> x.sources.refuse(List.of(isolated, unallowed)),
            "InvalidSpec",
            isolated + "; " + unallowed,
            Reached.SPEC),
        new Poll(
            "a refused /scale write: FailedRescale",
            spec().build(),
            x -> x.targets.refuseWrites(CONFLICT_409),
            List.of(),
            conditions(READY, METRICS_READ, "False FailedRescale: " + CONFLICT_409, WITHIN_RANGE),
            List.of("Warning FailedRescale: " + CONFLICT_409),
            10,
            Reached.ALL),
        new Poll(
            "the queue query fails at 5 replicas: holds 5",
            spec().build(),
            x -> {
              x.targets.found(5);
              x.sources.answer(
                  QUEUE, new QueryResult.Failure(FailureKind.CONNECTION, 0, null, REFUSED));
            },
            List.of(),
            conditions(
                "False MetricsUnavailable: " + held5,
                "False QueryFailed: " + held5,
                "False MetricsUnavailable: " + held5,
                WITHIN_RANGE),
            List.of("Warning MetricsUnavailable: " + held5),
            5,
            Reached.ALL),
        new Poll(
            "the source cannot be configured: metrics unavailable, holds",
            spec().build(),
            x -> x.sources.failConfiguration(noSecret),
            List.of(),
            conditions(
                "False MetricsUnavailable: " + heldForSecret,
                "False QueryFailed: " + heldForSecret,
                "False MetricsUnavailable: " + heldForSecret,
                WITHIN_RANGE),
            List.of("Warning MetricsUnavailable: " + heldForSecret),
            1,
            Reached.NO_SOURCE),
        new Poll(
            "the queue query returns two series: metrics unavailable, names the field",
            spec().build(),
            x ->
                x.sources.answer(
                    QUEUE,
                    new QueryResult.MultipleSeries(
                        List.of(Map.of("pod", "a"), Map.of("pod", "b")))),
            List.of(),
            conditions(
                "False MetricsUnavailable: " + twoSeries,
                "False QueryFailed: " + twoSeries,
                "False MetricsUnavailable: " + twoSeries,
                WITHIN_RANGE),
            List.of("Warning MetricsUnavailable: " + twoSeries),
            1,
            Reached.ALL),
        new Poll(
            "nothing to scale: no write, no event",
            spec().build(),
            x -> x.sources.value(QUEUE, 5),
            List.of(),
            conditions(
                READY,
                METRICS_READ,
                "True QueueDepth: queue depth 5 at target 10 per replica -> 1 replica",
                WITHIN_RANGE),
            List.of(),
            1,
            Reached.ALL),
        new Poll(
            "within tolerance: no write",
            spec().build(),
            x -> {
              x.targets.found(5);
              x.sources.value(QUEUE, 50);
            },
            List.of(),
            conditions(
                READY,
                METRICS_READ,
                "True WithinTolerance: queue depth 50 within tolerance of 5 x 10",
                WITHIN_RANGE),
            List.of(),
            5,
            Reached.ALL),
        new Poll(
            "above maxReplicas: straight to the bound",
            spec().build(),
            x -> x.targets.found(30),
            List.of(20),
            conditions(
                READY,
                METRICS_READ,
                "True AboveMaxReplicas: 30 -> 20: current 30 replicas above maxReplicas 20 -> 20"
                    + " replicas",
                "True TooManyReplicas: recommended 10, limited to 20"),
            List.of(
                "Normal Rescaled: 30 -> 20: current 30 replicas above maxReplicas 20 -> 20"
                    + " replicas"),
            20,
            Reached.ALL),
        new Poll(
            "a recommendation beyond maxReplicas is cut to it",
            spec().build(),
            x -> x.sources.value(QUEUE, 500),
            List.of(20),
            conditions(
                READY,
                METRICS_READ,
                "True QueueDepth: 1 -> 20: queue depth 500 over target 10 per replica -> 50"
                    + " replicas; limited to 20 by maxReplicas",
                "True TooManyReplicas: recommended 50, limited to 20"),
            List.of(
                "Normal Rescaled: 1 -> 20: queue depth 500 over target 10 per replica -> 50"
                    + " replicas; limited to 20 by maxReplicas"),
            20,
            Reached.ALL));
  }

  /** The target cannot be scaled, for {@code reason}: reported at once, nothing else read. */
  static Poll missing(String reason, String message) {
    return blocked(
        "target " + reason,
        spec().build(),
        x -> x.targets.missing(reason, message),
        reason,
        message,
        Reached.TARGET);
  }

  /** A problem that stops the poll before the signals are read: Ready and ScalingActive False. */
  static Poll blocked(
      String name,
      ScaledApiSpec spec,
      Consumer<ReconcilerHarness> setup,
      String reason,
      String message,
      Reached reached) {
    String condition = "False " + reason + ": " + message;
    Map<String, String> conditions = new LinkedHashMap<>();
    conditions.put(Conditions.READY, condition);
    conditions.put(Conditions.SCALING_ACTIVE, condition);
    return new Poll(
        name,
        spec,
        setup,
        List.of(),
        conditions,
        List.of("Warning " + reason + ": " + message),
        null,
        reached);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("polls")
  void onePoll(Poll c) {
    h.sources.value(QUEUE, 95);
    c.setup().accept(h);
    ScaledApi sapi = h.create("api", START, c.spec());
    int before = h.targets.replicas();

    UpdateControl<ScaledApi> control = h.reconcile(sapi);

    assertThat(h.targets.writes()).as("/scale writes").isEqualTo(c.writes());
    assertThat(h.targets.replicas())
        .as("replicas after the poll")
        .isEqualTo(c.writes().isEmpty() ? before : c.writes().get(c.writes().size() - 1));
    ScaledApiStatus status = sapi.getStatus();
    assertThat(conditions(status)).isEqualTo(c.conditions());
    assertThat(status.conditions())
        .allSatisfy(
            condition -> {
              assertThat(condition.getObservedGeneration()).isEqualTo(1L);
              assertThat(condition.getLastTransitionTime()).isEqualTo("2025-01-01T00:00:00Z");
            });
    assertThat(h.events.recorded()).isEqualTo(c.events());
    assertThat(status.desiredReplicas()).isEqualTo(c.desired());
    assertThat(status.observedGeneration()).isEqualTo(1L);
    boolean scaled = !c.writes().isEmpty();
    assertThat(status.lastScaleTime()).isEqualTo(scaled ? "2025-01-01T00:00:00Z" : null);
    assertThat(status.lastScaleReason())
        .isEqualTo(scaled ? c.events().get(0).substring("Normal Rescaled: ".length()) : null);
    assertThat(h.targets.reads()).as("target reads").isEqualTo(c.reached().targetReads);
    assertThat(h.hpas.checks()).as("HPA checks").isEqualTo(c.reached().hpaChecks);
    assertThat(h.sources.asked())
        .as("queries")
        .isEqualTo(Collections.nCopies(c.reached().queries, QUEUE));
    assertThat(control.isPatchStatus()).isTrue();
    assertThat(control.getScheduleDelay()).as("the next poll, in ms").contains(POLL.toMillis());
  }

  // ---- a problem lasts several polls: one Warning per streak, and scaling resumes after it

  /**
   * A problem injected and cleared; {@code type} and {@code reason} are the condition it sets
   * False.
   */
  record Streak(
      String reason,
      String type,
      Consumer<ReconcilerHarness> inject,
      Consumer<ReconcilerHarness> clear) {
    @Override
    public String toString() {
      return reason;
    }
  }

  static Stream<Streak> streaks() {
    return Stream.of(
        new Streak(
            "ConflictingHPA",
            Conditions.READY,
            x -> x.hpas.conflict("api-hpa"),
            x -> x.hpas.none()),
        new Streak(
            "HPACheckFailed",
            Conditions.READY,
            x -> x.hpas.unknown(CANNOT_LIST),
            x -> x.hpas.none()),
        new Streak(
            "TargetNotFound",
            Conditions.READY,
            x -> x.targets.missing("TargetNotFound", NOT_FOUND),
            x -> x.targets.found(1)),
        new Streak(
            "TargetUnreachable",
            Conditions.READY,
            x -> x.targets.missing("TargetUnreachable", "cannot read /scale of Deployment/api: x"),
            x -> x.targets.found(1)),
        new Streak(
            "ConflictingScaledApi",
            Conditions.READY,
            x -> x.create("elder", START.minus(Duration.ofDays(1)), spec().build()),
            x -> x.delete(x.stored("elder"))),
        new Streak(
            "InvalidSpec",
            Conditions.READY,
            x -> x.edit(x.stored("api"), s -> spec().replicas(30, 20).build()),
            x -> x.edit(x.stored("api"), s -> spec().build())),
        new Streak(
            "FailedRescale",
            Conditions.SCALING_ACTIVE,
            x -> x.targets.refuseWrites(CONFLICT_409),
            x -> x.targets.refuseWrites(null)),
        new Streak(
            "MetricsUnavailable",
            Conditions.READY,
            x ->
                x.sources.answer(
                    QUEUE, new QueryResult.Failure(FailureKind.CONNECTION, 0, null, REFUSED)),
            x -> x.sources.value(QUEUE, 95)),
        new Streak(
            "ReconcileFailed",
            Conditions.READY,
            x -> x.targets.failReadsWith(new IllegalStateException("a bug")),
            x -> x.targets.failReadsWith(null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streaks")
  void aProblemWarnsOncePerStreakAndNeverWrites(Streak streak) {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec().build());
    streak.inject().accept(h);
    for (int poll = 0; poll < 4; poll++) {
      h.reconcile(sapi);
      assertThat(condition(sapi, streak.type())).startsWith("False " + streak.reason() + ": ");
      h.advance(POLL);
    }
    assertThat(warnings()).as("one Warning over four polls").containsExactly(streak.reason());
    assertThat(h.targets.writes()).as("/scale writes").isEmpty();
    assertThat(h.targets.replicas()).isEqualTo(1);

    streak.clear().accept(h);
    h.reconcile(sapi);
    assertThat(h.targets.writes()).as("scaling resumes").containsExactly(10);
    assertThat(condition(sapi, Conditions.READY)).isEqualTo(READY);
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .isEqualTo("True QueueDepth: 1 -> 10: " + WANTS_10);
    assertThat(rescaled()).containsExactly("1 -> 10: " + WANTS_10);

    // the problem again (and the workload back at 1, so that there is something to write): a new
    // streak, a new Warning
    h.advance(POLL);
    h.targets.found(1);
    streak.inject().accept(h);
    h.poll(sapi, 3, POLL);
    assertThat(warnings()).containsExactly(streak.reason(), streak.reason());
    assertThat(h.targets.writes()).containsExactly(10);
  }

  // ---- metrics outages: replicas never go down, one Warning per outage, then the fallback

  /**
   * A Prometheus fault, as the client reports it ({@link PrometheusFaultsIT} makes each one for
   * real), or a reading the rules cannot use.
   */
  record Outage(String name, QueryResult answer, String cause, int fallback) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Outage> outages() {
    String address = "http://prometheus:9090";
    return Stream.of(
        new Outage(
            "stopped",
            new QueryResult.Failure(FailureKind.CONNECTION, 0, null, REFUSED),
            REFUSED,
            7),
        new Outage(
            "slower than the timeout",
            new QueryResult.Failure(
                FailureKind.TIMEOUT,
                0,
                null,
                "no answer from Prometheus at " + address + " within 300ms"),
            "no answer from Prometheus at " + address + " within 300ms",
            7),
        new Outage(
            "HTTP 503",
            new QueryResult.Failure(
                FailureKind.HTTP, 503, null, "Service Unavailable: too many queries"),
            "Prometheus answered HTTP 503: Service Unavailable: too many queries",
            7),
        new Outage(
            "a login page",
            new QueryResult.Failure(FailureKind.BAD_RESPONSE, 200, null, "not JSON: Sign in"),
            "unreadable response from Prometheus: not JSON: Sign in",
            7),
        new Outage(
            "JSON that is no Prometheus answer",
            new QueryResult.Failure(
                FailureKind.BAD_RESPONSE,
                200,
                null,
                "not a Prometheus API response: {\"hello\":\"world\"}"),
            "unreadable response from Prometheus: not a Prometheus API response:"
                + " {\"hello\":\"world\"}",
            7),
        new Outage(
            "NaN",
            new QueryResult.NotFinite(Double.NaN, START),
            "query returned NaN; it must return a finite number",
            7),
        new Outage(
            "no series, with a fallback below the current count",
            new QueryResult.Empty(),
            "query returned no series; check the metric name and labels (no data is not read as"
                + " 0)",
            2),
        new Outage(
            "a negative depth",
            new QueryResult.Value(-3, START),
            "depth -3 is negative; a queue is never shorter than empty",
            7),
        new Outage(
            "a depth beyond any replica count",
            new QueryResult.Value(3e10, START),
            "depth 30000000000 over target 10 per replica needs more replicas than can be counted",
            7));
  }

  /**
   * As {@link FaultScenario#outage}: at 5 replicas for a queue of 50, the queue fails where a
   * reading taken as 0 would scale down. Replicas never go down; MetricsAvailable is False with the
   * cause; one Warning; after 3 failed polls the fallback (never below the current count); once the
   * queue reads 0, MetricsRecovered and scaling on the queue resumes, down to 1.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("outages")
  void anOutageNeverLowersReplicasAndFallsBackAfterTheThreshold(Outage outage) {
    ScaledApi sapi = outageScenario(outage.fallback());
    int held = Math.max(5, outage.fallback());
    String holding = "metrics unavailable (queue: " + outage.cause() + "); holding 5 replicas";

    h.sources.answer(QUEUE, outage.answer());
    for (int failed = 1; failed <= 2; failed++) {
      h.advance(POLL);
      h.reconcile(sapi);
      assertThat(h.targets.replicas()).as("replicas after %d failed polls", failed).isEqualTo(5);
      assertThat(sapi.getStatus().consecutiveMetricFailures()).isEqualTo(failed);
      assertThat(condition(sapi, Conditions.METRICS_AVAILABLE))
          .isEqualTo("False QueryFailed: " + holding);
      assertThat(condition(sapi, Conditions.READY))
          .isEqualTo("False MetricsUnavailable: " + holding);
      assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
          .isEqualTo("False MetricsUnavailable: " + holding);
    }
    h.advance(POLL);
    h.reconcile(sapi);
    String fallback =
        "3 consecutive metric failures (queue: "
            + outage.cause()
            + "); "
            + (outage.fallback() >= 5
                ? "fallback to " + held + " replicas"
                : "fallback " + outage.fallback() + " is below current, holding 5 replicas");
    assertThat(h.targets.replicas()).isEqualTo(held);
    assertThat(sapi.getStatus().consecutiveMetricFailures()).isEqualTo(3);
    assertThat(condition(sapi, Conditions.METRICS_AVAILABLE))
        .isEqualTo("False Fallback: " + fallback);
    assertThat(condition(sapi, Conditions.READY))
        .isEqualTo("False MetricsUnavailable: " + fallback);
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .isEqualTo("True Fallback: " + (held > 5 ? "5 -> " + held + ": " : "") + fallback);

    // one more failed poll: still one Warning, the replicas where the fallback put them
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).isEqualTo(held);
    assertThat(h.targets.writes()).isEqualTo(held > 5 ? List.of(held) : List.of());
    assertThat(h.events.warnings()).containsExactly("Warning MetricsUnavailable: " + holding);

    h.sources.value(QUEUE, 0);
    h.advance(POLL);
    h.reconcile(sapi);
    ScaledApiStatus s = sapi.getStatus();
    assertThat(condition(sapi, Conditions.METRICS_AVAILABLE)).isEqualTo(METRICS_READ);
    assertThat(condition(sapi, Conditions.READY)).isEqualTo(READY);
    assertThat(s.consecutiveMetricFailures()).isZero();
    assertThat(h.targets.replicas()).isEqualTo(1);
    assertThat(s.lastScaleReason())
        .isEqualTo(
            held
                + " -> 1: queue depth 0 under target 10 per replica -> 0 replicas; limited to 1 by"
                + " minReplicas");
    assertThat(h.events.recorded())
        .filteredOn(e -> e.startsWith("Normal MetricsRecovered"))
        .containsExactly("Normal MetricsRecovered: all signals read again");
    assertThat(h.events.warnings()).hasSize(1);
  }

  /** Two outages of different kinds, with a recovery between: a Warning for each. */
  @Test
  void eachOutageWarnsOnce() {
    ScaledApi sapi = outageScenario(7);
    h.advance(POLL);
    h.sources.answer(QUEUE, new QueryResult.Failure(FailureKind.BAD_RESPONSE, 200, null, "x"));
    h.poll(sapi, 2, POLL);
    h.sources.value(QUEUE, 50);
    h.poll(sapi, 1, POLL);
    h.sources.answer(QUEUE, new QueryResult.Empty());
    h.poll(sapi, 2, POLL);
    h.sources.value(QUEUE, 50);
    h.reconcile(sapi);

    assertThat(h.events.brief())
        .containsExactly(
            "api Warning MetricsUnavailable",
            "api Normal MetricsRecovered",
            "api Warning MetricsUnavailable",
            "api Normal MetricsRecovered");
    assertThat(h.targets.attempts()).as("never a write: no outage reached the fallback").isEmpty();
  }

  /**
   * The fallback of {@code spec.fallback} at 5 replicas with the queue failing: after {@code
   * failureThreshold} failed polls it sets what its behaviour says. By default it never lowers:
   * with replicas it raises to them, without it holds; static and currentReplicasIfLower lower.
   */
  /** Fast scale-up, and no scale-down window to hold a fallback that lowers. */
  static final BehaviorSpec NO_SCALE_DOWN_WINDOW =
      new BehaviorSpec(TestScaledApis.fastScaleUp().scaleUp(), new ScalingRulesSpec(0, null, null));

  record Fallback(
      int threshold,
      Integer replicas,
      FallbackBehavior behavior,
      int after,
      String reason,
      String message) {
    @Override
    public String toString() {
      return "threshold " + threshold + ", replicas " + replicas + ", behavior " + behavior;
    }
  }

  static Stream<Fallback> fallbacks() {
    String cause = "(queue: " + REFUSED + "); ";
    String three = "3 consecutive metric failures " + cause;
    return Stream.of(
        new Fallback(3, 7, null, 7, "Fallback", three + "fallback to 7 replicas"),
        new Fallback(
            1,
            9,
            null,
            9,
            "Fallback",
            "1 consecutive metric failure " + cause + "fallback to 9 replicas"),
        new Fallback(3, 5, null, 5, "Fallback", three + "fallback to 5 replicas"),
        new Fallback(
            3, 2, null, 5, "Fallback", three + "fallback 2 is below current, holding 5 replicas"),
        new Fallback(
            3, null, null, 5, "Fallback", three + "fallback currentReplicas, holding 5 replicas"),
        new Fallback(
            3,
            9,
            FallbackBehavior.CURRENT_REPLICAS,
            5,
            "Fallback",
            three + "fallback currentReplicas, holding 5 replicas"),
        new Fallback(
            3, 9, FallbackBehavior.STATIC, 9, "Fallback", three + "fallback to 9 replicas"),
        new Fallback(
            3,
            2,
            FallbackBehavior.STATIC,
            2,
            "Fallback",
            three + "fallback static lowers to 2 replicas"),
        new Fallback(
            3,
            2,
            FallbackBehavior.CURRENT_REPLICAS_IF_LOWER,
            2,
            "Fallback",
            three + "fallback currentReplicasIfLower lowers to 2 replicas"),
        new Fallback(
            3,
            9,
            FallbackBehavior.CURRENT_REPLICAS_IF_LOWER,
            5,
            "Fallback",
            three + "fallback 9 is above current, holding 5 replicas"),
        new Fallback(
            3,
            9,
            FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER,
            9,
            "Fallback",
            three + "fallback to 9 replicas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fallbacks")
  void fallbackSetsWhatItsBehaviourSaysAfterTheThreshold(Fallback f) {
    h.targets.found(5);
    h.sources.answer(QUEUE, new QueryResult.Failure(FailureKind.CONNECTION, 0, null, REFUSED));
    ScaledApi sapi =
        h.create(
            "api",
            START,
            spec()
                .fallback(f.threshold(), f.replicas(), f.behavior())
                .behavior(NO_SCALE_DOWN_WINDOW)
                .build());

    for (int poll = 1; poll < f.threshold(); poll++) {
      h.reconcile(sapi);
      h.advance(POLL);
      assertThat(h.targets.replicas()).isEqualTo(5);
      assertThat(condition(sapi, Conditions.METRICS_AVAILABLE)).startsWith("False QueryFailed: ");
    }
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).isEqualTo(f.after());
    assertThat(sapi.getStatus().desiredReplicas()).isEqualTo(f.after());
    assertThat(sapi.getStatus().consecutiveMetricFailures()).isEqualTo(f.threshold());
    assertThat(condition(sapi, Conditions.METRICS_AVAILABLE))
        .isEqualTo("False " + f.reason() + ": " + f.message());
    h.advance(POLL);
    h.poll(sapi, 3, POLL);
    assertThat(h.targets.writes())
        .as("/scale writes over the outage")
        .isEqualTo(f.after() != 5 ? List.of(f.after()) : List.of());
    assertThat(rescaled())
        .isEqualTo(f.after() != 5 ? List.of("5 -> " + f.after() + ": " + f.message()) : List.of());
    assertThat(warnings()).containsExactly("MetricsUnavailable");
  }

  /** A restart in an outage: the failure count goes on from status, and no second Warning. */
  @Test
  void restartInAnOutageKeepsCountingFailuresFromStatus() {
    h.targets.found(5);
    h.sources.answer(QUEUE, new QueryResult.Failure(FailureKind.CONNECTION, 0, null, REFUSED));
    ScaledApi sapi = h.create("api", START, spec().fallback(3, 7).build());
    h.poll(sapi, 2, POLL);
    assertThat(h.targets.replicas()).isEqualTo(5);

    h.restart();
    h.reconcile(sapi);

    assertThat(sapi.getStatus().consecutiveMetricFailures()).isEqualTo(3);
    assertThat(h.targets.writes()).as("the fallback on the third failed poll").containsExactly(7);
    assertThat(warnings())
        .as("the outage goes on: no second Warning")
        .containsExactly("MetricsUnavailable");
  }

  /**
   * A poll stopped by another problem (here the target, gone for one poll) in the middle of a
   * metrics outage: the outage still has one Warning, and its end a MetricsRecovered event.
   *
   * <p>Fails today: a blocked poll reports Ready and ScalingActive only, so MetricsAvailable leaves
   * the status, and the next poll that reads the still failing queue takes the outage for a new one
   * and warns again (as an outage that ends while blocked gets no MetricsRecovered).
   */
  @Test
  void aBlockedPollInAnOutageDoesNotRepeatItsWarning() {
    h.sources.answer(QUEUE, new QueryResult.Failure(FailureKind.CONNECTION, 0, null, REFUSED));
    ScaledApi sapi = h.create("api", START, spec().build());
    h.poll(sapi, 1, POLL);
    h.targets.missing("TargetNotFound", NOT_FOUND);
    h.poll(sapi, 1, POLL);
    h.targets.found(1);
    h.poll(sapi, 1, POLL);
    h.sources.value(QUEUE, 95);
    h.poll(sapi, 1, POLL);

    assertThat(h.events.brief())
        .containsExactly(
            "api Warning MetricsUnavailable",
            "api Warning TargetNotFound",
            "api Normal MetricsRecovered",
            "api Normal Rescaled");
  }

  // ---- pacing and status writes

  /** Polling intervals, and the delay the reconcile asks for, in ms. */
  static Stream<Arguments> intervals() {
    return Stream.of(
        Arguments.of("1s", 1_000L),
        Arguments.of("10s", 10_000L),
        Arguments.of(null, 15_000L),
        Arguments.of("2m30s", 150_000L),
        Arguments.of("1h", 3_600_000L));
  }

  /**
   * Every poll asks to be reconciled again after the polling interval, whether it scaled, held or
   * changed nothing; a reconcile between polls (an edit) only waits for the rest of it.
   */
  @ParameterizedTest(name = "pollingInterval {0}")
  @MethodSource("intervals")
  void theNextPollIsOnePollingIntervalLater(String polling, long millis) {
    Duration interval = Duration.ofMillis(millis);
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec().polling(polling).build());

    UpdateControl<ScaledApi> scaled = h.reconcile(sapi);
    assertThat(scaled.isPatchStatus()).isTrue();
    assertThat(scaled.getScheduleDelay()).contains(millis);

    h.advance(interval.dividedBy(4));
    h.edit(sapi, s -> spec().polling(polling).replicas(1, 5).build());
    UpdateControl<ScaledApi> early = h.reconcile(sapi);
    assertThat(early.isNoUpdate()).isTrue();
    assertThat(early.getScheduleDelay()).contains(millis - millis / 4);
    assertThat(h.targets.reads()).as("an early reconcile reads nothing").isEqualTo(1);

    h.advance(interval.minus(interval.dividedBy(4)));
    UpdateControl<ScaledApi> edited = h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10, 5);
    assertThat(edited.getScheduleDelay()).contains(millis);

    h.hpas.conflict("api-hpa");
    h.advance(interval);
    UpdateControl<ScaledApi> held = h.reconcile(sapi);
    assertThat(condition(sapi, Conditions.READY)).startsWith("False ConflictingHPA");
    assertThat(held.getScheduleDelay()).contains(millis);

    h.advance(interval);
    UpdateControl<ScaledApi> same = h.reconcile(sapi);
    assertThat(same.isNoUpdate()).isTrue();
    assertThat(same.getScheduleDelay()).contains(millis);
  }

  /** An invalid interval is clamped to its bounds, and the spec reported invalid at that pace. */
  @ParameterizedTest(name = "pollingInterval {0}")
  @MethodSource("invalidIntervals")
  void anInvalidSpecIsCheckedAgainAtItsClampedInterval(String polling, long millis) {
    ScaledApi sapi = h.create("api", START, spec().polling(polling).build());
    UpdateControl<ScaledApi> control = h.reconcile(sapi);
    assertThat(condition(sapi, Conditions.READY))
        .isEqualTo(
            "False InvalidSpec: spec.pollingInterval must be between 1s and 1h, e.g. 15s; got "
                + polling);
    assertThat(control.getScheduleDelay()).contains(millis);
  }

  static Stream<Arguments> invalidIntervals() {
    return Stream.of(Arguments.of("500ms", 1_000L), Arguments.of("2h", 3_600_000L));
  }

  /**
   * Status is patched only when it changes: a poll that reads what the last one read patches
   * nothing, and a change of the target does.
   */
  @Test
  void statusIsPatchedOnlyWhenItChanges() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec().build());

    assertThat(h.reconcile(sapi).isPatchStatus()).as("first poll: scaled to 10").isTrue();
    h.advance(POLL);
    assertThat(h.reconcile(sapi).isPatchStatus()).as("second: at 10, within tolerance").isTrue();
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .isEqualTo("True WithinTolerance: queue depth 95 within tolerance of 10 x 10");
    ScaledApiStatus settled = sapi.getStatus();
    h.advance(POLL);
    UpdateControl<ScaledApi> third = h.reconcile(sapi);
    assertThat(third.isNoUpdate()).as("third: the same as the second").isTrue();
    assertThat(third.getScheduleDelay()).contains(POLL.toMillis());
    assertThat(sapi.getStatus()).isSameAs(settled);
    assertThat(h.patches()).isEqualTo(2);

    h.targets.found(12); // someone else scaled it
    h.advance(POLL);
    assertThat(h.reconcile(sapi).isPatchStatus()).isTrue();
    assertThat(sapi.getStatus().currentReplicas()).isEqualTo(12);
    assertThat(h.patches()).isEqualTo(3);
  }

  /**
   * A poll that reads the same values as the last one writes no status: only sample times moved.
   */
  @Test
  void steadyPollPatchesNoStatus() {
    h.sources.value(QUEUE, 45);
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.reconcile(sapi);
    h.advance(POLL);
    h.reconcile(sapi);
    String sampled = sapi.getStatus().signals().queueDepth().time();

    h.advance(POLL);
    UpdateControl<ScaledApi> steady = h.reconcile(sapi);

    assertThat(steady.isNoUpdate()).as("no status patch").isTrue();
    assertThat(steady.getScheduleDelay()).contains(POLL.toMillis());
    assertThat(sapi.getStatus().signals().queueDepth().time()).isEqualTo(sampled);
    assertThat(sampled).isEqualTo(START.plus(POLL).toString());
  }

  /**
   * Edits between two polls are applied by the next poll: however many there are, {@code /scale} is
   * written at most once per polling interval.
   */
  @Test
  void burstOfEditsWritesScaleAtMostOncePerPollingInterval() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10);

    // three edits in three seconds, each reconciled at once as the framework does
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(1, 4, 10));
    h.reconcile(sapi);
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(6, 8, 10));
    h.reconcile(sapi);
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(6, 20, 5));
    UpdateControl<ScaledApi> early = h.reconcile(sapi);

    assertThat(h.targets.writes())
        .as("/scale writes within one polling interval")
        .containsExactly(10);
    assertThat(early.isNoUpdate()).isTrue();
    assertThat(early.getScheduleDelay()).as("the next poll, in ms").contains(7_000L);
    assertThat(sapi.getStatus().observedGeneration()).as("edits not yet applied").isEqualTo(1);

    // the next poll applies the last spec: 95 / 5 -> 19
    h.advance(Duration.ofSeconds(7));
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10, 19);
    assertThat(sapi.getStatus().observedGeneration()).isEqualTo(4);
  }

  /** An invalid spec writes nothing, so an edit that breaks the spec is reported at once. */
  @Test
  void editThatBreaksTheSpecIsReportedAtOnce() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.reconcile(sapi);

    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(1, 0, 10));
    UpdateControl<ScaledApi> control = h.reconcile(sapi);

    Condition ready = Cluster.condition(sapi.getStatus(), Conditions.READY);
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage()).isEqualTo("spec.maxReplicas must be at least 1");
    assertThat(ready.getObservedGeneration()).isEqualTo(2);
    assertThat(control.getScheduleDelay()).as("no pacing: the full interval").contains(10_000L);
    assertThat(h.targets.writes()).containsExactly(10);
    assertThat(h.targets.reads()).as("the invalid spec reads no target").isEqualTo(1);
    assertThat(h.sources.asked()).as("nor any query").hasSize(1);
    assertThat(h.events.brief()).containsExactly("api Normal Rescaled", "api Warning InvalidSpec");
  }

  /** A ScaledApi created with an invalid spec has not polled yet: its fix polls at once. */
  @Test
  void fixOfASpecThatNeverPolledIsAppliedAtOnce() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec(1, 0, 10));
    h.reconcile(sapi);
    assertThat(Cluster.condition(sapi.getStatus(), Conditions.READY).getReason())
        .isEqualTo("InvalidSpec");

    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> spec(1, 20, 10));
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10);
    assertThat(condition(sapi, Conditions.READY)).isEqualTo(READY);
  }

  // ---- a ScaledApi's life: other ScaledApis, edits, restarts, faults of the API server, deletion

  /**
   * The HPA check cannot tell: the ScaledApi reports what it would do, holds the replicas, and
   * warns once for the outage; once the check can tell again, it scales.
   */
  @Test
  void hpaCheckThatCannotTellHoldsTheReplicasWithOneWarning() {
    h.sources.value(QUEUE, 95);
    h.hpas.unknown(CANNOT_LIST);
    ScaledApi sapi = h.create("api", START, spec(1, 20, 10));
    h.poll(sapi, 3, POLL);

    assertThat(h.targets.writes()).as("/scale writes").isEmpty();
    assertThat(condition(sapi, Conditions.READY)).isEqualTo("False HPACheckFailed: " + CANNOT_TELL);
    assertThat(Cluster.condition(sapi.getStatus(), Conditions.SCALING_ACTIVE).getReason())
        .isEqualTo("HPACheckFailed");
    assertThat(sapi.getStatus().desiredReplicas()).as("what it would do").isEqualTo(10);
    assertThat(h.events.brief()).containsExactly("api Warning HPACheckFailed");

    h.hpas.none();
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10);
    assertThat(condition(sapi, Conditions.READY)).isEqualTo(READY);
  }

  /**
   * Two ScaledApis on one workload: the older writes, the younger holds with one Warning naming it,
   * and takes over on its first poll after the older is deleted.
   */
  @Test
  void youngerScaledApiOnTheSameWorkloadHoldsUntilTheOlderIsGone() {
    h.sources.value(QUEUE, 95);
    ScaledApi first = h.create("api", START, spec(1, 20, 10));
    ScaledApi second = h.create("greedy", START.plusSeconds(1), spec(1, 20, 5));
    for (int poll = 0; poll < 3; poll++) {
      h.reconcile(second);
      h.reconcile(first);
      h.advance(POLL);
    }

    assertThat(h.targets.writes()).containsExactly(10);
    Condition ready = Cluster.condition(second.getStatus(), Conditions.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ConflictingScaledApi");
    assertThat(ready.getMessage()).startsWith("ScaledApi api already scales Deployment/api");
    assertThat(condition(first, Conditions.READY)).isEqualTo(READY);
    assertThat(h.events.brief())
        .containsExactly("greedy Warning ConflictingScaledApi", "api Normal Rescaled");

    h.delete(first);
    h.reconcile(second);
    assertThat(h.targets.writes()).containsExactly(10, 19);
    assertThat(condition(second, Conditions.READY)).isEqualTo(READY);
  }

  /** A ScaledApi in DryRun writes nothing: it neither owns the workload nor is held. */
  @Test
  void dryRunScaledApiReportsBesideTheOwner() {
    h.sources.value(QUEUE, 95);
    ScaledApi dryRun = h.create("trial", START, spec(1, 20, 5, Mode.DRY_RUN));
    ScaledApi owner = h.create("api", START.plusSeconds(1), spec(1, 20, 10));
    h.reconcile(dryRun);
    h.reconcile(owner);

    assertThat(h.targets.writes()).containsExactly(10);
    assertThat(condition(dryRun, Conditions.SCALING_ACTIVE))
        .isEqualTo(
            "True DryRun: would scale 1 -> 19: queue depth 95 over target 5 per replica -> 19"
                + " replicas");
    assertThat(condition(dryRun, Conditions.READY)).isEqualTo(READY);
  }

  /**
   * A paused direction holds replicas, says so in ScalingLimited and in status.mode, and leaves the
   * other direction working; unpausing lets the held move through.
   */
  @Test
  void aPausedDirectionHoldsAndShowsInStatus() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi =
        h.create("api", START, spec().behavior(NO_SCALE_DOWN_WINDOW).pausedScaleDown().build());
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).as("scale-up is not paused").isEqualTo(10);
    assertThat(sapi.getStatus().mode()).isEqualTo("ScaleDownPaused");

    h.sources.value(QUEUE, 5);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).isEqualTo(10);
    assertThat(condition(sapi, Conditions.SCALING_LIMITED))
        .isEqualTo("True ScaleDownPaused: recommended 1, limited to 10");
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .endsWith("-> 1 replica; held at 10 by spec.pausedScaleDown");

    sapi.setSpec(sapi.getSpec().withPausedDirections(null, false));
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).isEqualTo(1);
    assertThat(sapi.getStatus().mode()).isEqualTo("Enforce");
  }

  /** DryRun reports a DryRunRescale event when the count it would write changes, not every poll. */
  @Test
  void dryRunRecordsAnEventOnlyWhenTheDesiredCountChanges() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec().mode(Mode.DRY_RUN).build());
    h.poll(sapi, 3, POLL);
    h.sources.value(QUEUE, 150);
    h.poll(sapi, 2, POLL);
    h.sources.value(QUEUE, 5);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .isEqualTo("True QueueDepth: queue depth 5 at target 10 per replica -> 1 replica");
    h.sources.value(QUEUE, 95);
    h.advance(POLL);
    h.reconcile(sapi);

    assertThat(h.events.recorded())
        .containsExactly(
            "Normal DryRunRescale: would scale 1 -> 10: " + WANTS_10,
            "Normal DryRunRescale: would scale 1 -> 15: queue depth 150 over target 10 per"
                + " replica -> 15 replicas",
            "Normal DryRunRescale: would scale 1 -> 10: " + WANTS_10);
    assertThat(h.targets.attempts()).isEmpty();
  }

  /**
   * Each write is a Rescaled event and sets lastScaleTime (whole seconds) and lastScaleReason;
   * polls that do not write keep them.
   */
  @Test
  void eachWriteIsReportedWithItsTimeAndReason() {
    h.sources.value(QUEUE, 95);
    ScaledApi sapi = h.create("api", START, spec().build());
    h.reconcile(sapi);
    assertThat(sapi.getStatus().lastScaleTime()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(sapi.getStatus().lastScaleReason()).isEqualTo("1 -> 10: " + WANTS_10);

    h.sources.value(QUEUE, 150);
    h.advance(Duration.ofMillis(10_700));
    h.reconcile(sapi);
    String up = "10 -> 15: queue depth 150 over target 10 per replica -> 15 replicas";
    assertThat(sapi.getStatus().lastScaleTime()).isEqualTo("2025-01-01T00:00:10Z");
    assertThat(sapi.getStatus().lastScaleReason()).isEqualTo(up);

    h.advance(POLL);
    h.poll(sapi, 3, POLL);
    assertThat(sapi.getStatus().lastScaleTime()).isEqualTo("2025-01-01T00:00:10Z");
    assertThat(sapi.getStatus().lastScaleReason()).isEqualTo(up);
    assertThat(rescaled()).containsExactly("1 -> 10: " + WANTS_10, up);
    assertThat(h.targets.writes()).containsExactly(10, 15);
  }

  /**
   * As {@link ApiFaultsIT}: each edit is applied by the next poll, never sooner; maxReplicas below
   * the current count goes straight to the bound, a higher minReplicas raises, another query or
   * target per replica is a new decision.
   */
  @Test
  void editsTakeEffectAtTheNextPoll() {
    h.sources.value(QUEUE, 95);
    h.sources.value("sum(backlog)", 75);
    ScaledApi sapi = h.create("api", START, spec().build());
    h.reconcile(sapi);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10);

    editAndPoll(sapi, spec().replicas(1, 4).build());
    assertThat(h.targets.replicas()).isEqualTo(4);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(condition(sapi, Conditions.SCALING_LIMITED))
        .isEqualTo("True TooManyReplicas: recommended 10, limited to 4");

    h.sources.value(QUEUE, 0);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).as("held by the scale-down window").isEqualTo(4);
    assertThat(condition(sapi, Conditions.SCALING_LIMITED))
        .isEqualTo("True ScaleDownStabilized: recommended 0, limited to 4");
    editAndPoll(sapi, spec().replicas(6, 8).build());
    assertThat(h.targets.replicas()).isEqualTo(6);

    editAndPoll(sapi, spec().replicas(6, 8).queue("sum(backlog)", 10).build());
    assertThat(h.targets.replicas()).isEqualTo(8);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(condition(sapi, Conditions.SCALING_LIMITED)).isEqualTo(WITHIN_RANGE);

    editAndPoll(sapi, spec().replicas(6, 20).queue("sum(backlog)", 5).build());
    assertThat(h.targets.writes()).containsExactly(10, 4, 6, 8, 15);
    assertThat(sapi.getStatus().observedGeneration()).isEqualTo(5);
    assertThat(sapi.getStatus().conditions())
        .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(5));
  }

  /** An edit 1 s after a poll: nothing until the next poll, which applies it. */
  private void editAndPoll(ScaledApi sapi, ScaledApiSpec edited) {
    int writes = h.targets.writes().size();
    h.advance(Duration.ofSeconds(1));
    h.edit(sapi, s -> edited);
    UpdateControl<ScaledApi> early = h.reconcile(sapi);
    assertThat(early.isNoUpdate()).isTrue();
    assertThat(early.getScheduleDelay()).contains(9_000L);
    assertThat(h.targets.writes()).hasSize(writes);
    h.advance(Duration.ofSeconds(9));
    h.reconcile(sapi);
    assertThat(sapi.getStatus().observedGeneration()).isEqualTo(sapi.getMetadata().getGeneration());
  }

  /**
   * As {@link ApiFaultsIT}: a new operator remembers no recommendation, and still does not scale
   * down within the scale-down window after its start.
   */
  @Test
  void restartedOperatorKeepsTheScaleDownWindow() {
    h.sources.value(QUEUE, 95);
    BehaviorSpec window =
        new BehaviorSpec(
            TestScaledApis.fastScaleUp().scaleUp(), new ScalingRulesSpec(120, null, null));
    ScaledApi sapi = h.create("api", START, spec().behavior(window).build());
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10);

    h.sources.value(QUEUE, 0);
    h.advance(Duration.ofSeconds(30));
    h.restart();
    Instant restart = h.clock.instant();
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).isEqualTo(10);
    assertThat(sapi.getStatus().desiredReplicas()).isEqualTo(10);
    assertThat(condition(sapi, Conditions.SCALING_LIMITED))
        .isEqualTo("True ScaleDownStabilized: recommended 0, limited to 10");

    // polls 10 s apart: the last within the window, the first after it
    h.at(restart.plusSeconds(111));
    h.reconcile(sapi);
    assertThat(h.targets.replicas()).isEqualTo(10);
    assertThat(sapi.getStatus().desiredReplicas()).isEqualTo(10);

    h.at(restart.plusSeconds(121));
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(10, 1);
    assertThat(rescaled()).hasSize(2);
  }

  /**
   * As {@link ApiFaultsIT}: every write refused (one Warning for the streak, a restart adds none);
   * a new operator whose writes go through writes the decision once.
   */
  @Test
  void restartBetweenDecisionAndWriteWritesOnce() {
    h.sources.value(QUEUE, 95);
    h.targets.refuseWrites(CONFLICT_409);
    ScaledApi sapi = h.create("api", START, spec().build());
    h.poll(sapi, 3, POLL);
    assertThat(h.targets.attempts()).hasSize(3);
    assertThat(sapi.getStatus().desiredReplicas()).isEqualTo(10);
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .isEqualTo("False FailedRescale: " + CONFLICT_409);

    h.restart();
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(warnings())
        .as("one Warning per streak, across a restart")
        .containsExactly("FailedRescale");

    h.targets.refuseWrites(null);
    h.restart();
    h.advance(POLL);
    h.poll(sapi, 4, POLL);
    assertThat(h.targets.writes()).containsExactly(10);
    assertThat(rescaled()).containsExactly("1 -> 10: " + WANTS_10);
    assertThat(warnings()).containsExactly("FailedRescale");
    assertThat(condition(sapi, Conditions.SCALING_ACTIVE))
        .isEqualTo("True WithinTolerance: queue depth 95 within tolerance of 10 x 10");
  }

  /**
   * A status patch refused after a write (a conflict): the framework retries soon, which waits for
   * the next poll; that poll reports the write, and does not write again.
   */
  @Test
  void aWriteWhoseStatusPatchWasRefusedIsReportedByTheNextPoll() {
    h.sources.value(QUEUE, 0);
    ScaledApi sapi = h.create("api", START, spec().build());
    h.reconcile(sapi);

    h.sources.value(QUEUE, 45);
    h.refuseNextStatusPatch();
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(5);
    assertThat(sapi.getStatus().lastScaleReason()).as("the patch was refused").isNull();

    h.advance(Duration.ofSeconds(2));
    UpdateControl<ScaledApi> retry = h.reconcile(sapi);
    assertThat(retry.isNoUpdate()).isTrue();
    assertThat(retry.getScheduleDelay()).contains(8_000L);

    h.advance(Duration.ofSeconds(8));
    h.reconcile(sapi);
    String up = "1 -> 5: queue depth 45 over target 10 per replica -> 5 replicas";
    assertThat(sapi.getStatus().lastScaleReason()).isEqualTo(up);
    assertThat(sapi.getStatus().lastScaleTime()).isEqualTo("2025-01-01T00:00:10Z");
    assertThat(h.targets.writes()).containsExactly(5);
    assertThat(rescaled()).containsExactly(up);
  }

  /**
   * As {@link ApiFaultsIT}: the target deleted (one Warning, however many polls) and created again
   * at one replica is scaled again.
   */
  @Test
  void targetDeletedAndRecreatedIsScaledAgainWithOneWarning() {
    h.sources.value(QUEUE, 45);
    ScaledApi sapi = h.create("api", START, spec().build());
    h.reconcile(sapi);

    h.targets.missing("TargetNotFound", NOT_FOUND);
    h.advance(POLL);
    h.poll(sapi, 4, POLL);
    assertThat(condition(sapi, Conditions.READY)).isEqualTo("False TargetNotFound: " + NOT_FOUND);

    h.targets.found(1);
    h.advance(POLL);
    h.reconcile(sapi);
    h.advance(POLL);
    h.reconcile(sapi);
    assertThat(h.targets.writes()).containsExactly(5, 5);
    assertThat(warnings()).containsExactly("TargetNotFound");
    String up = "1 -> 5: queue depth 45 over target 10 per replica -> 5 replicas";
    assertThat(rescaled()).containsExactly(up, up);
    assertThat(condition(sapi, Conditions.READY)).isEqualTo(READY);
  }

  /**
   * The reconcile of a deletion forgets the ScaledApi (its desired-replicas gauge too) and leaves
   * its target alone; one created again, even with the same uid, starts afresh and polls at once.
   */
  @Test
  void deletionForgetsTheScaledApi() {
    h.sources.value(QUEUE, 45);
    ScaledApi sapi = h.create("api", START, spec().build());
    h.reconcile(sapi);
    assertThat(h.desiredGauge("api")).isEqualTo(5.0);
    h.advance(Duration.ofSeconds(1));
    assertThat(h.reconcile(sapi).getScheduleDelay()).as("paced").contains(9_000L);

    UpdateControl<ScaledApi> deleted = h.delete(sapi);
    assertThat(deleted.isNoUpdate()).isTrue();
    assertThat(deleted.getScheduleDelay()).as("nothing more to poll").isEmpty();
    assertThat(h.desiredGauge("api")).isNull();
    assertThat(h.targets.writes()).as("the target keeps its replicas").containsExactly(5);
    assertThat(h.events.brief()).containsExactly("api Normal Rescaled");

    ScaledApi again = h.create("api", spec().build());
    assertThat(again.getMetadata().getUid()).isEqualTo(sapi.getMetadata().getUid());
    int reads = h.targets.reads();
    UpdateControl<ScaledApi> first = h.reconcile(again);
    assertThat(first.isPatchStatus()).as("polls at once").isTrue();
    assertThat(h.targets.reads()).isEqualTo(reads + 1);
    assertThat(h.desiredGauge("api")).isEqualTo(5.0);
    assertThat(h.targets.writes()).containsExactly(5);
  }

  // ---- helpers

  /** The condition of that type, as {@code Status Reason: message}. */
  static String condition(ScaledApi sapi, String type) {
    Condition c = Cluster.condition(sapi.getStatus(), type);
    return c.getStatus() + " " + c.getReason() + ": " + c.getMessage();
  }

  /** Every condition of {@code status}, by type, as {@code Status Reason: message}. */
  static Map<String, String> conditions(ScaledApiStatus status) {
    Map<String, String> all = new LinkedHashMap<>();
    for (Condition c : status.conditions()) {
      all.put(c.getType(), c.getStatus() + " " + c.getReason() + ": " + c.getMessage());
    }
    return all;
  }

  /** Ready, MetricsAvailable, ScalingActive and ScalingLimited, in the order status lists them. */
  static Map<String, String> conditions(
      String ready, String metrics, String active, String limited) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(Conditions.READY, ready);
    all.put(Conditions.METRICS_AVAILABLE, metrics);
    all.put(Conditions.SCALING_ACTIVE, active);
    all.put(Conditions.SCALING_LIMITED, limited);
    return all;
  }

  /** The reasons of the Warning events so far. */
  List<String> warnings() {
    return h.events.warnings().stream()
        .map(w -> w.substring("Warning ".length(), w.indexOf(':')))
        .toList();
  }

  /** The messages of the Rescaled events so far. */
  List<String> rescaled() {
    return h.events.recorded().stream()
        .filter(e -> e.startsWith("Normal Rescaled: "))
        .map(e -> e.substring("Normal Rescaled: ".length()))
        .toList();
  }

  /** As {@link FaultScenario}: 5 replicas for a queue of 50, a 1 s scale-down window. */
  private ScaledApi outageScenario(int fallback) {
    h.targets.found(5);
    h.sources.value(QUEUE, 50);
    BehaviorSpec behavior =
        new BehaviorSpec(
            TestScaledApis.fastScaleUp().scaleUp(), new ScalingRulesSpec(1, null, null));
    ScaledApi sapi =
        h.create("api", START, spec().behavior(behavior).fallback(3, fallback).build());
    h.reconcile(sapi);
    assertThat(sapi.getStatus().signals().queueDepth().value()).isEqualTo(50.0);
    assertThat(condition(sapi, Conditions.METRICS_AVAILABLE)).isEqualTo(METRICS_READ);
    assertThat(h.targets.replicas()).isEqualTo(5);
    return sapi;
  }

  static ScaledApiSpec spec(int min, int max, double perReplica) {
    return spec(min, max, perReplica, Mode.ENFORCE);
  }

  static ScaledApiSpec spec(int min, int max, double perReplica, Mode mode) {
    return spec().replicas(min, max).queue(QUEUE, perReplica).mode(mode).build();
  }

  static Spec spec() {
    return new Spec();
  }

  /** A spec to build: the defaults of this test, changed field by field. */
  static final class Spec {
    private int min = 1;
    private int max = 20;
    private String polling = "10s";
    private QueueSpec queue = new QueueSpec(QUEUE, 10.0);
    private BehaviorSpec behavior = TestScaledApis.fastScaleUp();
    private FallbackSpec fallback;
    private Mode mode = Mode.ENFORCE;
    private Boolean paused;
    private Boolean pausedScaleUp;
    private Boolean pausedScaleDown;

    Spec replicas(int min, int max) {
      this.min = min;
      this.max = max;
      return this;
    }

    Spec polling(String polling) {
      this.polling = polling;
      return this;
    }

    Spec queue(String query, double perReplica) {
      this.queue = new QueueSpec(query, perReplica);
      return this;
    }

    Spec behavior(BehaviorSpec behavior) {
      this.behavior = behavior;
      return this;
    }

    Spec fallback(int failureThreshold, Integer replicas) {
      return fallback(failureThreshold, replicas, null);
    }

    Spec fallback(int failureThreshold, Integer replicas, FallbackBehavior behavior) {
      this.fallback = new FallbackSpec(failureThreshold, replicas, behavior);
      return this;
    }

    Spec mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    Spec paused() {
      this.paused = true;
      return this;
    }

    Spec pausedScaleUp() {
      this.pausedScaleUp = true;
      return this;
    }

    Spec pausedScaleDown() {
      this.pausedScaleDown = true;
      return this;
    }

    ScaledApiSpec build() {
      return new ScaledApiSpec(
              new ScaleTargetRef("apps/v1", "Deployment", "api"),
              min,
              max,
              polling,
              null,
              queue,
              null,
              null,
              null,
              behavior,
              null,
              fallback,
              mode,
              paused)
          .withPausedDirections(pausedScaleUp, pausedScaleDown);
    }
  }
}
