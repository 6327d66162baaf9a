package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A spec as sent, kept when it does not fit the API types: its JSON, which is written back
 * unchanged, and a problem per field that could not be read, each naming the field and what it must
 * be.
 */
public record RawSpec(JsonNode json, List<String> problems) {
  public RawSpec {
    Objects.requireNonNull(json, "json");
    problems = List.copyOf(problems);
  }
}
