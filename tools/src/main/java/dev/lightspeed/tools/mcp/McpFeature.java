package dev.lightspeed.tools.mcp;

import dev.lightspeed.engine.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session's {@code features.mcp}, exactly as the v1 contract's {@code McpFeature} defines it: at least one
 * catalog server, each linked once, with optional per-session overrides of the catalog's allowed tools and
 * approval policy. No other fields.
 */
public record McpFeature(long version, List<Link> servers) {
  private static final Set<String> KEYS = Set.of("version", "servers");
  private static final Set<String> LINK_KEYS = Set.of("serverId", "allowedTools", "approval", "deferLoading");

  /**
   * A linked server ({@code McpServerLink}); absent overrides defer to the catalog record.
   *
   * @param approval {@code providerDefault}, {@code always} or {@code never}
   */
  public record Link(String serverId, Optional<List<String>> allowedTools, Optional<String> approval, Optional<Boolean> deferLoading) {
    public Link {
      allowedTools = allowedTools.map(List::copyOf);
    }
  }

  public McpFeature {
    servers = List.copyOf(servers);
  }

  /**
   * {@return the {@code features.mcp} of a session config document, or empty when it has none}
   *
   * @throws IllegalArgumentException naming the field when it is not a valid {@code McpFeature}
   */
  public static Optional<McpFeature> fromConfig(Json.Obj config) {
    Optional<Json> features = config.find("features");
    if (features.isEmpty()) return Optional.empty();
    if (!(features.get() instanceof Json.Obj f)) throw new IllegalArgumentException("features must be an object");
    return f.find("mcp").map(McpFeature::parse);
  }

  /**
   * {@return the feature this JSON value describes}
   *
   * @throws IllegalArgumentException naming the field when it is not a valid {@code McpFeature}
   */
  public static McpFeature parse(Json json) {
    String at = "features.mcp";
    Json.Obj o = object(json, at);
    onlyKeys(o, KEYS, at);
    long version = o.find("version").map(v -> integer(v, at + ".version")).orElse(1L);
    if (version != 1) throw new IllegalArgumentException(at + ".version " + version + " is not supported (expected 1)");
    List<Json> items = array(o.find("servers").orElseThrow(() -> new IllegalArgumentException(at + ".servers is required")), at + ".servers");
    if (items.isEmpty()) throw new IllegalArgumentException(at + ".servers must link at least one server (leave features.mcp out for none)");
    List<Link> links = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String li = at + ".servers[" + i + "]";
      Json.Obj l = object(items.get(i), li);
      onlyKeys(l, LINK_KEYS, li);
      String id = string(l.find("serverId").orElseThrow(() -> new IllegalArgumentException(li + ".serverId is required")), li + ".serverId");
      if (!ids.add(id)) throw new IllegalArgumentException(li + ".serverId \"" + id + "\" is linked twice");
      Optional<List<String>> allowed = present(l, "allowedTools").map(v -> strings(v, li + ".allowedTools"));
      Optional<String> approval = present(l, "approval").map(v -> string(v, li + ".approval"));
      if (approval.isPresent() && !Set.of("providerDefault", "always", "never").contains(approval.get())) {
        throw new IllegalArgumentException(li + ".approval \"" + approval.get() + "\" is not providerDefault, always or never");
      }
      Optional<Boolean> defer = present(l, "deferLoading").map(v -> {
        if (v instanceof Json.Bool b) return b.value();
        throw new IllegalArgumentException(li + ".deferLoading must be a boolean");
      });
      links.add(new Link(id, allowed, approval, defer));
    }
    return new McpFeature(version, links);
  }

  /** A member that is absent or JSON null is not there. */
  private static Optional<Json> present(Json.Obj o, String name) {
    return o.find(name).filter(v -> !(v instanceof Json.Null));
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

  private static List<String> strings(Json json, String at) {
    List<Json> items = array(json, at);
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) out.add(string(items.get(i), at + "[" + i + "]"));
    return out;
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
