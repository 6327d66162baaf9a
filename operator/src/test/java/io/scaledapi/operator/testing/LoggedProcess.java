package io.scaledapi.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process with its output in a log file of its own; stopped politely, then forcibly. */
final class LoggedProcess {
  private final String name;
  private final Process process;
  private final Path log;

  private LoggedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code binary} with {@code args}, its output going to {@code <logDir>/<name>.log}. */
  static LoggedProcess start(String name, Path binary, List<String> args, Path logDir) {
    return start(name, binary, args, Map.of(), logDir);
  }

  /** As {@link #start(String, Path, List, Path)}, with {@code env} added to the environment. */
  static LoggedProcess start(
      String name, Path binary, List<String> args, Map<String, String> env, Path logDir) {
    Path log = logDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      return new LoggedProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + binary + ")", e);
    }
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last {@code lines} lines of the log, under a header naming the process. */
  String tail(int lines) {
    String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
    List<String> all;
    try {
      all = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      all = List.of("(cannot read " + log + ": " + e + ")");
    }
    List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
    return "---- " + name + " (" + state + "), last lines of its log:\n" + String.join("\n", last);
  }

  /** SIGTERM, then SIGKILL after {@code grace}; returns once the process has exited. */
  void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
