package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  static KubernetesClientException answered(int code, String message) {
    return new KubernetesClientException(
        new StatusBuilder().withCode(code).withMessage(message).build());
  }

  @Test
  void anAnswerIsItsCodeAndTheServersMessageAlone() {
    assertThat(ApiErrors.describe(answered(404, "deployments.apps \"api\" not found")))
        .isEqualTo("HTTP 404: deployments.apps \"api\" not found");
  }

  @Test
  void aRefusalSaysHowToGrantThePermission() {
    String forbidden =
        "deployments.apps \"api\" is forbidden: User \"system:serviceaccount:ops:op\" cannot get"
            + " resource \"deployments/scale\"";
    assertThat(ApiErrors.describe(answered(403, forbidden)))
        .isEqualTo("HTTP 403: " + forbidden + ApiErrors.GRANT_HINT);
    assertThat(ApiErrors.message(answered(403, forbidden))).endsWith(ApiErrors.GRANT_HINT);
  }

  @Test
  void aWrappedAnswerIsFoundThroughItsCauses() {
    RuntimeException wrapped =
        new IllegalStateException("watch failed", answered(410, "too old resource version"));
    assertThat(ApiErrors.describe(wrapped)).isEqualTo("HTTP 410: too old resource version");
  }

  @Test
  void withoutAnAnswerTheDeepestCauseSpeaks() {
    RuntimeException failure =
        new KubernetesClientException("request failed", new IOException("connection refused"));
    assertThat(ApiErrors.describe(failure)).isEqualTo("request failed");
    assertThat(ApiErrors.describe(new IllegalStateException("x", new IOException("refused"))))
        .isEqualTo("refused");
  }
}
