package dev.lightspeed.cli.mount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The gateway's snapshot manifest format, version 1: {@code {"schemaVersion":1, "files", "bytes", "root"}}
 * where a directory is {@code {"type":"directory","entries":{name: node}}} and a file
 * {@code {"type":"file","ref","size"}} plus {@code "executable":true} when it is.
 */
final class Manifests {
  static final int SCHEMA_VERSION = 1;

  private Manifests() {}

  /** {@return the manifest of {@code files}, each with its blob ref} */
  static ObjectNode of(List<LocalFile> files, Map<String, String> refsByPath) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = directory();
    long bytes = 0;
    for (LocalFile file : files) {
      ObjectNode dir = root;
      String[] names = file.path().split("/");
      for (int i = 0; i < names.length - 1; i++) {
        ObjectNode entries = (ObjectNode) dir.get("entries");
        JsonNode child = entries.get(names[i]);
        if (child == null) {
          child = directory();
          entries.set(names[i], child);
        }
        dir = (ObjectNode) child;
      }
      ObjectNode node = json.objectNode().put("type", "file").put("ref", refsByPath.get(file.path())).put("size", file.size());
      if (file.executable()) node.put("executable", true);
      ((ObjectNode) dir.get("entries")).set(names[names.length - 1], node);
      bytes += file.size();
    }
    ObjectNode manifest = json.objectNode().put("schemaVersion", SCHEMA_VERSION).put("files", (long) files.size()).put("bytes", bytes);
    manifest.set("root", root);
    return manifest;
  }

  private static ObjectNode directory() {
    ObjectNode dir = JsonNodeFactory.instance.objectNode().put("type", "directory");
    dir.putObject("entries");
    return dir;
  }
}
