package dev.lightspeed.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to a call's arguments. Unknown names are refused (listing the accepted ones), so a
 * misspelt option is reported rather than silently ignored. A JSON {@code null} counts as absent. Numbers and
 * booleans sent as strings ({@code "20"}, {@code "true"}) are accepted, as models often send them so.
 */
public final class ToolArgs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String tool;
  private final ObjectNode node;

  private ToolArgs(String tool, ObjectNode node) {
    this.tool = tool;
    this.node = node;
  }

  /**
   * {@return the arguments object in {@code json}; blank text counts as no arguments}
   *
   * @throws ToolArgumentException when the text is not a JSON object
   */
  public static ObjectNode parseObject(String json) {
    if (json.isBlank()) return JSON.createObjectNode();
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ToolArgumentException("the arguments are not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) throw new ToolArgumentException("the arguments must be a JSON object");
    return object;
  }

  /**
   * {@return the arguments of a call of {@code tool}}
   *
   * @throws ToolArgumentException when an argument's name is not in {@code accepted}
   */
  public static ToolArgs of(String tool, ObjectNode node, Set<String> accepted) {
    Objects.requireNonNull(node, "node");
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!accepted.contains(name)) {
        throw new ToolArgumentException(tool + " has no argument \"" + name + "\"; it accepts " + String.join(", ", new TreeSet<>(accepted)));
      }
    }
    return new ToolArgs(tool, node);
  }

  private Optional<JsonNode> find(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** @throws ToolArgumentException when absent or not a string */
  public String requiredString(String name) {
    return string(name).orElseThrow(() -> new ToolArgumentException(tool + " needs the argument \"" + name + "\""));
  }

  /** @throws ToolArgumentException when present but not a string */
  public Optional<String> string(String name) {
    return find(name).map(v -> {
      if (!v.isTextual()) throw new ToolArgumentException("argument \"" + name + "\" of " + tool + " must be a string");
      return v.textValue();
    });
  }

  /** @throws ToolArgumentException when present but not an integer of at least {@code min} */
  public Optional<Integer> integer(String name, int min) {
    return find(name).map(v -> {
      long value;
      if (v.isIntegralNumber() || (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()))) {
        value = v.asLong();
      } else if (v.isTextual() && v.textValue().strip().matches("-?\\d{1,18}")) {
        value = Long.parseLong(v.textValue().strip());
      } else {
        throw new ToolArgumentException("argument \"" + name + "\" of " + tool + " must be an integer");
      }
      if (value < min) throw new ToolArgumentException("argument \"" + name + "\" of " + tool + " must be at least " + min + ", not " + value);
      return (int) Math.min(value, Integer.MAX_VALUE);
    });
  }

  /** @throws ToolArgumentException when present but not a boolean */
  public Optional<Boolean> bool(String name) {
    return find(name).map(v -> {
      if (v.isBoolean()) return v.booleanValue();
      if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) return Boolean.parseBoolean(v.textValue());
      throw new ToolArgumentException("argument \"" + name + "\" of " + tool + " must be true or false");
    });
  }

  /** @throws ToolArgumentException when present but not an array of strings */
  public Optional<List<String>> strings(String name) {
    return find(name).map(v -> {
      if (!v.isArray()) throw new ToolArgumentException("argument \"" + name + "\" of " + tool + " must be an array of strings");
      List<String> out = new ArrayList<>();
      for (JsonNode item : v) {
        if (!item.isTextual()) throw new ToolArgumentException("argument \"" + name + "\" of " + tool + " must be an array of strings");
        out.add(item.textValue());
      }
      return List.copyOf(out);
    });
  }
}
