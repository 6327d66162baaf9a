package io.scaledapi.operator.testing;

import io.fabric8.kubeapitest.cert.CertManager;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The etcd and kube-apiserver of a {@link ControlPlane}, on free loopback ports, with
 * kube-api-test's certificates: one for the server at 127.0.0.1, and a client one in {@code
 * system:masters} that is its own CA. The API server's flags are kube-api-test's, for a server on
 * loopback alone.
 */
final class ApiServer {
  private final Path kubeconfig;
  private final CertManager certificates;

  private ApiServer(Path kubeconfig, CertManager certificates) {
    this.kubeconfig = kubeconfig;
    this.certificates = certificates;
  }

  /**
   * Starts etcd and kube-apiserver in {@code dir}, adding them to {@code processes}, and writes a
   * kubeconfig there; returns at once, before the server serves.
   */
  static ApiServer start(Path binaries, Path dir, List<LoggedProcess> processes) {
    CertManager certificates = new CertManager(dir.toString());
    certificates.createCertificatesIfNeeded();
    String serverKey = certificates.getAPIServerKeyPath();
    int etcdPort = freePort();
    int peerPort = freePort();
    processes.add(
        LoggedProcess.start(
            "etcd",
            binaries.resolve("etcd"),
            List.of(
                "--name=control-plane",
                "--data-dir=" + dir.resolve("etcd"),
                "--listen-client-urls=http://127.0.0.1:" + etcdPort,
                "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
                "--listen-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
                "--initial-cluster=control-plane=http://127.0.0.1:" + peerPort,
                "--unsafe-no-fsync=true"),
            dir));
    int apiPort = freePort();
    processes.add(
        LoggedProcess.start(
            "kube-apiserver",
            binaries.resolve("kube-apiserver"),
            List.of(
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiPort,
                "--tls-cert-file=" + certificates.getAPIServerCertPath(),
                "--tls-private-key-file=" + serverKey,
                "--client-ca-file=" + certificates.getClientCertPath(),
                "--authorization-mode=Node,RBAC",
                "--service-account-issuer=https://kubernetes.default.svc",
                "--service-account-key-file=" + serverKey,
                "--service-account-signing-key-file=" + serverKey,
                "--service-cluster-ip-range=10.0.0.0/24",
                "--allow-privileged=true",
                // nothing reaches the API server through the kubernetes Service, whose endpoint
                // would be 127.0.0.1, a loopback address no Endpoints may hold
                "--endpoint-reconciler-type=none",
                // KWOK runs no containers, so pods need no service-account token
                "--disable-admission-plugins=ServiceAccount",
                // the aggregation layer, for metrics adapters run as local processes: the
                // client certificate, its own CA, is also the front proxy's
                "--requestheader-client-ca-file=" + certificates.getClientCertPath(),
                "--requestheader-allowed-names=",
                "--requestheader-username-headers=X-Remote-User",
                "--requestheader-group-headers=X-Remote-Group",
                "--requestheader-extra-headers-prefix=X-Remote-Extra-",
                "--proxy-client-cert-file=" + certificates.getClientCertPath(),
                "--proxy-client-key-file=" + certificates.getClientKeyPath()),
            dir));
    Path kubeconfig = dir.resolve("kubeconfig");
    ControlPlane.write(kubeconfig, kubeconfigYaml(apiPort, certificates));
    return new ApiServer(kubeconfig, certificates);
  }

  /** The kubeconfig file, in {@code system:masters}, with its certificates beside it. */
  Path kubeconfig() {
    return kubeconfig;
  }

  /** The server's certificate, which is its own CA. */
  String caCertificate() {
    return certificates.getAPIServerCertPath();
  }

  /** The key service-account tokens are signed with. */
  String serviceAccountKey() {
    return certificates.getAPIServerKeyPath();
  }

  Config config() {
    try {
      return Config.fromKubeconfig(Files.readString(kubeconfig));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + kubeconfig, e);
    }
  }

  private static String kubeconfigYaml(int apiPort, CertManager certificates) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: control-plane
          cluster:
            server: https://127.0.0.1:%d
            certificate-authority: %s
        users:
        - name: admin
          user:
            client-certificate: %s
            client-key: %s
        contexts:
        - name: control-plane
          context:
            cluster: control-plane
            user: admin
            namespace: default
        current-context: control-plane
        """
        .formatted(
            apiPort,
            certificates.getAPIServerCertPath(),
            certificates.getClientCertPath(),
            certificates.getClientKeyPath());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
