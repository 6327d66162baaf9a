package io.scaledapi.operator.cli;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.scaledapi.operator.report.Comparison;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * One request to the API server before the operator starts, with the client's own configuration and
 * credentials but no retries: a server that is down or refuses the credentials stops {@code run} at
 * once with one line saying which server, from where, what failed and what to do.
 */
final class ApiServerCheck {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration DEADLINE = Duration.ofSeconds(5);

  /** The discovery root: every authenticated user may read it, anonymous users may not. */
  static final String PATH = "api";

  private ApiServerCheck() {}

  /** What the probe saw. */
  sealed interface Outcome {}

  /** The server answered with HTTP {@code code}; {@code message} is its Status message, if any. */
  record Answered(int code, String message) implements Outcome {}

  /** No answer; {@code what} says why in a few words. */
  record Failed(String what, Throwable cause) implements Outcome {}

  /** Sends {@code GET /api} to the server of {@code config}, waiting at most {@link #DEADLINE}. */
  static Outcome probe(Config config) {
    Config quick =
        new ConfigBuilder(config)
            .withConnectionTimeout((int) CONNECT_TIMEOUT.toMillis())
            .withRequestTimeout((int) DEADLINE.toMillis())
            .withRequestRetryBackoffLimit(0)
            .build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(quick).build()) {
      HttpClient http = client.getHttpClient();
      HttpRequest request = http.newHttpRequestBuilder().uri(url(config.getMasterUrl())).build();
      CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, String.class);
      try {
        HttpResponse<String> response = answer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        return new Answered(
            response.code(), response.isSuccessful() ? "" : statusMessage(response.body()));
      } catch (TimeoutException e) {
        answer.cancel(true);
        return new Failed(noAnswer(DEADLINE), e);
      } catch (ExecutionException e) {
        return new Failed(what(e.getCause()), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Failed("interrupted", e);
      }
    } catch (RuntimeException e) {
      // e.g. a client certificate or key in the kubeconfig that cannot be read
      return new Failed(what(e), e);
    }
  }

  /** {@link #PATH} under the server's URL, which may have a path of its own. */
  static URI url(String server) {
    return URI.create(server.endsWith("/") ? server : server + "/").resolve(PATH);
  }

  /**
   * The line to print when {@code outcome} means the operator cannot work with the server, empty
   * when the server answered as an API server does.
   */
  static Optional<String> problem(ConfigSource source, String server, Outcome outcome) {
    String from = source.describe();
    if (outcome instanceof Failed failed) {
      return Optional.of(
          String.format(
              "cannot reach the Kubernetes API server %s (%s). It comes from %s. %s",
              server, failed.what(), from, unreachableFix(source)));
    }
    Answered answered = (Answered) outcome;
    int code = answered.code();
    if (code >= 200 && code < 300) {
      return Optional.empty();
    }
    if (code == 401 || code == 403) {
      String reason =
          code == 401
              ? "401 Unauthorized"
              : "403 Forbidden" + (answered.message().isEmpty() ? "" : ": " + answered.message());
      return Optional.of(
          String.format(
              "the Kubernetes API server %s refused the credentials (%s). They come from %s. %s",
              server, reason, from, credentialsFix(source)));
    }
    return Optional.of(
        String.format(
            "%s answered GET /%s with HTTP %d, which a Kubernetes API server does not. It comes"
                + " from %s. Point KUBECONFIG or --kubeconfig at a cluster's API server.",
            server, PATH, code, from));
  }

  /** The line to print when there is no configuration at all. */
  static String nothingConfigured(ConfigSource source) {
    return "no Kubernetes cluster configured: "
        + source.describe()
        + " and no in-cluster service account. Start a cluster and point KUBECONFIG or"
        + " --kubeconfig at its kubeconfig.";
  }

  /** A few words on why a request got no answer. */
  static String what(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + Comparison.duration(CONNECT_TIMEOUT);
      }
      if (t instanceof HttpTimeoutException) {
        return noAnswer(DEADLINE);
      }
      if (t instanceof ConnectException) {
        return t.getMessage() == null ? "connection refused" : t.getMessage();
      }
      if (t instanceof SSLException) {
        return "TLS failed: " + t.getMessage();
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : oneLine(root.getMessage());
  }

  /** A message of several lines, such as a YAML parser's, on one, without its caret lines. */
  static String oneLine(String message) {
    return message
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.matches("\\^+"))
        .collect(Collectors.joining(" "));
  }

  private static String noAnswer(Duration deadline) {
    return "no answer within " + Comparison.duration(deadline);
  }

  private static String unreachableFix(ConfigSource source) {
    return switch (source.kind()) {
      case SERVICE_ACCOUNT -> "Check that the pod can reach the API server.";
      case MASTER -> "Start the cluster, or set KUBERNETES_MASTER to a running one.";
      default -> "Start the cluster, or point KUBECONFIG or --kubeconfig at a running one.";
    };
  }

  private static String credentialsFix(ConfigSource source) {
    return source.kind() == ConfigSource.Kind.SERVICE_ACCOUNT
        ? "Check the pod's service account and its token."
        : "Log in again or renew them, or point KUBECONFIG or --kubeconfig at a kubeconfig whose"
            + " credentials the cluster accepts.";
  }

  private static String statusMessage(String body) {
    try {
      Status status = Serialization.unmarshal(body, Status.class);
      return status == null || status.getMessage() == null ? "" : status.getMessage();
    } catch (RuntimeException e) {
      return "";
    }
  }
}
