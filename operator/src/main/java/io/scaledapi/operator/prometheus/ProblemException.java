package io.scaledapi.operator.prometheus;

/** Carries a {@link Problem} out of nested reading code; no stack trace. */
final class ProblemException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  ProblemException(FailureKind kind, int status, String errorType, String message) {
    super(message, null, false, false);
    this.problem = new Problem(kind, status, errorType, message);
  }

  Problem problem() {
    return problem;
  }
}
