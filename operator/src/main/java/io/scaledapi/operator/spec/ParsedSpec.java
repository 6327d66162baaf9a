package io.scaledapi.operator.spec;

import java.time.Duration;
import java.util.List;

/** A spec after {@link SpecParser}: settings to act on, or the problems that stop it. */
public sealed interface ParsedSpec {

  /** How often to poll; for an invalid spec, the interval to check it again. */
  Duration pollingInterval();

  /** What stops the spec from being acted on; empty when it is valid. */
  List<String> problems();

  record Valid(ScaledApiSettings settings) implements ParsedSpec {
    @Override
    public Duration pollingInterval() {
      return settings.pollingInterval();
    }

    @Override
    public List<String> problems() {
      return List.of();
    }
  }

  /**
   * @param problems each naming the field and the fix
   */
  record Invalid(List<String> problems, Duration pollingInterval) implements ParsedSpec {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }
}
