package dev.lightspeed.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.VfsPathException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Skills the model activated itself by reading their SKILL.md: a read tool call in the context whose path is
 * a catalog skill's file. The call's provider-native item is read for its name and arguments (OpenAI
 * {@code function_call} and Chat Completions {@code function}, Anthropic {@code tool_use}); its result is the
 * skill's instructions, so the activation's source is that tool result.
 */
final class SkillReads {
  private static final List<String> READ_TOOLS = List.of("read_file", "Read");

  private SkillReads() {}

  /** {@return call id → skill for each read of a catalog skill's SKILL.md in {@code entries}, in context order} */
  static Map<String, Skill> find(List<ContextEntry> entries, Map<VfsPath, Skill> byFile, VfsPath workingDirectory, BlobStore blobs,
      UniverseId universe) {
    Map<String, Skill> out = new LinkedHashMap<>();
    for (ContextEntry e : entries) {
      if (e.kind() != EntryKind.TOOL_CALL || e.item().callId() == null) continue;
      readPath(blobs.read(universe, e.item().content()))
          .flatMap(p -> resolve(workingDirectory, p))
          .map(byFile::get)
          .ifPresent(skill -> out.put(e.item().callId(), skill));
    }
    return out;
  }

  /** {@return the path a read tool call's native item asks for, or empty when it is no read call} */
  static Optional<String> readPath(byte[] item) {
    JsonNode node;
    try {
      node = ApiJson.mapper().readTree(item);
    } catch (IOException e) {
      return Optional.empty();
    }
    JsonNode call = node.has("function") ? node.get("function") : node; // Chat Completions nests name and arguments
    if (!READ_TOOLS.contains(call.path("name").asText())) return Optional.empty();
    JsonNode args = call.has("input") ? call.get("input") : parse(call.path("arguments").asText(""));
    String path = args.path("path").asText(args.path("file_path").asText(""));
    return path.isEmpty() ? Optional.empty() : Optional.of(path);
  }

  private static JsonNode parse(String arguments) {
    try {
      return ApiJson.mapper().readTree(arguments);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static Optional<VfsPath> resolve(VfsPath workingDirectory, String path) {
    try {
      return Optional.of(workingDirectory.resolve(path));
    } catch (VfsPathException e) {
      return Optional.empty();
    }
  }
}
