package io.scaledapi.operator.reconciler;

import io.scaledapi.api.v1alpha1.testing.Fields;
import io.scaledapi.api.v1alpha1.testing.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ScaledApi objects as a client that skips the schema may send them: the valid ScaledApi with its
 * values varied, then a few changes that break it for sure (a number out of range or of the wrong
 * type, an unknown field, a bad duration, enum or query, a list abused) and a few that may or may
 * not (random strings and numbers, very long queries). Each case comes from its own seed.
 */
final class HostileScaledApis {

  /**
   * One object and what was done to it.
   *
   * @param breaks changes that make it invalid for sure
   * @param changes changes that may or may not
   */
  record Case(Map<String, Object> object, List<String> breaks, List<String> changes) {
    boolean invalid() {
      return !breaks.isEmpty();
    }

    @Override
    public String toString() {
      return "breaks " + breaks + ", changes " + changes;
    }
  }

  private final Random random;

  /** The valid ScaledApi, read once. */
  private static final Map<String, Object> VALID = Fields.validScaledApi();

  private final Map<String, Object> object = Json.copy(VALID);
  private final List<String> breaks = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();

  /** Fields a break set or depends on, which no later change may undo. */
  private final List<String> broken = new ArrayList<>();

  private HostileScaledApis(long seed) {
    this.random = new Random(seed);
  }

