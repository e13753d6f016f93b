package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.json.JsonSyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a {@link Manifest}: canonical JSON (sorted keys, no whitespace), so a tree has exactly one
 * encoding and its blob ref is a stable snapshot identity.
 *
 * <pre>{@code
 * {"bytes":6,"files":2,"root":{"entries":{
 *    "bin":{"entries":{"run":{"executable":true,"ref":"sha256:…","size":4,"type":"file"}},"type":"directory"},
 *    "a.md":{"mediaType":"text/markdown","ref":"sha256:…","size":2,"type":"file"}},
 *  "type":"directory"},"schemaVersion":1}
 * }</pre>
 *
 * <p>{@code files} and {@code bytes} are the totals of the tree and must match it on decode. {@code executable}
 * appears only when true and {@code mediaType} only when known. Decoding is strict: any other schema version,
 * an unknown or missing field, a bad name, ref or size, or wrong totals is an {@link InvalidManifestException}.
 */
public final class ManifestCodec {
  /** The version this codec writes and the only one it reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final Set<String> TOP_KEYS = Set.of("schemaVersion", "files", "bytes", "root");
  private static final Set<String> DIR_KEYS = Set.of("type", "entries");
  private static final Set<String> FILE_KEYS = Set.of("type", "ref", "size", "executable", "mediaType");

  private ManifestCodec() {}

  /** {@return the canonical JSON bytes of {@code manifest}} */
  public static byte[] encode(Manifest manifest) {
    return CanonicalJson.writeUtf8(toJson(manifest));
  }

  /** {@return {@code manifest} as a JSON value, the form the gateway returns} */
  public static Json.Obj toJson(Manifest manifest) {
    return Json.Obj.builder()
        .put("schemaVersion", SCHEMA_VERSION)
        .put("files", manifest.files())
        .put("bytes", manifest.bytes())
        .put("root", directory(manifest.root()))
        .build();
  }

  private static Json.Obj directory(VfsDirectory dir) {
    LinkedHashMap<String, Json> entries = new LinkedHashMap<>();
    for (Map.Entry<String, VfsNode> e : dir.entries().entrySet()) {
      entries.put(e.getKey(), switch (e.getValue()) {
        case VfsFile f -> file(f);
        case VfsDirectory d -> directory(d);
      });
    }
    return Json.Obj.builder().put("type", "directory").put("entries", new Json.Obj(entries)).build();
  }

  private static Json.Obj file(VfsFile f) {
    Json.Obj.Builder b = Json.Obj.builder().put("type", "file").put("ref", f.ref().toString()).put("size", f.size());
    if (f.executable()) b.put("executable", true);
    f.mediaType().ifPresent(m -> b.put("mediaType", m));
    return b.build();
  }

  /** {@return the manifest these bytes encode} @throws InvalidManifestException when they are not a valid one */
  public static Manifest decode(byte[] bytes) {
    Json json;
    try {
      json = CanonicalJson.parse(bytes);
    } catch (JsonSyntaxException e) {
      throw new InvalidManifestException("manifest is not valid JSON: " + e.getMessage(), e);
    }
    return fromJson(json);
  }

  /** {@return the manifest this JSON value describes} @throws InvalidManifestException when it is not a valid one */
  public static Manifest fromJson(Json json) {
    try {
      if (!(json instanceof Json.Obj top)) throw new InvalidManifestException("manifest must be a JSON object");
      onlyKeys(top, TOP_KEYS, "manifest");
      long version = top.number("schemaVersion");
      if (version != SCHEMA_VERSION) {
        throw new InvalidManifestException("unsupported manifest schemaVersion " + version + " (expected " + SCHEMA_VERSION + ")");
      }
      VfsDirectory root = readDirectory(top.get("root"), "/");
      long files = top.number("files");
      long bytes = top.number("bytes");
      if (files != root.files()) {
        throw new InvalidManifestException("manifest declares " + files + " files but its tree holds " + root.files());
      }
      if (bytes != root.bytes()) {
        throw new InvalidManifestException("manifest declares " + bytes + " bytes but its files add up to " + root.bytes());
      }
      return new Manifest(root);
    } catch (JsonShapeException e) {
      throw new InvalidManifestException("invalid manifest: " + e.getMessage(), e);
    }
  }

  private static VfsDirectory readDirectory(Json json, String at) {
    if (!(json instanceof Json.Obj obj)) throw new InvalidManifestException("entry " + at + " must be an object");
    onlyKeys(obj, DIR_KEYS, "directory " + at);
    String type = obj.string("type");
    if (!type.equals("directory")) throw new InvalidManifestException("entry " + at + " must be a directory, not \"" + type + "\"");
    Json.Obj entries = obj.object("entries");
    LinkedHashMap<String, VfsNode> nodes = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : entries.members().entrySet()) {
      String name = e.getKey();
      String path = at.equals("/") ? "/" + name : at + "/" + name;
      try {
        VfsPath.checkName(name);
      } catch (VfsPathException bad) {
        throw new InvalidManifestException("invalid entry in directory " + at + ": " + bad.getMessage(), bad);
      }
      nodes.put(name, readNode(e.getValue(), path));
    }
    return VfsDirectory.of(nodes);
  }

  private static VfsNode readNode(Json json, String at) {
    if (!(json instanceof Json.Obj obj)) throw new InvalidManifestException("entry " + at + " must be an object");
    String type = obj.string("type");
    return switch (type) {
      case "directory" -> readDirectory(obj, at);
      case "file" -> readFile(obj, at);
      default -> throw new InvalidManifestException("entry " + at + " has unknown type \"" + type + "\" (expected file or directory)");
    };
  }

  private static VfsFile readFile(Json.Obj obj, String at) {
    onlyKeys(obj, FILE_KEYS, "file " + at);
    String refText = obj.string("ref");
    BlobRef ref = BlobRef.parseOrNull(refText);
    if (ref == null) throw new InvalidManifestException("file " + at + " has an invalid ref \"" + refText + "\" (expected sha256:<64 lowercase hex>)");
    long size = obj.number("size");
    if (size < 0) throw new InvalidManifestException("file " + at + " has a negative size " + size);
    boolean executable = obj.has("executable") && obj.bool("executable");
    Optional<String> mediaType = obj.findString("mediaType");
    if (mediaType.isPresent() && mediaType.get().isBlank()) throw new InvalidManifestException("file " + at + " has a blank mediaType");
    return new VfsFile(ref, size, executable, mediaType);
  }

  private static void onlyKeys(Json.Obj obj, Set<String> allowed, String what) {
    for (String key : obj.members().keySet()) {
      if (!allowed.contains(key)) throw new InvalidManifestException(what + " has an unknown field \"" + key + "\"");
    }
  }
}
