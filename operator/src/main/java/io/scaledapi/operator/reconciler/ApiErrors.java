package io.scaledapi.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/**
 * An API server's refusal as a condition or event shows it: the HTTP code and the server's own
 * message, not the client's dump of the request and the whole Status; a refusal for want of a
 * permission also says how to grant it.
 */
final class ApiErrors {
  static final String GRANT_HINT =
      "; the operator's ServiceAccount lacks this permission: install the chart with"
          + " rbac.create=true or add the rule to its role";

  private ApiErrors() {}

  /** {@code HTTP <code>: <message>} for an answer, else the nearest cause's message. */
  static String describe(Throwable t) {
    Throwable cause = t;
    while (!(cause instanceof KubernetesClientException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
      return "HTTP " + k.getCode() + ": " + message(k);
    }
    return String.valueOf(cause.getMessage());
  }

  /** The server's message for an answer (the client's when it sent none), with the grant hint. */
  static String message(KubernetesClientException e) {
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    return e.getCode() == HttpURLConnection.HTTP_FORBIDDEN ? message + GRANT_HINT : message;
  }
}
