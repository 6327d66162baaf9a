package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a ScaledApi's spec without ever failing, as one bad object must not stop the reading of the
 * others: a spec that does not fit the API types is kept as sent, with a problem per field that
 * could not be read, and the rest of it read. Binding is strict (no unknown fields, no coercion of
 * a string to a number or of a number to a string), so that what the operator acts on is what the
 * schema allows.
 */
final class LenientSpec {
  /** Problems reported at most, one per unreadable field. */
  static final int MAX_PROBLEMS = 10;

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Enum,
              c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          .build();

  private LenientSpec() {}

  /** The spec in {@code json}; never throws. */
  static ScaledApiSpec read(JsonNode json) {
    List<String> problems = new ArrayList<>();
    if (!json.isObject()) {
      problems.add("spec must be an object; got " + FieldProblem.text(json));
      return empty().withRaw(new RawSpec(json, problems));
    }
    ObjectNode readable = json.deepCopy();
    while (problems.size() < MAX_PROBLEMS) {
      try {
        ScaledApiSpec spec = STRICT.treeToValue(readable, ScaledApiSpec.class);
        return problems.isEmpty() ? spec : spec.withRaw(new RawSpec(json, problems));
      } catch (JsonMappingException e) {
        problems.add(describe(e, readable));
        if (!FieldProblem.removeField(readable, e.getPath())) {
          break;
        }
      } catch (IOException | RuntimeException e) {
        problems.add("spec cannot be read: " + e.getMessage());
        break;
      }
    }
    return empty().withRaw(new RawSpec(json, problems));
  }

  private static String describe(JsonMappingException e, JsonNode readable) {
    try {
      return FieldProblem.describe(e, readable);
    } catch (RuntimeException unexpected) {
      return "spec cannot be read: " + e.getOriginalMessage();
    }
  }

  private static ScaledApiSpec empty() {
    return new ScaledApiSpec(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Reads {@code spec} with {@link #read}. */
  static final class Deserializer extends StdDeserializer<ScaledApiSpec> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(ScaledApiSpec.class);
    }

    @Override
    public ScaledApiSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return read(ctxt.readTree(p));
    }
  }

  /**
   * Writes a spec as read: one kept as sent as its JSON, so that a copy made through JSON (as the
   * operator framework makes before each reconcile) reads the same problems; any other as usual.
   */
  static final class Serializer extends StdSerializer<ScaledApiSpec> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(ScaledApiSpec.class);
    }

    @Override
    public void serialize(ScaledApiSpec spec, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (spec.raw() != null) {
        gen.writeTree(spec.raw().json());
      } else {
        provider.findValueSerializer(ScaledApiSpec.class).serialize(spec, gen, provider);
      }
    }

    /** The schema of a spec is that of its type, for the CRD generator. */
    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type)
        throws JsonMappingException {
      visitor
          .getProvider()
          .findValueSerializer(ScaledApiSpec.class)
          .acceptJsonFormatVisitor(visitor, type);
    }
  }
}
