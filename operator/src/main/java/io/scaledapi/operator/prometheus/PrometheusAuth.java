package io.scaledapi.operator.prometheus;

import java.util.Objects;

/**
 * How requests to Prometheus authenticate. The {@code toString} of every variant hides the secret,
 * so instances can be logged.
 */
public sealed interface PrometheusAuth {

  /** No {@code Authorization} header. */
  record None() implements PrometheusAuth {}

  /**
   * {@code Authorization: Bearer <token>}. Leading and trailing whitespace (such as the newline
   * that ends a token file) is removed.
   */
  record Bearer(String token) implements PrometheusAuth {

    /** Strips and checks the token. */
    public Bearer {
      Objects.requireNonNull(token, "token");
      token = token.strip();
      if (token.isEmpty()) {
        throw new IllegalArgumentException("bearer token is empty");
      }
      if (token.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("bearer token contains control characters");
      }
    }

    @Override
    public String toString() {
      return "Bearer(***)";
    }
  }

  /** HTTP basic authentication; the username must not contain a colon. */
  record Basic(String username, String password) implements PrometheusAuth {

    /** Checks both parts. */
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("basic auth username must not contain ':'");
      }
    }

    @Override
    public String toString() {
      return "Basic(username=" + username + ", password=***)";
    }
  }
}
