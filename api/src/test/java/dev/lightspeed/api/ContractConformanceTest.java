package dev.lightspeed.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.events.SessionEventsReadResponse;
import dev.lightspeed.api.rpc.ErrorData;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.Outcome;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.session.SessionReadResponse;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the wire types against {@code shared/contract}: every sample serializes to JSON the (strict)
 * schema accepts, the method table matches {@code methods.json}, and every record, variant and enum spells
 * its members and values exactly as the schema does.
 */
class ContractConformanceTest {
  private static final ContractSchema STRICT = ContractSchema.strict();

  static List<Samples.MethodSample> methods() {
    return Samples.methods();
  }

  static List<Map.Entry<String, Object>> views() {
    return Samples.views();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void paramsConform(Samples.MethodSample sample) {
    String definition = MethodTypes.of(sample.method()).orElseThrow().params().getSimpleName();
    STRICT.assertValid(definition, sample.params());
    STRICT.assertValid(definition, sample.minimalParams());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void resultConformsAsOutcome(Samples.MethodSample sample) {
    assertThat(sample.result()).isInstanceOf(MethodTypes.of(sample.method()).orElseThrow().result());
    STRICT.assertOutcome(sample.result());
    String outcome = "AgentApiOutcomeOf" + sample.result().getClass().getSimpleName();
    STRICT.assertValid(outcome, Outcome.of(sample.result()));
    JsonNode notification = Samples.json("{\"method\":\"session/status/changed\",\"params\":{\"sessionId\":\""
        + Samples.SESSION_ID + "\",\"status\":\"idle\"}}");
    STRICT.assertValid(outcome, new Outcome<>(sample.result(), List.of(notification)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("views")
  void viewConforms(Map.Entry<String, Object> view) {
    STRICT.assertValid(view.getKey(), view.getValue());
  }

  @Test
  void everyServedMethodMatchesMethodsJson() throws IOException {
    JsonNode methods = ApiJson.mapper().readTree(ContractSchema.directory().resolve("methods.json").toFile());
    for (String method : Methods.ALL) {
      JsonNode entry = null;
      for (JsonNode candidate : methods.get("methods")) {
        if (candidate.get("method").asText().equals(method)) entry = candidate;
      }
      assertThat(entry).as(method).isNotNull();
      MethodTypes.Binding binding = MethodTypes.of(method).orElseThrow();
      assertThat(entry.at("/params/type").asText()).as(method).isEqualTo(binding.params().getSimpleName());
      assertThat(entry.at("/result/type").asText())
          .as(method)
          .isEqualTo("AgentApiOutcome<" + binding.result().getSimpleName() + ">");
    }
    assertThat(methods.get("protocolVersion").asText()).isEqualTo(Protocol.VERSION);
    assertThat(methods.at("/transport/endpoint").asText()).isEqualTo(Protocol.ENDPOINT);
  }

  @Test
  void errorsConform() throws IOException {
    STRICT.assertValid("JsonRpcError", RpcError.of(ErrorKind.NOT_FOUND, "session ses_x not found"));
    STRICT.assertValid("JsonRpcError", RpcError.protocol(-32700, "parse error"));
    STRICT.assertValid("AgentApiError", new ErrorData(ErrorKind.SESSION_BOOTSTRAP_FAILED, "rehydration failed"));
    for (ErrorKind kind : ErrorKind.values()) STRICT.assertValid("AgentApiErrorKind", kind);
    assertThat(wireValues(ErrorKind.class)).isEqualTo(schemaValues("AgentApiErrorKind"));
  }

  @Test
  void everyEnumSpellsTheSchemaValues() throws Exception {
    List<Class<?>> enums = apiClasses().stream().filter(Class::isEnum).toList();
    assertThat(enums).hasSizeGreaterThanOrEqualTo(13);
    for (Class<?> type : enums) {
      String definition = type == ErrorKind.class ? "AgentApiErrorKind" : type.getSimpleName();
      assertThat(schema().has(definition)).as("definition " + definition).isTrue();
      assertThat(wireValues(type)).as(definition).isEqualTo(schemaValues(definition));
    }
  }

  /**
   * Every record's components are exactly the schema definition's properties (for union variants, the
   * properties of the variant with that tag, minus the tag), so no member is misspelled, missing or extra.
   */
  @Test
  void everyRecordSpellsTheSchemaMembers() throws Exception {
    Map<Class<?>, String> renamed = Map.of(ErrorData.class, "AgentApiError", RpcError.class, "JsonRpcError");
    Set<String> checked = new TreeSet<>();
    for (Class<?> type : apiClasses()) {
      if (!type.isRecord() || type.getPackageName().endsWith(".rpc") && !renamed.containsKey(type)) continue;
      if (type == MethodTypes.Binding.class) continue;
      String definition = renamed.getOrDefault(type, ContractSchema.definitionOf(type));
      JsonNode schema = schema().get(definition);
      assertThat(schema).as("definition for " + type.getName()).isNotNull();
      Set<String> expected;
      Class<?> union = type.getEnclosingClass();
      if (union != null && union.isSealed()) {
        String tagProperty = union.getAnnotation(JsonTypeInfo.class).property();
        String tag = Arrays.stream(union.getAnnotation(JsonSubTypes.class).value())
            .filter(t -> t.value() == type).findFirst().orElseThrow().name();
        JsonNode variant = null;
        for (JsonNode candidate : schema.get("oneOf")) {
          if (candidate.at("/properties/" + tagProperty + "/const").asText().equals(tag)) variant = candidate;
        }
        assertThat(variant).as(type.getName() + " variant " + tag).isNotNull();
        expected = names(variant.get("properties"));
        expected.remove(tagProperty);
      } else {
        expected = names(schema.get("properties"));
        expected.addAll(ContractSchema.EXTENSIONS.getOrDefault(definition, Map.of()).keySet());
      }
      assertThat(components(type)).as(type.getName()).isEqualTo(expected);
      checked.add(type.getSimpleName());
    }
    assertThat(checked).hasSizeGreaterThan(80);
  }

  @Test
  void theValidatorRejectsWhatTheContractForbids() {
    ObjectNode misspelled = Samples.json("{\"sessionId\":\"s\",\"limitt\":3}");
    assertThat(ContractSchema.published().errors("SessionEventsReadParams", misspelled)).isEmpty();
    assertThat(STRICT.errors("SessionEventsReadParams", misspelled)).isNotEmpty();
    assertThat(STRICT.errors("SessionEventsReadParams", Samples.json("{\"limit\":3}"))).isNotEmpty();
    assertThat(STRICT.errors("AgentApiOutcomeOfSessionReadResponse", Samples.json("{\"session\":{}}"))).isNotEmpty();
    assertThat(STRICT.errors("RunView", Samples.json("{\"id\":\"r\",\"status\":\"done\",\"source\":"
        + "{\"type\":\"context\",\"keys\":[]}}"))).isNotEmpty();
    assertThat(STRICT.errors("InputItem", Samples.json("{\"type\":\"media\",\"blobRef\":\"b\"}"))).isNotEmpty();
    assertThat(STRICT.errors("EventCursor", Samples.json("{\"seq\":-1}"))).isNotEmpty();
  }

  /** Errors deep inside a result are found too: the definitions' {@code $ref}s are followed. */
  @Test
  void theValidatorFollowsReferencesIntoNestedViews() {
    String outcome = "AgentApiOutcomeOfSessionReadResponse";
    Outcome<SessionReadResponse> read = Outcome.of(new SessionReadResponse(Samples.session()));
    STRICT.assertValid(outcome, read);

    ObjectNode badRole = (ObjectNode) ApiJson.toTree(read);
    ((ObjectNode) badRole.at("/result/session/runs/0/entries/0/kind")).put("role", "system");
    assertThat(STRICT.errors(outcome, badRole)).isNotEmpty();

    ObjectNode badQuality = (ObjectNode) ApiJson.toTree(read);
    ((ObjectNode) badQuality.at("/result/session/activeContext/entries/0/tokenEstimate")).put("quality", "guess");
    assertThat(STRICT.errors(outcome, badQuality)).isNotEmpty();

    ObjectNode extraMember = (ObjectNode) ApiJson.toTree(read);
    ((ObjectNode) extraMember.at("/result/session/activeContext/entries/1")).put("previewText", "x");
    assertThat(ContractSchema.published().errors(outcome, extraMember)).isEmpty();
    assertThat(STRICT.errors(outcome, extraMember)).isNotEmpty();

    ObjectNode badEvent = (ObjectNode) ApiJson.toTree(Outcome.of(new SessionEventsReadResponse(
        List.of(Samples.event()), null, null, true, null)));
    ((ObjectNode) badEvent.at("/result/events/0/kind")).remove("runId");
    assertThat(STRICT.errors("AgentApiOutcomeOfSessionEventsReadResponse", badEvent)).isNotEmpty();
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private static JsonNode schemaDocument;

  private static synchronized JsonNode schema() throws IOException {
    if (schemaDocument == null) {
      ObjectNode definitions = (ObjectNode) ApiJson.mapper()
          .readTree(ContractSchema.directory().resolve(ContractSchema.SCHEMA_FILE).toFile())
          .get("definitions");
      // Lightspeed's own methods are held to the definitions it publishes for them
      for (Map.Entry<String, String> added : ContractSchema.DEFINITIONS.entrySet()) {
        definitions.set(added.getKey(), ApiJson.mapper().readTree(added.getValue()));
      }
      schemaDocument = definitions;
    }
    return schemaDocument;
  }

  private static Set<String> names(JsonNode properties) {
    Set<String> names = new TreeSet<>();
    if (properties == null) return names; // an object schema without properties, e.g. params of a method that takes none
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> components(Class<?> record) {
    Set<String> names = new TreeSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      JsonProperty renamed = component.getAnnotation(JsonProperty.class);
      names.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
    }
    return names;
  }

  private static Set<String> wireValues(Class<?> type) {
    Set<String> values = new LinkedHashSet<>();
    for (Object constant : type.getEnumConstants()) values.add(((WireValue) constant).wire());
    return new TreeSet<>(values);
  }

  /** The string values a definition allows: its {@code enum}, or the enums and consts of its {@code oneOf}. */
  private static Set<String> schemaValues(String definition) throws IOException {
    Set<String> values = new TreeSet<>();
    JsonNode schema = schema().get(definition);
    List<JsonNode> parts = new ArrayList<>();
    parts.add(schema);
    if (schema.has("oneOf")) schema.get("oneOf").forEach(parts::add);
    for (JsonNode part : parts) {
      if (part.has("enum")) part.get("enum").forEach(v -> values.add(v.asText()));
      if (part.has("const")) values.add(part.get("const").asText());
    }
    return values;
  }

  /** Every class compiled from {@code src/main/java}, found by walking the classes directory. */
  private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(ApiJson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        classes.add(Class.forName(name));
      }
    }
    return classes;
  }
}
