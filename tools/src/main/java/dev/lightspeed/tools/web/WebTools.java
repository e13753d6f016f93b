package dev.lightspeed.tools.web;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.tools.ToolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web tools a session gets from its {@code features.web}: {@code web_fetch} when {@code fetch} is granted
 * (a function tool the harness runs), then {@code web_search} when {@code search} is granted and the session's
 * API kind has a native search tool (see {@link WebSearch}). Same names for every dialect.
 */
public final class WebTools {
  private WebTools() {}

  /**
   * {@return the specs of the web tools {@code feature} grants a session of {@code apiKind}, stored as canonical
   * JSON in {@code universe} (equal grants give equal refs)}
   *
   * @param fetch the {@code web_fetch} whose definition to offer
   * @throws IllegalArgumentException when the search grant cannot be expressed for {@code apiKind}
   */
  public static List<ToolSpec> specs(WebFeature feature, String apiKind, WebFetch fetch, BlobStore blobs, UniverseId universe) {
    List<ToolSpec> specs = new ArrayList<>();
    if (feature.fetch().isPresent()) specs.addAll(ToolRegistry.of(List.of(fetch)).specs(blobs, universe));
    if (feature.search().isPresent()) {
      Optional<Json.Obj> definition = WebSearch.definition(feature.search().get(), apiKind);
      definition.ifPresent(d -> specs.add(new ToolSpec(WebSearch.NAME,
          blobs.put(universe, CanonicalJson.writeUtf8(WebSearch.spec(apiKind, d))), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE)));
    }
    return List.copyOf(specs);
  }
}