  static Case generate(long seed) {
    HostileScaledApis g = new HostileScaledApis(seed);
    g.vary();
    int n = g.random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (g.random.nextInt(3) == 0) {
        g.change();
      } else {
        g.breakOne();
      }
    }
    g.dropUntouchedBlocks();
    return new Case(g.object, List.copyOf(g.breaks), List.copyOf(g.changes));
  }

  /** Valid values within every bound. */
  private void vary() {
    int max = pick(1, 2, 10, 50, 1000, 100_000);
    int min = 1 + random.nextInt(Math.min(max, 5));
    set("spec.minReplicas", min);
    set("spec.maxReplicas", max);
    set("spec.fallback.replicas", random.nextInt(max + 1));
    set("spec.fallback.failureThreshold", 1 + random.nextInt(10));
    set("spec.pollingInterval", pick("1s", "15s", "1m30s", "1h"));
    set("spec.queue.targetPerReplica", pick(0.5, 10.0, 1e-3, 1e6));
    set(
        "spec.queue.query",
        pick("sum(q)", "sum(api_queue_requests_waiting{app=\"x\"})", "vector(3)"));
    set("spec.latency.target", pick("250ms", "1s", "1h"));
    set("spec.tolerance", pick(0.0, 0.1, 1.0));
    set("spec.prediction.enabled", random.nextBoolean());
    set("spec.prediction.capacityPerReplica", pick(50, "auto", "12.5"));
    set("spec.mode", random.nextInt(4) == 0 ? "DryRun" : "Enforce");
    set("spec.paused", random.nextInt(8) == 0);
    set("metadata.generation", 1);
  }

  /** One change that makes the object invalid for sure. */
  private void breakOne() {
    if (!(object.get("spec") instanceof Map<?, ?>)) {
      return;
    }
    switch (random.nextInt(11)) {
      case 0 ->
          breaking(
              pick(HostileValues.INTS),
              pick(
                  3_000_000_000L,
                  Long.MAX_VALUE,
                  1e20,
                  2.5,
                  -1,
                  200_000,
                  new BigInteger("1" + "0".repeat(30))));
      case 1 -> wrongType();
      case 2 -> unknownField();
      case 3 -> breaking(pick(HostileValues.ENUMS), pick(0, true, "Fastest", "", "enforce"));
      case 4 -> {
        String field =
            pick(HostileValues.OUT_OF_RANGE_DURATIONS.keySet().stream().sorted().toList());
        breaking(
            field,
            random.nextBoolean()
                ? pick(HostileValues.BAD_DURATIONS)
                : pick(HostileValues.OUT_OF_RANGE_DURATIONS.get(field)));
      }
      case 5 -> breaking(pick(HostileValues.QUERIES), badQuery());
      case 6 ->
          breaking(
              "spec.behavior.scaleUp.policies",
              pick(
                  Collections.singletonList(null),
                  List.of(),
                  Collections.nCopies(11, Map.of("type", "Pods", "value", 1, "periodSeconds", 15)),
                  List.of("x")));
      case 7 -> {
        object.put("spec", pick("x", List.of(), 7, true));
        breaks.add("spec not an object");
        broken.add("spec");
      }
      case 8 -> {
        String field = pick(HostileValues.OUT_OF_RANGE.keySet().stream().sorted().toList());
        breaking(field, pick(HostileValues.OUT_OF_RANGE.get(field)));
      }
      case 9 -> {
        int max = ((Number) Fields.get(object, "spec.maxReplicas")).intValue();
        if (max < 100_000) {
          broken.add("spec.maxReplicas");
          breaking(pick("spec.minReplicas", "spec.fallback.replicas"), max + 1);
        } else {
          breaking("spec.maxReplicas", 0);
        }
      }
      default -> {
        Fields.remove(object, "spec.arrivalRate");
        set("spec.prediction.enabled", true);
        breaks.add("prediction without arrivalRate");
        broken.add("spec.arrivalRate");
        broken.add("spec.prediction.enabled");
      }
    }
  }

  private void wrongType() {
    switch (random.nextInt(6)) {
      case 0 ->
          breaking(pick(HostileValues.STRINGS), pick(0, true, List.of(), Map.of("a", 1), 1.5));
      case 1 -> breaking(pick(HostileValues.NUMBERS), pick("x", "10", true, List.of(), Map.of()));
      case 2 -> breaking(pick(HostileValues.INTS), pick("ten", "10", true, List.of(), Map.of()));
      case 3 -> breaking(pick(HostileValues.BOOLEANS), pick("yes", 1, List.of()));
      case 4 -> breaking(pick(HostileValues.OBJECTS), pick("x", 1, List.of(1)));
      default -> breaking("spec.behavior.scaleUp.policies", pick("x", Map.of()));
    }
  }

  private void unknownField() {
    String at = pick(HostileValues.OBJECTS);
    String name = "x" + Integer.toString(random.nextInt(1 << 20), 36);
    set(at + "." + name, randomJson(0));
    touched(at);
    broken.add(at);
    breaks.add("unknown field " + at + "." + name);
  }

  private Object badQuery() {
    return switch (random.nextInt(7)) {
      case 0 -> "(".repeat(101 + random.nextInt(5000)) + "q" + ")".repeat(5101);
      case 1 -> "sum(";
      case 2 -> "}{";
      case 3 -> "";
      case 4 -> "   ";
      case 5 -> "rate(x)";
      default -> "-".repeat(200 + random.nextInt(3000)) + "1";
    };
  }

  /** One change that may or may not make the object invalid. */
  private void change() {
    if (!(object.get("spec") instanceof Map<?, ?>)) {
      return;
    }
    String field;
    Object value;
    switch (random.nextInt(5)) {
      case 0 -> {
        field = pick(HostileValues.STRINGS);
        value = randomString(random.nextInt(4) == 0 ? 10_000 : 40);
      }
      case 1 -> {
        field = pick(HostileValues.NUMBERS);
        value =
            pick(
                0.0,
                1e-320,
                1e-300,
                1e300,
                1e308,
                0.5,
                1.0,
                random.nextDouble() * 1e6,
                -random.nextDouble());
      }
      case 2 -> {
        field = pick(HostileValues.INTS);
        value = random.nextInt();
      }
      case 3 -> {
        field = pick(HostileValues.QUERIES);
        value =
            pick(
                "a".repeat(100_000),
                "(".repeat(50) + "q" + ")".repeat(50),
                "sum(" + "x".repeat(10_000) + ")",
                "2^".repeat(40) + "2");
      }
      default -> {
        field = pick(HostileValues.BOOLEANS);
        value = random.nextBoolean();
      }
    }
    if (broken.stream().anyMatch(b -> b.startsWith(field) || field.startsWith(b))) {
      return;
    }
    set(field, value);
    changes.add(field + " = " + describe(value));
  }

  private void breaking(String field, Object value) {
    set(field, value);
    touched(field);
    broken.add(field);
    breaks.add(field + " = " + describe(value));
  }

  /**
   * Breaking a prediction field makes prediction active, so that it is checked (settings of a
   * prediction turned off are not used), and keeps it so.
   */
  private void touched(String field) {
    if (field.startsWith("spec.prediction.") && !field.equals("spec.prediction.enabled")) {
      set("spec.prediction.enabled", true);
      broken.add("spec.prediction.enabled");
    }
  }

  /** Leaves out some optional blocks that no change touched. */
  private void dropUntouchedBlocks() {
    if (!(object.get("spec") instanceof Map<?, ?>)) {
      return;
    }
    List<String> touched = new ArrayList<>(breaks);
    touched.addAll(changes);
    for (String block :
        List.of("spec.latency", "spec.behavior", "spec.fallback", "spec.prometheus")) {
      if (random.nextInt(3) == 0 && touched.stream().noneMatch(t -> t.contains(block))) {
        Fields.remove(object, block);
      }
    }
    if (random.nextInt(3) == 0
        && touched.stream()
            .noneMatch(
                t ->
                    t.contains("spec.prediction")
                        || t.contains("spec.arrivalRate")
                        || t.contains("arrivalRate"))) {
      Fields.remove(object, "spec.prediction");
      Fields.remove(object, "spec.arrivalRate");
    }
  }

  private void set(String path, Object value) {
    try {
      Fields.set(object, path, value);
    } catch (RuntimeException parentBroken) {
      // an earlier break made a parent something else than an object; the object stays invalid
    }
  }

  private Object randomJson(int depth) {
    return switch (depth > 200 ? 0 : random.nextInt(6)) {
      case 0 -> randomString(20);
      case 1 -> random.nextLong();
      case 2 -> List.of(randomJson(depth + 1));
      case 3 -> new LinkedHashMap<>(Map.of("k", randomJson(depth + 1)));
      case 4 -> random.nextBoolean();
      default -> random.nextInt(2) == 0 ? randomJson(depth + 20) : 1.5;
    };
  }

  private String randomString(int maxLength) {
    String alphabet = "abcxyz019_ (){}[]\"'\\,.:;=~!<>+-*/^%@$#\n\t\u00e9\u4e2d\ud83d\ude00";
    int length = random.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      int i = random.nextInt(alphabet.length());
      char c = alphabet.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < alphabet.length()) {
        s.append(c).append(alphabet.charAt(i + 1));
      } else if (!Character.isLowSurrogate(c)) {
        s.append(c);
      }
    }
    return s.toString();
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + ")" : text;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
