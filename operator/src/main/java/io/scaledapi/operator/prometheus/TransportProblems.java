package io.scaledapi.operator.prometheus;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what went wrong while talking to one endpoint into {@link Problem}s with clear text. */
final class TransportProblems {

  private final URI address;
  private final Duration timeout;

  TransportProblems(URI address, Duration timeout) {
    this.address = address;
    this.timeout = timeout;
  }

  /** Classifies an exception raised by the HTTP client; rethrows {@link Error}s. */
  Problem of(Throwable error) {
    if (causedBy(error, HttpConnectTimeoutException.class)) {
      return new Problem(
          FailureKind.TIMEOUT,
          0,
          null,
          "cannot connect to " + address + " within " + Descriptions.duration(timeout));
    }
    if (causedBy(error, HttpTimeoutException.class)) {
      return timedOut();
    }
    if (causedBy(error, BodyStream.ResponseTooLargeException.class)) {
      return new Problem(FailureKind.BAD_RESPONSE, 0, null, rootMessage(error));
    }
    if (causedBy(error, SSLException.class)) {
      return connection("TLS handshake failed: " + rootMessage(error));
    }
    if (causedBy(error, UnresolvedAddressException.class)
        || causedBy(error, UnknownHostException.class)) {
      return connection("unknown host " + address.getHost());
    }
    if (causedBy(error, ConnectException.class)) {
      // the JDK client reports a refused connection without any message
      String reason = rootMessage(error, "connection refused");
      boolean refused = reason.toLowerCase(Locale.ROOT).contains("refused");
      return connection(refused ? "connection refused" : reason);
    }
    if (error instanceof Error fatal) {
      throw fatal;
    }
    return new Problem(
        FailureKind.CONNECTION,
        0,
        null,
        "request to " + address + " failed: " + rootMessage(error));
  }

  Problem connection(String reason) {
    return new Problem(
        FailureKind.CONNECTION, 0, null, "cannot connect to " + address + ": " + reason);
  }

  /** No complete answer within the timeout; says where from, and how long it waited. */
  Problem timedOut() {
    return new Problem(
        FailureKind.TIMEOUT,
        0,
        null,
        "no answer from Prometheus at " + address + " within " + Descriptions.duration(timeout));
  }

  Problem interrupted() {
    return new Problem(FailureKind.TIMEOUT, 0, null, "interrupted while waiting for Prometheus");
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable error) {
    return rootMessage(error, error.getClass().getSimpleName());
  }

  /** The message of the innermost cause that has one, or {@code fallback}. */
  private static String rootMessage(Throwable error, String fallback) {
    String message = fallback;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message;
  }
}
