package io.scaledapi.operator.prometheus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hides a client's credentials in text that leaves it: a server (or a proxy in front of it) may
 * echo the {@code Authorization} header back in an error body, and error bodies end up in status
 * conditions, events and logs. Every form the credentials travel in is replaced by {@value #MASK}:
 * the token, the password, the basic-auth pair and its base64 form, and their URL-encoded forms.
 */
final class Redaction {
  static final String MASK = "***";

  private static final Redaction NONE = new Redaction(List.of());

  /** The secrets, longest first, so that a longer form is hidden as a whole. */
  private final List<String> secrets;

  private Redaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /** Hides the credentials of {@code auth}. */
  static Redaction of(PrometheusAuth auth) {
    Set<String> forms = new LinkedHashSet<>();
    if (auth instanceof PrometheusAuth.Bearer bearer) {
      forms.add(bearer.token());
    } else if (auth instanceof PrometheusAuth.Basic basic) {
      String pair = basic.username() + ":" + basic.password();
      forms.add(basic.password());
      forms.add(pair);
      forms.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    Set<String> all = new LinkedHashSet<>();
    for (String form : forms) {
      if (!form.isEmpty()) {
        all.add(form);
        all.add(URLEncoder.encode(form, StandardCharsets.UTF_8));
      }
    }
    if (all.isEmpty()) {
      return NONE;
    }
    return new Redaction(
        all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  /** {@code text} with every occurrence of a secret replaced by {@value #MASK}. */
  String apply(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /**
   * {@code text}, the start of something longer, with every secret masked, including one cut off at
   * its end: an end that is the start of a secret is masked too.
   */
  String applyToStart(String text) {
    String result = apply(text);
    while (result.endsWith("\uFFFD")) { // a character cut in two
      result = result.substring(0, result.length() - 1);
    }
    int cut = 0;
    for (String secret : secrets) {
      for (int length = secret.length() - 1; length > cut; length--) {
        if (result.endsWith(secret.substring(0, length))) {
          cut = length;
        }
      }
    }
    return cut == 0 ? result : result.substring(0, result.length() - cut) + MASK;
  }

  /** The same problem with its message and error type redacted. */
  Problem apply(Problem problem) {
    String errorType = problem.errorType() == null ? null : apply(problem.errorType());
    return new Problem(problem.kind(), problem.httpStatus(), errorType, apply(problem.message()));
  }

  @Override
  public String toString() {
    return "Redaction(" + secrets.size() + " forms)";
  }
}
