package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Picks the argument of a tool call worth showing on its one line: the path, command, pattern or URL it acts
 * on, else its first short string argument; for {@code apply_patch}, the first file the patch touches.
 */
final class KeyArgument {
  static final int MAX = 60;
  private static final List<String> PREFERRED = List.of("path", "file_path", "filePath", "command", "cmd", "pattern", "glob", "url",
      "query", "name");
  private static final Pattern PATCH_FILE = Pattern.compile("\\*\\*\\* (?:Add|Update|Delete) File: (\\S.*)");

  private KeyArgument() {}

  /** {@return the key argument in {@code argumentsJson}, or "" when there is nothing worth showing} */
  static String of(String argumentsJson) {
    JsonNode args;
    try {
      args = ApiJson.mapper().readTree(argumentsJson);
    } catch (IOException e) {
      return shorten(argumentsJson.strip());
    }
    if (args == null || !args.isObject()) return "";
    for (String name : PREFERRED) {
      JsonNode value = args.path(name);
      if (value.isTextual() && !value.asText().isBlank()) return shorten(value.asText());
      if (value.isArray() && value.size() > 0 && value.get(0).isTextual()) return shorten(String.join(" ", texts(value)));
    }
    for (Map.Entry<String, JsonNode> member : args.properties()) {
      if (!member.getValue().isTextual()) continue;
      Matcher patch = PATCH_FILE.matcher(member.getValue().asText());
      if (patch.find()) return shorten(patch.group(1).strip());
    }
    for (Map.Entry<String, JsonNode> member : args.properties()) {
      if (member.getValue().isTextual() && !member.getValue().asText().isBlank()) return shorten(member.getValue().asText());
    }
    return "";
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String shorten(String text) {
    return Preview.of(text, MAX);
  }
}
