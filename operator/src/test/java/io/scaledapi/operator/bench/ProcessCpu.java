package io.scaledapi.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** CPU time a process has used so far (user and system), from {@code /proc/<pid>/stat}. */
final class ProcessCpu {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private ProcessCpu() {}

  static Duration of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CPU time of the process this JVM started whose command ends with {@code /name}. */
  static Duration ofChild(String name) {
    return child(name).map(p -> of(p.pid())).orElse(Duration.ZERO);
  }

  /** A process this JVM started (or one of those started) whose command ends with {@code /name}. */
  static Optional<ProcessHandle> child(String name) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false))
        .findFirst();
  }
}
