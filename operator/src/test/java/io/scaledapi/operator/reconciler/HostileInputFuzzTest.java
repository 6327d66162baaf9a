package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.scaledapi.api.v1alpha1.Durations;
import io.scaledapi.api.v1alpha1.ScaledApi;
import io.scaledapi.api.v1alpha1.ScaledApiSpec;
import io.scaledapi.api.v1alpha1.testing.Json;
import io.scaledapi.operator.prometheus.FailureKind;
import io.scaledapi.operator.prometheus.QueryResult;
import io.scaledapi.operator.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The whole input path, fuzzed: a ScaledApi's JSON, valid or hostile ({@link HostileScaledApis}),
 * read as the informer reads it, stored in {@link ReconcilerHarness} (which hands each reconcile a
 * copy, as the operator framework does), then reconciled three times (the last past any
 * stabilization window) against fakes whose queries return good and bad readings. For every case:
 * nothing is thrown and no reconcile fails inside; an invalid spec is InvalidSpec with a message
 * naming a field of spec and never touches the target; a bad reading (failed, negative, not finite,
 * or overflowing the replica count) never lowers replicas. Deterministic: case {@code i} comes from
 * seed {@code SEED + i}; {@code -Dfuzz.from=i -Dfuzz.cases=1} runs that case alone.
 */
class HostileInputFuzzTest {
  static final long SEED = 13;
  static final int FROM = Integer.getInteger("fuzz.from", 0);
  static final int CASES = Integer.getInteger("fuzz.cases", 3_000);
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final List<Duration> POLLS =
      List.of(Duration.ZERO, Duration.ofSeconds(15), Duration.ofSeconds(3601));

  @Test
  void noInputEscapesFailsInsideOrScalesDownOnBadInput() {
    Tally tally = new Tally();
    for (int i = FROM; i < FROM + CASES; i++) {
      long seed = SEED + i;
      HostileScaledApis.Case c = HostileScaledApis.generate(seed);
      try {
        run(c, new Random(~seed), tally);
      } catch (AssertionError | RuntimeException | StackOverflowError e) {
        throw new AssertionError("case " + i + " (seed " + seed + "): " + c, e);
      }
    }
    System.out.printf(
        "[fuzz] %d cases (seed %d): %d invalid by construction, %d reported InvalidSpec, %d"
            + " scaled, %d polls with a bad reading; 0 escapes%n",
        CASES, SEED, tally.invalid, tally.invalidSpec, tally.scaled, tally.badPolls);
    assertThat(tally.invalidSpec).isGreaterThanOrEqualTo(tally.invalid);
    assertThat(tally.scaled).as("some cases scale, so the checks are not vacuous").isPositive();
    assertThat(tally.badPolls).isPositive();
  }

  static final class Tally {
    int invalid;
    int invalidSpec;
    int scaled;
    int badPolls;
  }

  static void run(HostileScaledApis.Case c, Random random, Tally tally) {
    ScaledApi stored = SERIALIZATION.unmarshal(Json.text(c.object()), ScaledApi.class);
    ScaledApiSpec spec = stored.getSpec();
    boolean invalid = spec == null || !SpecParser.parse(spec).problems().isEmpty();
    if (c.invalid()) {
      tally.invalid++;
      assertThat(invalid).as("an invalid spec is found invalid").isTrue();
    }
    Readings readings = new Readings(random);
    ReconcilerHarness h = new ReconcilerHarness(new FakeMetricsSources(readings));
    h.targets.found(current(spec, invalid, random));
    h.add(stored);
    boolean reportedInvalid = false;
    for (Duration at : POLLS) {
      h.at(ReconcilerHarness.START.plus(at));
      int before = h.targets.replicas();
      boolean bad = !invalid && readings.badFor(spec, before);
      tally.badPolls += bad ? 1 : 0;
      h.reconcile(stored);
      assertThat(h.reconciles("error")).as("no reconcile fails inside").isZero();
      Condition ready = Cluster.condition(stored.getStatus(), Conditions.READY);
      if ("InvalidSpec".equals(ready.getReason())) {
        reportedInvalid = true;
        assertThat(ready.getMessage()).as("the problem names a field").containsPattern("spec\\b");
      }
      if (invalid) {
        assertThat(ready.getReason()).isEqualTo("InvalidSpec");
        assertThat(h.targets.attempts()).as("bad input never scales").isEmpty();
      }
      if (bad) {
        assertThat(h.targets.replicas())
            .as("a bad reading never lowers")
            .isGreaterThanOrEqualTo(before);
      }
    }
    tally.invalidSpec += reportedInvalid ? 1 : 0;
    tally.scaled += h.targets.writes().isEmpty() ? 0 : 1;
  }

  /** Replicas within the spec's bounds when it has valid ones, so that bounds never move them. */
  static int current(ScaledApiSpec spec, boolean invalid, Random random) {
    int replicas = 1 + random.nextInt(30);
    if (invalid) {
      return replicas;
    }
    return Math.max(spec.minReplicasOrDefault(), Math.min(spec.maxReplicas(), replicas));
  }

  /** Each query's answer, drawn once: mostly good values, else each kind of bad reading. */
  static final class Readings implements Function<String, QueryResult> {
    private final Random random;
    private final Map<String, QueryResult> answers = new HashMap<>();

    Readings(Random random) {
      this.random = random;
    }

    @Override
    public QueryResult apply(String query) {
      return answers.computeIfAbsent(query, q -> draw());
    }

    private QueryResult draw() {
      Instant at = ReconcilerHarness.START;
      return switch (random.nextInt(12)) {
        case 0 -> FakeMetricsSources.value(-1 - random.nextDouble() * 100, at);
        case 1 -> FakeMetricsSources.value(1e300, at);
        case 2 -> FakeMetricsSources.value(3e10, at);
        case 3 ->
            FakeMetricsSources.value(
                random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY, at);
        case 4 -> new QueryResult.Empty();
        case 5 -> new QueryResult.Failure(FailureKind.CONNECTION, 0, null, "connection refused");
        case 6 -> new QueryResult.MultipleSeries(List.of(Map.of("pod", "a"), Map.of("pod", "b")));
        default -> FakeMetricsSources.value(random.nextDouble() * 1e4, at);
      };
    }

    /** Whether the queue or latency reading the engine uses is bad for {@code spec}. */
    boolean badFor(ScaledApiSpec spec, int current) {
      if (bad(apply(spec.queue().query()), spec.queue().targetPerReplica(), 1)) {
        return true;
      }
      if (spec.latency() == null) {
        return false;
      }
      double target = Durations.parse(spec.latency().target()).toNanos() / 1e9;
      return bad(apply(spec.latency().query()), target, Math.max(1, current));
    }

    /** Not a value, negative, or a replica count ({@code value / target * times}) beyond an int. */
    private static boolean bad(QueryResult result, double target, int times) {
      return !(result instanceof QueryResult.Value v)
          || v.value() < 0
          || !(v.value() / target * times < Integer.MAX_VALUE);
    }
  }
}
