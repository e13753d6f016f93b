package dev.lightspeed.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.lightspeed.api.rpc.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The one Jackson configuration both ends of the agent API use, so what the server writes is what the
 * client reads: records, absent optional members omitted, compact output, no lenient coercions (a string is
 * never read as a number or the reverse). Params are read strictly by {@link #readParams}, which turns every
 * binding failure into an {@link InvalidParamsException} that names the method and the member.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = newMapper();
  private static final ObjectReader PARAMS_READER = MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ApiJson() {}

  /**
   * {@return a new mapper configured for the agent API} Unknown members are ignored by this mapper so a
   * client tolerates results from a newer server; {@link #readParams} turns them into errors instead, except
   * in types whose schema allows additional members (those carry {@code @JsonIgnoreProperties}).
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        .disable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .build();
  }

  /** {@return the shared mapper built by {@link #newMapper()}; do not reconfigure it} */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@return {@code value} as a JSON tree, e.g. an {@link Outcome} to put in a response's {@code result}} */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** {@return {@code value} as compact JSON text} */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return a response's {@code result} decoded as an {@link Outcome} of {@code resultType}}
   *
   * @throws IllegalArgumentException when it does not fit
   */
  public static <T> Outcome<T> readOutcome(JsonNode result, Class<T> resultType) {
    JavaType type = MAPPER.getTypeFactory().constructParametricType(Outcome.class, resultType);
    return MAPPER.convertValue(result, type);
  }

  /**
   * {@return {@code params} decoded as {@code type}, one of the params types in {@link MethodTypes}}
   *
   * @throws InvalidParamsException when they do not fit, naming the method
   */
  public static <T> T readParams(JsonNode params, Class<T> type) {
    return readParams(MethodTypes.methodOf(type), params, type);
  }

  /**
   * {@return {@code params} of {@code method} decoded as {@code type}} Absent or null params read as
   * {@code {}}, so methods without required members can be called without them. Members unknown to a type
   * whose schema is closed ({@code additionalProperties: false}) are refused.
   *
   * @throws InvalidParamsException when they do not fit: the message names the method and the member path,
   *     e.g. {@code session/runs/start: missing required field "sessionId"}
   */
  public static <T> T readParams(String method, JsonNode params, Class<T> type) {
    JsonNode input = params == null || params.isNull() || params.isMissingNode()
        ? JsonNodeFactory.instance.objectNode()
        : params;
    if (!input.isObject()) {
      throw new InvalidParamsException(
          method, null, "params must be an object of named members, not " + describe(input), null);
    }
    try {
      return PARAMS_READER.forType(type).readValue(input);
    } catch (IOException e) {
      throw explain(method, input, e);
    }
  }

  private static InvalidParamsException explain(String method, JsonNode input, IOException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return new InvalidParamsException(method, null, "invalid params: " + e.getMessage(), e);
    }
    String path = path(mapping);
    InvalidFieldException field = fieldProblem(e);
    if (field != null) {
      String full = join(path, field.field());
      String problem = field.isMissing()
          ? "missing required field \"" + full + "\""
          : "field \"" + full + "\" " + field.problem();
      return new InvalidParamsException(method, full, problem, e);
    }
    if (e instanceof UnrecognizedPropertyException) {
      return new InvalidParamsException(method, path, "unknown field \"" + path + "\"", e);
    }
    if (e instanceof InvalidTypeIdException typeId) {
      JsonNode found = at(input, mapping);
      if (!path.isEmpty() && !found.isObject()) {
        return new InvalidParamsException(method, path, found.isNull()
            ? "field \"" + path + "\" must not be null"
            : "field \"" + path + "\" must be an object, not " + describe(found), e);
      }
      Class<?> base = typeId.getBaseType().getRawClass();
      JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
      String full = join(path, info == null ? "type" : info.property());
      if (typeId.getTypeId() == null) {
        return new InvalidParamsException(method, full, "missing required field \"" + full + "\"", e);
      }
      return new InvalidParamsException(method, full, "field \"" + full + "\" has unknown value \""
          + typeId.getTypeId() + "\"; expected one of " + subtypeNames(base), e);
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return new InvalidParamsException(method, path, "field \"" + path + "\" has invalid value \""
          + format.getValue() + "\"; expected one of " + WireValue.accepted(format.getTargetType()), e);
    }
    if (e instanceof MismatchedInputException mismatch && !path.isEmpty()) {
      JsonNode found = at(input, mapping);
      if (found.isNull()) {
        return new InvalidParamsException(method, path, "field \"" + path + "\" must not be null", e);
      }
      String expected = expected(mismatch.getTargetType());
      if (expected != null) {
        return new InvalidParamsException(method, path,
            "field \"" + path + "\" must be " + expected + ", not " + describe(found), e);
      }
    }
    String where = path.isEmpty() ? "" : " at \"" + path + "\"";
    return new InvalidParamsException(method, path.isEmpty() ? null : path,
        "invalid params" + where + ": " + mapping.getOriginalMessage(), e);
  }

  private static InvalidFieldException fieldProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidFieldException field) return field;
      if (t.getCause() == t) break;
    }
    return null;
  }

  /** The member path of a binding failure, e.g. {@code source.items[0].text}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String join(String path, String member) {
    if (path.isEmpty()) return member;
    return member.startsWith("[") ? path + member : path + "." + member;
  }

  private static JsonNode at(JsonNode input, JsonMappingException e) {
    JsonNode node = input;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) node = node.path(ref.getFieldName());
      else if (ref.getIndex() >= 0) node = node.path(ref.getIndex());
      else return MissingNode.getInstance();
    }
    return node;
  }

  private static String expected(Class<?> target) {
    if (target == null) return null;
    if (target == String.class) return "a string";
    if (target == Boolean.class || target == boolean.class) return "a boolean";
    if (target == Long.class || target == long.class || target == Integer.class || target == int.class) {
      return "an integer";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) return "an array";
    if (target.isEnum()) return "a string";
    if (JsonNode.class.isAssignableFrom(target) || target.isRecord() || target.isInterface()) return "an object";
    return null;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case NUMBER -> "a number";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      default -> "nothing";
    };
  }

  private static String subtypeNames(Class<?> base) {
    JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
    if (subtypes == null) return "?";
    return Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
  }
}
