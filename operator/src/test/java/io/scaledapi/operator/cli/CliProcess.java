package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a fresh JVM, as {@code java -jar} does, with an environment of the
 * test's choosing and no Kubernetes variables of the machine's; keeps stdout and stderr together.
 */
final class CliProcess {

  /** Only against a hang: a run that fails fast ends long before. */
  static final long HANG_GUARD_SECONDS = 120;

  record Result(int exitCode, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }

  private CliProcess() {}

  static Result run(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path output = workDir.resolve("output.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("KUBE"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("still running after " + HANG_GUARD_SECONDS + " s: " + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output));
  }
}
