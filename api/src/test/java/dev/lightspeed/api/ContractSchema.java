package dev.lightspeed.api;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates JSON against one definition of the agent API contract ({@code shared/contract/api.schema.json}),
 * for tests here and, through this module's test-jar, in the server's. Values are serialized with
 * {@link ApiJson} first, so what is checked is exactly what goes on the wire.
 *
 * <p>Two flavours: {@link #published()} is the schema as written; {@link #strict()} additionally closes every
 * object schema that declares {@code properties} ({@code additionalProperties: false} where the contract says
 * nothing), so a misspelled optional member fails instead of passing as an extra.
 *
 * <p>Where the contract is: the system property {@value #DIRECTORY_PROPERTY} if set, otherwise the first
 * {@code shared/contract} holding {@code api.schema.json} in the working directory or one of its ancestors
 * (Maven runs tests in the module directory, so a {@code shared} folder beside the repository is found).
 * Needs {@code com.networknt:json-schema-validator} and Jackson 3 on the test class path.
 */
public final class ContractSchema {
  /** System property naming the contract directory, overriding the search. */
  public static final String DIRECTORY_PROPERTY = "lightspeed.contract.dir";

  /** The schema file's name in the contract directory. */
  public static final String SCHEMA_FILE = "api.schema.json";

  private static final String RELATIVE = "shared/contract";
  /** The IRI the schema is registered under; served from memory, never fetched. */
  private static final String IRI = "https://contract.lightspeed.invalid/" + SCHEMA_FILE;
  private static final JsonMapper JSON3 = JsonMapper.builder().build();
  private static final Set<String> SCHEMA_MAPS = Set.of("definitions", "properties", "patternProperties");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "items");
  private static final Set<String> SCHEMA_VALUES = Set.of(
      "items", "additionalItems", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames");

  private static ContractSchema published;
  private static ContractSchema strict;

  private final SchemaRegistry registry;
  private final Set<String> definitions;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ContractSchema(ObjectNode document) {
    this.definitions = Set.copyOf(document.get("definitions").propertyNames());
    String text = JSON3.writeValueAsString(document);
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(Map.of(IRI, text)));
  }

  /** {@return the contract as published} */
  public static synchronized ContractSchema published() {
    if (published == null) published = new ContractSchema(load());
    return published;
  }

  /** {@return the contract with every object schema that lists {@code properties} closed to other members} */
  public static synchronized ContractSchema strict() {
    if (strict == null) {
      ObjectNode document = load();
      close(document);
      strict = new ContractSchema(document);
    }
    return strict;
  }

  /** {@return the contract directory ({@code shared/contract})} */
  public static Path directory() {
    return locate(System.getProperty(DIRECTORY_PROPERTY), Path.of(""));
  }

  /** {@return whether the contract has a definition named {@code name}} */
  public boolean hasDefinition(String name) {
    return definitions.contains(name);
  }

  /** {@return the validation errors of {@code value} (a Jackson 2 tree, a wire record, ...) against {@code definition}} */
  public List<String> errors(String definition, Object value) {
    if (!hasDefinition(definition)) {
      throw new IllegalArgumentException("the contract has no definition \"" + definition + "\"");
    }
    Schema schema = schemas.computeIfAbsent(definition,
        name -> registry.getSchema(SchemaLocation.of(IRI + "#/definitions/" + name)));
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(ApiJson.toJson(value), InputFormat.JSON)) errors.add(error.toString());
    return errors;
  }

  /**
   * Checks {@code value} against {@code definition}.
   *
   * @throws AssertionError listing the errors and the JSON when it does not conform
   */
  public void assertValid(String definition, Object value) {
    List<String> errors = errors(definition, value);
    if (!errors.isEmpty()) {
      throw new AssertionError("not a valid " + definition + ":\n  " + String.join("\n  ", errors)
          + "\njson: " + ApiJson.toJson(value));
    }
  }

  /** Checks a wire record against the definition of its own name (see {@link #definitionOf}). */
  public void assertValid(Object value) {
    assertValid(definitionOf(value.getClass()), value);
  }

  /**
   * Checks a method result the way it travels: wrapped as {@code {"result": ...}} and validated against
   * {@code AgentApiOutcomeOf<Name>}, where Name is the result record's class name.
   */
  public void assertOutcome(Object result) {
    Map<String, Object> outcome = Map.of("result", result);
    assertValid("AgentApiOutcomeOf" + definitionOf(result.getClass()), outcome);
  }

  /**
   * {@return the contract definition a wire type is named after} Its simple name, or for a variant of a sealed
   * union (e.g. {@code InputItem.Text}) the union's.
   */
  public static String definitionOf(Class<?> type) {
    Class<?> enclosing = type.getEnclosingClass();
    if (enclosing != null && enclosing.isSealed()) return enclosing.getSimpleName();
    return type.getSimpleName();
  }

  /**
   * Members Lightspeed adds to contract definitions, by definition and member, each with its JSON schema. Both
   * flavours know them, so a record that carries one still conforms (and {@link #strict()} still refuses a
   * misspelling of it).
   */
  public static final Map<String, Map<String, String>> EXTENSIONS = Map.of(
      "McpServerInput", Map.of(
          "execution", "{\"enum\":[\"harness\",\"provider\"]}",
          "headers", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
          "command", "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}"),
      "McpServerView", Map.of(
          "execution", "{\"enum\":[\"harness\",\"provider\"]}",
          "headerNames", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",
          "command", "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}",
          "login", "{\"$ref\":\"#/definitions/McpServerLoginView\"}"));

  /** Definitions Lightspeed adds for the methods and views it serves beyond the contract. */
  public static final Map<String, String> DEFINITIONS = Map.of(
      "RunApproveParams", "{\"type\":\"object\",\"required\":[\"sessionId\",\"runId\",\"callId\",\"decision\"],\"properties\":{"
          + "\"sessionId\":{\"type\":\"string\"},\"runId\":{\"type\":\"string\"},\"callId\":{\"type\":\"string\"},"
          + "\"decision\":{\"enum\":[\"approve\",\"deny\"]},\"note\":{\"type\":[\"string\",\"null\"]}}}",
      "RunApproveResponse", "{\"type\":\"object\",\"required\":[\"run\"],\"properties\":{\"run\":{\"$ref\":\"#/definitions/RunView\"}}}",
      "McpServerLoginStartParams", "{\"type\":\"object\",\"required\":[\"serverId\",\"redirectUri\"],\"properties\":{"
          + "\"serverId\":{\"type\":\"string\"},\"redirectUri\":{\"type\":\"string\"},\"clientId\":{\"type\":[\"string\",\"null\"]}}}",
      "McpServerLoginStartResponse", "{\"type\":\"object\",\"required\":[\"authorizationUrl\",\"state\",\"expiresAtMs\"],\"properties\":{"
          + "\"authorizationUrl\":{\"type\":\"string\"},\"state\":{\"type\":\"string\"},\"expiresAtMs\":{\"type\":\"integer\",\"minimum\":0}}}",
      "McpServerLoginCompleteParams", "{\"type\":\"object\",\"required\":[\"serverId\",\"state\",\"code\"],\"properties\":{"
          + "\"serverId\":{\"type\":\"string\"},\"state\":{\"type\":\"string\"},\"code\":{\"type\":\"string\"}}}",
      "McpServerLoginCompleteResponse", "{\"type\":\"object\",\"required\":[\"server\"],\"properties\":{"
          + "\"server\":{\"$ref\":\"#/definitions/McpServerView\"}}}",
      "McpServerLoginView", "{\"type\":\"object\",\"required\":[\"status\"],\"properties\":{"
          + "\"status\":{\"enum\":[\"loggedIn\",\"loggedOut\",\"unreadable\"]},\"authorizationServer\":{\"type\":\"string\"},"
          + "\"scopes\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"expiresAtMs\":{\"type\":\"integer\"},"
          + "\"refreshable\":{\"type\":\"boolean\"},\"problem\":{\"type\":\"string\"}}}");

  private static ObjectNode load() {
    Path file = directory().resolve(SCHEMA_FILE);
    try {
      ObjectNode document = (ObjectNode) JSON3.readTree(Files.readString(file));
      ObjectNode definitions = (ObjectNode) document.get("definitions");
      for (Map.Entry<String, String> added : DEFINITIONS.entrySet()) {
        definitions.set(added.getKey(), JSON3.readTree(added.getValue()));
        if (added.getKey().endsWith("Response")) {
          definitions.set("AgentApiOutcomeOf" + added.getKey(), JSON3.readTree("{\"type\":\"object\",\"required\":[\"result\"],\"properties\":{"
              + "\"notifications\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/AgentNotification\"}},"
              + "\"result\":{\"$ref\":\"#/definitions/" + added.getKey() + "\"}}}"));
        }
      }
      for (Map.Entry<String, Map<String, String>> extension : EXTENSIONS.entrySet()) {
        ObjectNode properties = (ObjectNode) definitions.get(extension.getKey()).get("properties");
        for (Map.Entry<String, String> member : extension.getValue().entrySet()) {
          properties.set(member.getKey(), JSON3.readTree(member.getValue()));
        }
      }
      return document;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Adds {@code additionalProperties: false} to every schema with {@code properties} and no such keyword. */
  private static void close(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) return;
    if (object.has("properties") && !object.has("additionalProperties") && !object.has("patternProperties")) {
      object.put("additionalProperties", false);
    }
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String keyword = member.getKey();
      JsonNode value = member.getValue();
      if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
        for (JsonNode sub : value.values()) close(sub);
      } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
        for (JsonNode sub : value.values()) close(sub);
      } else if (SCHEMA_VALUES.contains(keyword)) {
        close(value);
      }
    }
  }

  /**
   * Finds the contract directory: {@code property} if set, else the first {@value #RELATIVE} with an
   * {@value #SCHEMA_FILE} in {@code start} or an ancestor.
   */
  static Path locate(String property, Path start) {
    if (property != null && !property.isBlank()) {
      Path directory = Path.of(property).toAbsolutePath().normalize();
      if (!Files.isRegularFile(directory.resolve(SCHEMA_FILE))) {
        throw new IllegalStateException(
            "-D" + DIRECTORY_PROPERTY + "=" + property + " does not name a directory with " + SCHEMA_FILE);
      }
      return directory;
    }
    Path from = start.toAbsolutePath().normalize();
    List<Path> looked = new ArrayList<>();
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      looked.add(candidate);
      if (Files.isRegularFile(candidate.resolve(SCHEMA_FILE))) return candidate;
    }
    throw new IllegalStateException("agent API contract not found: no " + RELATIVE + "/" + SCHEMA_FILE + " in "
        + from + " or any ancestor (looked in " + looked + "); put the shared folder beside the repository or set -D"
        + DIRECTORY_PROPERTY);
  }
}
