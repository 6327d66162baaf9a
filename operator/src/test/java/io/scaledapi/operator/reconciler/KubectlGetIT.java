package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.scaledapi.operator.testing.Kubectl;
import io.scaledapi.operator.testing.ScaledApiCrd;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl get sapi} prints for two ScaledApis the operator has reconciled, one with
 * scale-down paused, on the real API server with the generated CRD, against a real Prometheus: the
 * columns in the order ScaledApi declares them, carrying what each object holds. README.md shows
 * the same output ({@link KubectlGetDoc}); to rewrite it: {@code -Dit.test=KubectlGetIT
 * -Ddocs.write=true}.
 */
class KubectlGetIT {
  static final String GAUGE = "api_queue_requests_waiting";
  static final int TARGET_PER_REPLICA = 20;

  /** A ScaledApi of the test: its name, its queue and the replicas that queue asks for. */
  record Row(String name, double queue, int replicas, String mode, String extraSpec) {}

  /** In the order kubectl lists them, by name. */
  static final List<Row> ROWS =
      List.of(
          new Row("checkout", 40, 2, "ScaleDownPaused", "pausedScaleDown: true"),
          new Row("queue-api", 95, 5, "Enforce", "mode: Enforce")); // ceil(95 / 20)

  /** Each column and where in the object its value is, as the test expects it. */
  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("TARGET", List.of("spec", "scaleTargetRef", "name"));
    COLUMNS.put("MIN", List.of("spec", "minReplicas"));
    COLUMNS.put("MAX", List.of("spec", "maxReplicas"));
    COLUMNS.put("REPLICAS", List.of("status", "currentReplicas"));
    COLUMNS.put("DESIRED", List.of("status", "desiredReplicas"));
    COLUMNS.put("QUEUE", List.of("status", "signals", "queueDepth", "value"));
    COLUMNS.put("FORECAST", List.of("status", "forecast", "rate"));
    COLUMNS.put("MODE", List.of("status", "mode"));
    COLUMNS.put("AGE", List.of());
  }

  static RealCluster cluster;
  static LiveStack stack;

  @BeforeAll
  static void startEverything() {
    cluster = RealCluster.create("demo");
    stack = LiveStack.start(cluster, Clock.systemUTC());
  }

  @AfterAll
  static void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void getSapiPrintsTheColumnsInTheirDeclaredOrderWithTheStatusValues() throws IOException {
    String ns = cluster.ns("demo");
    for (Row row : ROWS) {
      stack.exporter().set(GAUGE, Map.of("app", row.name() + "-" + ns), row.queue());
      cluster.createDeployment(ns, row.name(), 1);
      Kubectl.Result applied = Kubectl.get().apply(row.name() + ".yaml", scaledApiYaml(ns, row));
      assertThat(applied.exit()).as("kubectl apply: %s", applied.err()).isZero();
    }
    for (Row row : ROWS) {
      cluster.awaitStatus(
          ns,
          row.name(),
          s -> {
            assertThat(s.signals()).isNotNull();
            assertThat(s.signals().queueDepth().value()).isEqualTo(row.queue());
            assertThat(s.desiredReplicas()).isEqualTo(row.replicas());
            assertThat(s.currentReplicas()).isEqualTo(row.replicas());
            assertThat(s.mode()).isEqualTo(row.mode());
          });
    }

    // the operator rewrites the status at every poll: compare what kubectl printed with the
    // object as it was before and after, unchanged in between
    String[] printed = new String[1];
    await("kubectl get sapi printing the object as it is")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              List<GenericKubernetesResource> before = scaledApis(ns);
              Kubectl.Result result = Kubectl.get().run("get", "sapi", "-n", ns);
              List<GenericKubernetesResource> after = scaledApis(ns);
              assertThat(result.exit()).as("kubectl get: %s", result.err()).isZero();
              assertThat(versions(after))
                  .as("the objects did not change while kubectl read them")
                  .isEqualTo(versions(before));
              assertTable(result.out(), after);
              printed[0] = result.out();
            });
    String output = printed[0];
    System.out.print("[kubectl] kubectl get sapi -n " + ns + "\n" + output);

    String block = KubectlGetDoc.block(output);
    if (Boolean.getBoolean("docs.write")) {
      Files.writeString(
          KubectlGetDoc.README,
          KubectlGetDoc.withBlock(Files.readString(KubectlGetDoc.README), block));
    }
    String readme = Files.readString(KubectlGetDoc.README);
    assertThat(KubectlGetDoc.ageMasked(KubectlGetDoc.findBlock(readme)))
        .as("README.md's kubectl get sapi output (AGE aside): rerun with -Ddocs.write=true")
        .isEqualTo(KubectlGetDoc.ageMasked(block));
  }

  private static void assertTable(String out, List<GenericKubernetesResource> scaledApis) {
    List<String> lines = out.lines().toList();
    assertThat(lines).as("kubectl get sapi output:%n%s", out).hasSize(1 + ROWS.size());
    List<String> header = List.of(lines.get(0).trim().split("\\s+"));
    List<String> expectedHeader = new ArrayList<>();
    expectedHeader.add("NAME");
    expectedHeader.addAll(COLUMNS.keySet());
    assertThat(header).as("the columns, in order").containsExactlyElementsOf(expectedHeader);
    for (int r = 0; r < ROWS.size(); r++) {
      Row expected = ROWS.get(r);
      List<String> row = cells(lines.get(0), lines.get(1 + r));
      assertThat(row.get(0)).isEqualTo(expected.name());
      GenericKubernetesResource sapi = scaledApis.get(r);
      assertThat(sapi.getMetadata().getName()).isEqualTo(expected.name());
      int i = 1;
      for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
        String cell = row.get(i++);
        if (column.getValue().isEmpty()) {
          assertThat(cell).as(column.getKey()).matches("\\d+[smhd].*");
        } else {
          assertCell(column.getKey(), cell, at(sapi.getAdditionalProperties(), column.getValue()));
        }
      }
      String replicas = String.valueOf(expected.replicas());
      String queue = BigDecimal.valueOf(expected.queue()).stripTrailingZeros().toPlainString();
      assertThat(row.subList(1, 9))
          .as("target, bounds, replicas, desired replicas, queue, forecast (none), mode")
          .containsExactly(
              expected.name(), "1", "10", replicas, replicas, queue, "", expected.mode());
    }
  }

  /**
   * The row's cells, cut where the header's columns start: kubectl aligns each cell under its
   * column's name and leaves the cell of a value the object lacks empty.
   */
  private static List<String> cells(String header, String row) {
    List<Integer> starts = new ArrayList<>();
    Matcher name = Pattern.compile("\\S+").matcher(header);
    while (name.find()) {
      starts.add(name.start());
    }
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int from = Math.min(starts.get(i), row.length());
      int to = i + 1 < starts.size() ? Math.min(starts.get(i + 1), row.length()) : row.length();
      if (from > 0) {
        assertThat(row.charAt(from - 1))
            .as("a cell starts at column %d of %s", from, row)
            .isEqualTo(' ');
      }
      cells.add(row.substring(from, to).trim());
    }
    return cells;
  }

  private static void assertCell(String column, String cell, Object value) {
    if (value == null) {
      assertThat(cell).as(column).isEmpty();
    } else if (value instanceof Number number) {
      assertThat(new BigDecimal(cell))
          .as(column)
          .isEqualByComparingTo(new BigDecimal(number.toString()));
    } else {
      assertThat(cell).as(column).isEqualTo(value.toString());
    }
  }

  /** The value at {@code path} in the object's fields, or null where the path ends. */
  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> fields, List<String> path) {
    Object value = fields;
    for (String key : path) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = ((Map<String, Object>) map).get(key);
    }
    return value;
  }

  /** The namespace's ScaledApis, by name. */
  private static List<GenericKubernetesResource> scaledApis(String ns) {
    return cluster
        .client()
        .genericKubernetesResources(ScaledApiCrd.SCALED_APIS)
        .inNamespace(ns)
        .list()
        .getItems()
        .stream()
        .sorted(java.util.Comparator.comparing(o -> o.getMetadata().getName()))
        .toList();
  }

  private static List<String> versions(List<GenericKubernetesResource> objects) {
    return objects.stream().map(o -> o.getMetadata().getResourceVersion()).toList();
  }

  /** A ScaledApi of {@code row}'s Deployment, polling every second, reading its queue. */
  private static String scaledApiYaml(String ns, Row row) {
    return """
        apiVersion: autoscaling.scaledapi.io/v1alpha1
        kind: ScaledApi
        metadata:
          name: %s
          namespace: %s
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: %s
          minReplicas: 1
          maxReplicas: 10
          pollingInterval: 1s
          queue:
            query: sum(%s{app="%s-%s"})
            targetPerReplica: %d
          %s
        """
        .formatted(
            row.name(), ns, row.name(), GAUGE, row.name(), ns, TARGET_PER_REPLICA, row.extraSpec());
  }
}
