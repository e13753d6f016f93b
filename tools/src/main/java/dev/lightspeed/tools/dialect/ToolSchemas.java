package dev.lightspeed.tools.dialect;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The descriptions and argument schemas of a dialect's tools, read from a JSON resource
 * ({@code {"name": {"description", "parameters"}}}) so the text the model sees is in one reviewable place.
 */
final class ToolSchemas {
  private final Json.Obj byName;

  private ToolSchemas(Json.Obj byName) {
    this.byName = byName;
  }

  static ToolSchemas load(String resource) {
    try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return new ToolSchemas(CanonicalJson.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  String description(String tool) {
    return byName.object(tool).string("description");
  }

  Json.Obj parameters(String tool) {
    return byName.object(tool).object("parameters");
  }

  /** {@return the argument names the schema of {@code tool} declares} */
  Set<String> argumentNames(String tool) {
    Set<String> names = new LinkedHashSet<>();
    for (Map.Entry<String, Json> e : parameters(tool).object("properties").members().entrySet()) names.add(e.getKey());
    return names;
  }
}
