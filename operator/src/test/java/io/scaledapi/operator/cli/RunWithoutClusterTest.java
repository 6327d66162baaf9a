package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with no cluster to reach, in its own JVM so that the environment (KUBECONFIG, HOME)
 * and everything printed, logging included, are the real ones.
 */
class RunWithoutClusterTest {

  @TempDir Path dir;

  /** What a user sees at the default log level: a few lines at most, no stack trace. */
  static void assertShortAndWithoutStackTrace(CliProcess.Result result) {
    assertThat(result.lines()).hasSizeLessThanOrEqualTo(5);
    assertThat(result.output()).doesNotContain("Exception", "\tat ");
  }

  Path emptyHome() throws IOException {
    return Files.createDirectory(dir.resolve("home"));
  }

  @Test
  void aKubeconfigNamedByTheVariableWithAServerThatIsDown() throws Exception {
    String server = "https://127.0.0.1:" + ApiServerCheckTest.closedPort() + "/";
    Path file = Files.writeString(dir.resolve("kubeconfig"), RunCommandTest.kubeconfig(server));
    CliProcess.Result result =
        CliProcess.run(
            dir,
            Map.of("KUBECONFIG", file.toString(), "HOME", emptyHome().toString()),
            List.of(),
            "run");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lines())
        .contains(
            "run: cannot reach the Kubernetes API server "
                + server
                + " (connection refused). It comes from "
                + file
                + " (named by KUBECONFIG, context dev). Start the cluster, or point KUBECONFIG"
                + " or --kubeconfig at a running one.");
    assertShortAndWithoutStackTrace(result);
  }

  @Test
  void noKubeconfigAnywhereAndNoServiceAccount() throws Exception {
    Path home = emptyHome();
    CliProcess.Result result =
        CliProcess.run(
            dir,
            Map.of("HOME", home.toString()),
            // as outside a pod, whatever machine the test runs on
            List.of("-Dkubernetes.auth.tryServiceAccount=false"),
            "run");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lines())
        .contains(
            "run: no Kubernetes cluster configured: no kubeconfig at "
                + home.resolve(".kube").resolve("config")
                + " (KUBECONFIG is not set) and no in-cluster service account. Start a cluster"
                + " and point KUBECONFIG or --kubeconfig at its kubeconfig.");
    assertShortAndWithoutStackTrace(result);
  }

  @Test
  void atDebugLevelTheStackTraceIsPrintedToo() throws Exception {
    String server = "https://127.0.0.1:" + ApiServerCheckTest.closedPort() + "/";
    Path file = Files.writeString(dir.resolve("kubeconfig"), RunCommandTest.kubeconfig(server));
    CliProcess.Result result =
        CliProcess.run(
            dir,
            Map.of("HOME", emptyHome().toString()),
            List.of(),
            "run",
            "--kubeconfig",
            file.toString(),
            "--log-level",
            "debug");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("GET /api of " + server + " failed")
        .contains("java.net.ConnectException", "\tat ")
        .contains("run: cannot reach the Kubernetes API server " + server);
  }
}
