package dev.lightspeed.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Optional;

/**
 * A {@code SKILL.md}: YAML front matter between {@code ---} lines ({@code name} and {@code description}
 * required, {@code metadata} optional, where {@code short-description} is read) and the instructions below it.
 */
record SkillFile(String name, String description, Optional<String> shortDescription, String body) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Why a {@code SKILL.md} cannot be used, in words for the catalog and the API. */
  static final class FormatException extends Exception {
    FormatException(String message) {
      super(message);
    }
  }

  static SkillFile parse(String text) throws FormatException {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    t = t.replace("\r\n", "\n");
    if (!t.startsWith("---\n")) throw new FormatException("no front matter: the file must start with a --- line");
    int end = t.indexOf("\n---", 3);
    while (end >= 0 && !(end + 4 == t.length() || t.charAt(end + 4) == '\n')) end = t.indexOf("\n---", end + 4);
    if (end < 0) throw new FormatException("the front matter is not closed with a --- line");
    String yaml = t.substring(4, end + 1);
    String body = end + 4 >= t.length() ? "" : t.substring(end + 5);
    JsonNode front;
    try {
      front = YAML.readTree(yaml);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new FormatException("the front matter is not valid YAML: " + why);
    }
    if (front == null || !front.isObject()) throw new FormatException("the front matter must be a YAML mapping with name and description");
    String name = text(front, "name");
    String description = text(front, "description");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new FormatException("name \"" + name + "\" must be 1-64 letters, digits, '.', '_' or '-'");
    }
    JsonNode metadata = front.get("metadata");
    Optional<String> shortDescription = metadata != null && metadata.isObject() && metadata.path("short-description").isTextual()
        ? Optional.of(metadata.get("short-description").asText()) : Optional.empty();
    return new SkillFile(name, description, shortDescription, body);
  }

  private static String text(JsonNode front, String field) throws FormatException {
    JsonNode value = front.get(field);
    if (value == null || value.isNull()) throw new FormatException("the front matter has no " + field);
    if (!value.isTextual() || value.asText().isBlank()) throw new FormatException(field + " must be non-empty text");
    return value.asText().strip();
  }
}
