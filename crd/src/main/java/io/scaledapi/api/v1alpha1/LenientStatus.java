package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a ScaledApi's status, or nothing when it does not fit the API types (a value out of range
 * or of the wrong type): the operator writes a new one at its next reconcile. Fields it does not
 * know, from a newer operator, are ignored.
 */
final class LenientStatus extends StdDeserializer<ScaledApiStatus> {
  private static final long serialVersionUID = 1L;

  LenientStatus() {
    super(ScaledApiStatus.class);
  }

  @Override
  public ScaledApiStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode json = ctxt.readTree(p);
    try {
      return ctxt.readTreeAsValue(json, ScaledApiStatus.class);
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
