package dev.lightspeed.tools.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.VfsPathException;
import dev.lightspeed.store.vfs.WorkspaceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A session's {@code features.vfs}, exactly as the v1 contract's {@code VfsFeature} defines it: the workspace
 * links that make up the namespace, which file tools the model gets ({@code tools}: absent for none), and where
 * prompts and skills are sourced from ({@code roots} absent for the conventional ones). No other fields.
 */
public record VfsFeature(
    long version,
    List<WorkspaceLink> workspaceLinks,
    Optional<ToolSurface> tools,
    Optional<Sourcing> prompts,
    Optional<Sourcing> skills) {
  private static final Set<String> KEYS = Set.of("version", "workspaceLinks", "tools", "prompts", "skills");
  private static final Set<String> LINK_KEYS = Set.of("path", "target", "access");
  private static final Set<String> SOURCING_KEYS = Set.of("roots");

  public VfsFeature {
    workspaceLinks = List.copyOf(workspaceLinks);
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(skills, "skills");
  }

  /** Prompt or skill sourcing: explicit roots, or empty for the conventional ones. */
  public record Sourcing(Optional<List<VfsPath>> roots) {
    public Sourcing {
      roots = roots.map(List::copyOf);
    }
  }

  /** {@return the directory relative tool paths resolve against: the first read-write workspace link, else /} */
  public VfsPath workingDirectory() {
    return workspaceLinks.stream().filter(WorkspaceLink::writable).map(WorkspaceLink::path).findFirst().orElse(VfsPath.ROOT);
  }

  /**
   * {@return the {@code features.vfs} of a session config document, or empty when it has none}
   *
   * @throws IllegalArgumentException naming the field when it is not a valid {@code VfsFeature}
   */
  public static Optional<VfsFeature> fromConfig(Json.Obj config) {
    Optional<Json> features = config.find("features");
    if (features.isEmpty()) return Optional.empty();
    if (!(features.get() instanceof Json.Obj f)) throw new IllegalArgumentException("features must be an object");
    Optional<Json> vfs = f.find("vfs");
    return vfs.isEmpty() ? Optional.empty() : Optional.of(parse(vfs.get()));
  }

  /**
   * {@return the feature this JSON value describes}
   *
   * @throws IllegalArgumentException naming the field when it is not a valid {@code VfsFeature}
   */
  public static VfsFeature parse(Json json) {
    Json.Obj o = object(json, "features.vfs");
    onlyKeys(o, KEYS, "features.vfs");
    long version = o.find("version").map(v -> integer(v, "features.vfs.version")).orElse(1L);
    if (version != 1) throw new IllegalArgumentException("features.vfs.version " + version + " is not supported (expected 1)");
    List<WorkspaceLink> links = new ArrayList<>();
    Set<VfsPath> paths = new HashSet<>();
    List<Json> items = o.find("workspaceLinks").map(v -> array(v, "features.vfs.workspaceLinks")).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      WorkspaceLink link = link(items.get(i), "features.vfs.workspaceLinks[" + i + "]");
      if (!paths.add(link.path())) throw new IllegalArgumentException("features.vfs.workspaceLinks[" + i + "].path " + link.path() + " is linked twice");
      links.add(link);
    }
    Optional<ToolSurface> tools = o.find("tools").map(v -> {
      try {
        return ToolSurface.fromWire(string(v, "features.vfs.tools"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("features.vfs.tools: " + e.getMessage(), e);
      }
    });
    return new VfsFeature(version, links, tools, sourcing(o, "prompts"), sourcing(o, "skills"));
  }

  private static WorkspaceLink link(Json json, String at) {
    Json.Obj o = object(json, at);
    onlyKeys(o, LINK_KEYS, at);
    VfsPath path = path(required(o, "path", at), at + ".path");
    Json.Obj target = object(required(o, "target", at), at + ".target");
    String type = string(required(target, "type", at + ".target"), at + ".target.type");
    LinkTarget linkTarget = switch (type) {
      case "workspace" -> {
        onlyKeys(target, Set.of("type", "workspaceId"), at + ".target");
        String id = string(required(target, "workspaceId", at + ".target"), at + ".target.workspaceId");
        if (!WorkspaceId.isValid(id)) throw new IllegalArgumentException(at + ".target.workspaceId \"" + id + "\" is not a valid workspace id");
        yield new LinkTarget.Workspace(WorkspaceId.of(id));
      }
      case "snapshot" -> {
        onlyKeys(target, Set.of("type", "snapshotRef"), at + ".target");
        String ref = string(required(target, "snapshotRef", at + ".target"), at + ".target.snapshotRef");
        if (!BlobRef.isValid(ref)) throw new IllegalArgumentException(at + ".target.snapshotRef \"" + ref + "\" is not a sha256 ref");
        yield new LinkTarget.Snapshot(BlobRef.parse(ref));
      }
      default -> throw new IllegalArgumentException(at + ".target.type \"" + type + "\" is not workspace or snapshot");
    };
    LinkAccess access;
    try {
      access = LinkAccess.fromWire(string(required(o, "access", at), at + ".access"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".access: " + e.getMessage(), e);
    }
    return new WorkspaceLink(path, linkTarget, access);
  }

  private static Optional<Sourcing> sourcing(Json.Obj o, String name) {
    Optional<Json> value = o.find(name);
    if (value.isEmpty()) return Optional.empty();
    String at = "features.vfs." + name;
    Json.Obj s = object(value.get(), at);
    onlyKeys(s, SOURCING_KEYS, at);
    Optional<Json> roots = s.find("roots");
    if (roots.isEmpty()) return Optional.of(new Sourcing(Optional.empty()));
    List<Json> items = array(roots.get(), at + ".roots");
    if (items.isEmpty()) throw new IllegalArgumentException(at + ".roots must not be empty (leave it out for the conventional roots)");
    List<VfsPath> paths = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) paths.add(path(items.get(i), at + ".roots[" + i + "]"));
    return Optional.of(new Sourcing(Optional.of(paths)));
  }

  private static VfsPath path(Json json, String at) {
    String text = string(json, at);
    try {
      return VfsPath.parse(text);
    } catch (VfsPathException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  private static Json required(Json.Obj o, String name, String at) {
    return o.find(name).orElseThrow(() -> new IllegalArgumentException(at + "." + name + " is required"));
  }

  private static void onlyKeys(Json.Obj o, Set<String> allowed, String at) {
    for (Map.Entry<String, Json> e : o.members().entrySet()) {
      if (!allowed.contains(e.getKey())) throw new IllegalArgumentException(at + " has an unknown field \"" + e.getKey() + "\"");
    }
  }

  private static Json.Obj object(Json json, String at) {
    if (json instanceof Json.Obj o) return o;
    throw new IllegalArgumentException(at + " must be an object");
  }

  private static List<Json> array(Json json, String at) {
    if (json instanceof Json.Arr a) return a.items();
    throw new IllegalArgumentException(at + " must be an array");
  }

  private static String string(Json json, String at) {
    if (json instanceof Json.Str s) return s.value();
    throw new IllegalArgumentException(at + " must be a string");
  }

  private static long integer(Json json, String at) {
    if (json instanceof Json.Num n && n.isIntegral() && n.longValue() >= 0) return n.longValue();
    throw new IllegalArgumentException(at + " must be a non-negative integer");
  }
}
