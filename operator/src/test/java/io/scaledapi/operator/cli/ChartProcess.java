package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator as a process of its own, started by {@code run} with the arguments of a rendered
 * Deployment, as its pod would be: {@code kubeconfig} stands for the pod's token, the metrics port
 * is a free one, and Prometheus is at {@code prometheus} unless the arguments name one.
 */
public final class ChartProcess {
  /** How the process ended, its stdout and stderr together. */
  public record Ended(int exitCode, String output) {}

  private ChartProcess() {}

  /** Runs the operator until it ends (a test fails if it runs on for two minutes). */
  public static Ended run(
      Deployment deployment, Path kubeconfig, URI prometheus, Path workDir, String podName)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(ChartArgs.runArgs(deployment));
    args.removeIf(a -> a.startsWith("--metrics-port"));
    if (args.stream().noneMatch(a -> a.startsWith("--prometheus-address"))) {
      args.add("--prometheus-address=" + prometheus);
    }
    args.add(0, "--metrics-port=0");
    args.add(0, "--kubeconfig=" + kubeconfig);
    args.add(0, "run");
    CliProcess.Result result =
        CliProcess.run(
            workDir, Map.of("POD_NAME", podName), List.of(), args.toArray(String[]::new));
    return new Ended(result.exitCode(), result.output());
  }
}
