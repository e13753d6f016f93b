package dev.lightspeed.tools.web;

import dev.lightspeed.engine.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A session's {@code features.web}, exactly as the v1 contract's {@code WebFeature} defines it: {@code fetch}
 * ({@code {}}: grants {@code web_fetch}) and {@code search} (grants the provider's {@code web_search}, with
 * optional {@code allowedDomains} and {@code blockedDomains}), each independently; a block granting neither is
 * refused, and so is an explicit empty {@code allowedDomains}. A JSON {@code null} counts as absent. No other
 * fields.
 */
public record WebFeature(long version, Optional<Fetch> fetch, Optional<Search> search) {
  private static final Set<String> KEYS = Set.of("version", "fetch", "search");
  private static final Set<String> SEARCH_KEYS = Set.of("allowedDomains", "blockedDomains");

  public WebFeature {
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(search, "search");
    if (fetch.isEmpty() && search.isEmpty()) throw new IllegalArgumentException("features.web grants neither fetch nor search");
  }

  /** The {@code web_fetch} grant; it has no settings. */
  public record Fetch() {}

  /**
   * The {@code web_search} grant.
   *
   * @param allowedDomains only these domains (and their subdomains) are searched; empty for all
   * @param blockedDomains these domains are never searched
   */
  public record Search(Optional<List<String>> allowedDomains, List<String> blockedDomains) {
    public Search {
      allowedDomains = allowedDomains.map(List::copyOf);
      blockedDomains = List.copyOf(blockedDomains);
      if (allowedDomains.isPresent() && allowedDomains.get().isEmpty()) {
        throw new IllegalArgumentException("features.web.search.allowedDomains must not be empty (leave it out to allow all domains)");
      }
    }
  }

  /**
   * {@return the {@code features.web} of a session config document, or empty when it has none}
   *
   * @throws IllegalArgumentException naming the field when it is not a valid {@code WebFeature}
   */
  public static Optional<WebFeature> fromConfig(Json.Obj config) {
    Optional<Json> features = config.find("features");
    if (features.isEmpty()) return Optional.empty();
    if (!(features.get() instanceof Json.Obj f)) throw new IllegalArgumentException("features must be an object");
    return f.find("web").map(WebFeature::parse);
  }

  /**
   * {@return the feature this JSON value describes}
   *
   * @throws IllegalArgumentException naming the field when it is not a valid {@code WebFeature}
   */
  public static WebFeature parse(Json json) {
    Json.Obj o = object(json, "features.web");
    onlyKeys(o, KEYS, "features.web");
    long version = 1;
    if (o.find("version").isPresent()) {
      if (!(o.get("version") instanceof Json.Num n && n.isIntegral() && n.longValue() >= 0)) {
        throw new IllegalArgumentException("features.web.version must be a non-negative integer");
      }
      version = n.longValue();
    }
    if (version != 1) throw new IllegalArgumentException("features.web.version " + version + " is not supported (expected 1)");
    Optional<Fetch> fetch = o.find("fetch").map(v -> {
      onlyKeys(object(v, "features.web.fetch"), Set.of(), "features.web.fetch");
      return new Fetch();
    });
    Optional<Search> search = o.find("search").map(v -> {
      Json.Obj s = object(v, "features.web.search");
      onlyKeys(s, SEARCH_KEYS, "features.web.search");
      return new Search(s.find("allowedDomains").map(d -> domains(d, "features.web.search.allowedDomains")),
          s.find("blockedDomains").map(d -> domains(d, "features.web.search.blockedDomains")).orElse(List.of()));
    });
    return new WebFeature(version, fetch, search);
  }

  private static List<String> domains(Json json, String at) {
    if (!(json instanceof Json.Arr a)) throw new IllegalArgumentException(at + " must be an array of domain names");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.items().size(); i++) {
      if (!(a.items().get(i) instanceof Json.Str s)) throw new IllegalArgumentException(at + "[" + i + "] must be a string");
      String domain = s.value().strip();
      if (domain.isEmpty() || domain.contains("://") || domain.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(at + "[" + i + "] \"" + s.value() + "\" is not a domain (write example.com, without a scheme)");
      }
      out.add(domain);
    }
    return out;
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
}
