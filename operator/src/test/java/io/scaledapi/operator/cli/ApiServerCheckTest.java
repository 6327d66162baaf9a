package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.scaledapi.operator.cli.ApiServerCheck.Answered;
import io.scaledapi.operator.cli.ApiServerCheck.Failed;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The probe of the API server before the operator starts, and the line it prints. */
@EnableKubernetesMockClient
class ApiServerCheckTest {

  static KubernetesMockServer server;
  static KubernetesClient client;

  static final ConfigSource KUBECONFIG =
      ConfigSource.of(
          new ConfigSource.Lookup(
              Optional.empty(),
              Optional.empty(),
              Optional.of("/k/dev"),
              Optional.empty(),
              Optional.of("/k/dev"),
              Optional.of("dev"),
              false,
              List.of("/k/dev")));

  /** A loopback port nothing listens on. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aServerThatAnswersPasses() {
    server
        .expect()
        .get()
        .withPath("/api")
        .andReturn(200, new APIVersionsBuilder().withVersions("v1").build())
        .once();
    ApiServerCheck.Outcome outcome = ApiServerCheck.probe(client.getConfiguration());
    assertThat(outcome).isEqualTo(new Answered(200, ""));
    assertThat(ApiServerCheck.problem(KUBECONFIG, "https://api/", outcome)).isEmpty();
  }

  @Test
  void refusedCredentialsAreReportedWithTheServersReason() {
    server
        .expect()
        .get()
        .withPath("/api")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withMessage("forbidden: User \"system:anonymous\" cannot get path \"/api\"")
                .build())
        .once();
    ApiServerCheck.Outcome outcome = ApiServerCheck.probe(client.getConfiguration());
    assertThat(ApiServerCheck.problem(KUBECONFIG, "https://api/", outcome))
        .contains(
            "the Kubernetes API server https://api/ refused the credentials (403 Forbidden:"
                + " forbidden: User \"system:anonymous\" cannot get path \"/api\"). They come from"
                + " /k/dev (named by KUBECONFIG, context dev). Log in again or renew them, or"
                + " point KUBECONFIG or --kubeconfig at a kubeconfig whose credentials the"
                + " cluster accepts.");
  }

  @Test
  void unauthorizedIsACredentialsProblemToo() {
    server.expect().get().withPath("/api").andReturn(401, "").once();
    ApiServerCheck.Outcome outcome = ApiServerCheck.probe(client.getConfiguration());
    assertThat(outcome).isInstanceOf(Answered.class);
    assertThat(ApiServerCheck.problem(KUBECONFIG, "https://api/", outcome).orElseThrow())
        .startsWith("the Kubernetes API server https://api/ refused the credentials (401");
  }

  @Test
  void aServerThatIsNoApiServerIsNamedAsSuch() {
    // nothing expected: the mock server answers 404
    ApiServerCheck.Outcome outcome = ApiServerCheck.probe(client.getConfiguration());
    assertThat(ApiServerCheck.problem(KUBECONFIG, "https://web/", outcome).orElseThrow())
        .startsWith(
            "https://web/ answered GET /api with HTTP 404, which a Kubernetes API server does"
                + " not.");
  }

  @Test
  void aClosedPortIsConnectionRefused() throws IOException {
    String url = "https://127.0.0.1:" + closedPort() + "/";
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).build();
    ApiServerCheck.Outcome outcome = ApiServerCheck.probe(config);
    assertThat(outcome).isInstanceOf(Failed.class);
    assertThat(ApiServerCheck.problem(KUBECONFIG, url, outcome))
        .contains(
            "cannot reach the Kubernetes API server "
                + url
                + " (connection refused). It comes from /k/dev (named by KUBECONFIG, context"
                + " dev). Start the cluster, or point KUBECONFIG or --kubeconfig at a running"
                + " one.");
  }

  @Test
  void theFixFitsWhereTheServerCameFrom() {
    Failed refused = new Failed("connection refused", new IOException());
    ConfigSource pod =
        ConfigSource.of(
            new ConfigSource.Lookup(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true,
                List.of("/home/me/.kube/config")));
    assertThat(ApiServerCheck.problem(pod, "https://10.96.0.1:443/", refused).orElseThrow())
        .endsWith(
            "It comes from the pod's service account. Check that the pod can reach the API"
                + " server.");
  }

  @Test
  void failuresAreSaidInAFewWords() {
    assertThat(ApiServerCheck.what(new RuntimeException(new UnknownHostException("api.example"))))
        .isEqualTo("unknown host");
    assertThat(ApiServerCheck.what(new SSLHandshakeException("PKIX path building failed")))
        .isEqualTo("TLS failed: PKIX path building failed");
    assertThat(ApiServerCheck.what(new IllegalStateException("bad key", new IOException("x"))))
        .isEqualTo("x");
  }

  @Test
  void thePathIsUnderTheServersOwnPath() {
    assertThat(ApiServerCheck.url("https://h:6443")).hasToString("https://h:6443/api");
    assertThat(ApiServerCheck.url("https://rancher/k8s/clusters/c-1/"))
        .hasToString("https://rancher/k8s/clusters/c-1/api");
  }
}
