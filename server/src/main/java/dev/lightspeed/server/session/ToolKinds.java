package dev.lightspeed.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract's {@code ToolKindView} of a session's tools. A tool the provider runs itself (its stored spec is
 * {@code {"type":"native","apiKind":…}}: web search, a provider-run MCP server) shows as {@code providerNative};
 * every other tool as a {@code function} whose input schema is its spec. Spec blobs never change, so what a
 * ref holds is remembered.
 */
final class ToolKinds {
  private static final int REMEMBERED = 4_096;

  private final BlobStore blobs;
  private final UniverseId universe;
  private final Map<BlobRef, Optional<String>> nativeApiKinds = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<BlobRef, Optional<String>> eldest) {
      return size() > REMEMBERED;
    }
  });

  ToolKinds(BlobStore blobs, UniverseId universe) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.universe = Objects.requireNonNull(universe, "universe");
  }

  ObjectNode kind(ToolSpec spec) {
    String ref = spec.spec().toString();
    Optional<String> apiKind = nativeApiKinds.computeIfAbsent(spec.spec(), this::nativeApiKind);
    if (apiKind.isPresent()) {
      return JsonNodeFactory.instance.objectNode().put("type", "providerNative").put("apiKind", apiKind.get())
          .put("nativeToolRef", ref).put("execution", "providerHosted");
    }
    return JsonNodeFactory.instance.objectNode().put("type", "function").put("inputSchemaRef", ref);
  }

  private Optional<String> nativeApiKind(BlobRef spec) {
    try {
      JsonNode node = ApiJson.mapper().readTree(blobs.read(universe, spec));
      return node.path("type").asText().equals("native") && node.path("apiKind").isTextual()
          ? Optional.of(node.get("apiKind").asText()) : Optional.empty();
    } catch (IOException | StoreException unreadable) {
      return Optional.empty(); // shown as a function tool; the run itself reports a spec it cannot read
    }
  }
}
