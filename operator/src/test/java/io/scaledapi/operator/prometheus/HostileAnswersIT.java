package io.scaledapi.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaledapi.operator.testing.HostilePrometheus;
import io.scaledapi.operator.testing.HostilePrometheus.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Twenty queries at once to each hostile answer, from a JVM whose heap is capped as a small
 * operator pod's would be: the JVM survives, every query ends within its timeout plus a margin, and
 * every message is short enough for a status condition.
 */
class HostileAnswersIT {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration MARGIN = Duration.ofMillis(1500);
  static final int CONCURRENCY = 20;
  static final String HEAP = "-Xmx128m";
  static final int MAX_MESSAGE = 400;

  private static final Pattern QUERY =
      Pattern.compile("query name=(\\S+) elapsedMs=(\\d+) length=(\\d+) kind=(\\S+) text=(.*)");

  @Test
  void everyHostileAnswerEndsInTimeWithAShortMessageInABoundedHeap() throws Exception {
    List<String> output;
    int exit;
    try (HostilePrometheus server = HostilePrometheus.start()) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(HEAP, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path")));
      command.add(HostileQueries.class.getName());
      command.add(Long.toString(TIMEOUT.toMillis()));
      command.add(Integer.toString(CONCURRENCY));
      for (Answer answer : Answer.values()) {
        String name = answer == Answer.MANY_POINTS ? answer.path() + "-range" : answer.path();
        command.add(name + "=" + server.address(answer));
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      boolean ended = process.waitFor(5, TimeUnit.MINUTES);
      if (!ended) {
        process.destroyForcibly();
      }
      output = read(process);
      output.forEach(line -> System.out.println("[hostile] " + line));
      assertThat(ended).as("the query JVM ended within 5 minutes").isTrue();
      exit = process.exitValue();
    }
    assertThat(exit)
        .as("exit code of the query JVM (%s); its output:%n%s", HEAP, String.join("\n", output))
        .isZero();
    List<Matcher> queries = output.stream().map(QUERY::matcher).filter(Matcher::matches).toList();
    assertThat(queries).hasSize(CONCURRENCY * Answer.values().length);
    for (Matcher query : queries) {
      String line = query.group(0);
      assertThat(Long.parseLong(query.group(2)))
          .as("milliseconds taken: %s", line)
          .isLessThanOrEqualTo(TIMEOUT.plus(MARGIN).toMillis());
      assertThat(Integer.parseInt(query.group(3)))
          .as("message length: %s", line)
          .isLessThanOrEqualTo(MAX_MESSAGE);
      assertThat(query.group(4))
          .as("hostile data read as data: %s", line)
          .isNotIn("Value", "Series");
    }
  }

  private static List<String> read(Process process) throws IOException {
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return text.lines().toList();
  }
}
