package dev.lightspeed.tools.web;

import dev.lightspeed.engine.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * {@code web_search}: the provider's own search tool, which the provider runs during generation. The harness
 * never executes it; it only puts the provider-native definition among the request's tools, and the search
 * calls and results come back as the provider's own output items, kept as opaque context entries and replayed
 * as sent.
 *
 * <ul>
 *   <li>{@code openai:responses}: {@code {"type":"web_search"}}, with {@code filters.allowed_domains} and
 *       {@code filters.blocked_domains} when the grant lists domains.
 *   <li>{@code anthropic:messages}: the server tool
 *       {@code {"type":"web_search_20250305","name":"web_search"}} with {@code allowed_domains} or
 *       {@code blocked_domains}. The Messages API takes one list or the other, never both, so a grant with
 *       both is refused for this kind rather than quietly sending half of it.
 *   <li>{@code openai:completions} (Chat Completions) has no general web search tool: {@link #definition}
 *       is empty and the session is simply not offered one.
 * </ul>
 *
 * The stored spec is {@code {"type":"native","apiKind":…,"definition":…}}, the form the adapters send as is.
 */
public final class WebSearch {
  public static final String NAME = "web_search";
  /** Anthropic's server tool version. */
  public static final String ANTHROPIC_TOOL_TYPE = "web_search_20250305";

  private WebSearch() {}

  /**
   * {@return the provider-native definition of web search for {@code apiKind}, or empty when that API has none}
   *
   * @throws IllegalArgumentException when the grant cannot be expressed for this API kind
   */
  public static Optional<Json.Obj> definition(WebFeature.Search grant, String apiKind) {
    return switch (apiKind) {
      case "openai:responses" -> {
        Json.Obj.Builder filters = Json.Obj.builder();
        grant.allowedDomains().ifPresent(d -> filters.putArray("allowed_domains", strings(d)));
        if (!grant.blockedDomains().isEmpty()) filters.putArray("blocked_domains", strings(grant.blockedDomains()));
        Json.Obj f = filters.build();
        Json.Obj.Builder tool = Json.Obj.builder().put("type", "web_search");
        if (!f.members().isEmpty()) tool.put("filters", f);
        yield Optional.of(tool.build());
      }
      case "anthropic:messages" -> {
        if (grant.allowedDomains().isPresent() && !grant.blockedDomains().isEmpty()) {
          throw new IllegalArgumentException("features.web.search: Anthropic's web search takes allowedDomains or blockedDomains, not both");
        }
        Json.Obj.Builder tool = Json.Obj.builder().put("type", ANTHROPIC_TOOL_TYPE).put("name", NAME);
        grant.allowedDomains().ifPresent(d -> tool.putArray("allowed_domains", strings(d)));
        if (!grant.blockedDomains().isEmpty()) tool.putArray("blocked_domains", strings(grant.blockedDomains()));
        yield Optional.of(tool.build());
      }
      default -> Optional.empty();
    };
  }

  /** {@return the spec stored for {@code definition}: the native wrapper the adapters of {@code apiKind} read} */
  public static Json.Obj spec(String apiKind, Json.Obj definition) {
    return Json.Obj.builder().put("type", "native").put("apiKind", apiKind).put("definition", definition).build();
  }

  private static List<Json> strings(List<String> values) {
    return values.stream().<Json>map(Json::of).toList();
  }
}
