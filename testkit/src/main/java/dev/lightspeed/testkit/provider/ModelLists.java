package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies for {@code GET /v1/models}. No fixture records this endpoint; the shapes follow the providers'
 * API references. Values other than the ids are fixed.
 */
public final class ModelLists {
  private ModelLists() {}

  /** OpenAI: {@code {"object":"list","data":[{"id","object":"model","created","owned_by"}]}}. */
  public static FakeResponse openAi(String... ids) {
    List<Json> data = new ArrayList<>();
    for (String id : ids) {
      data.add(Json.Obj.builder()
          .put("id", id)
          .put("object", "model")
          .put("created", 1_700_000_000L)
          .put("owned_by", "openai")
          .build());
    }
    Json.Obj body = Json.Obj.builder().put("object", "list").putArray("data", data).build();
    return FakeResponse.json(WireJson.write(body));
  }

  /**
   * Anthropic: {@code {"data":[{"type":"model","id","display_name","created_at"}],"has_more":false,
   * "first_id","last_id"}}; {@code display_name} is the id.
   */
  public static FakeResponse anthropic(String... ids) {
    List<Json> data = new ArrayList<>();
    for (String id : ids) {
      data.add(Json.Obj.builder()
          .put("type", "model")
          .put("id", id)
          .put("display_name", id)
          .put("created_at", "2025-01-01T00:00:00Z")
          .build());
    }
    Json.Obj body = Json.Obj.builder()
        .putArray("data", data)
        .put("has_more", false)
        .put("first_id", ids.length == 0 ? Json.NULL : Json.of(ids[0]))
        .put("last_id", ids.length == 0 ? Json.NULL : Json.of(ids[ids.length - 1]))
        .build();
    return FakeResponse.json(WireJson.write(body));
  }
}
