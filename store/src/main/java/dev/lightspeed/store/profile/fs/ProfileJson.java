package dev.lightspeed.store.profile.fs;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileId;

/** The stored form of a {@link Profile}: one canonical JSON object per {@code <id>.json}. */
final class ProfileJson {
  private static final int VERSION = 1;

  private ProfileJson() {}

  static byte[] encode(Profile p) {
    return CanonicalJson.writeUtf8(Json.Obj.builder()
        .put("version", VERSION)
        .put("id", p.id().value())
        .put("revision", p.revision())
        .put("createdAtMs", p.createdAtMs())
        .put("updatedAtMs", p.updatedAtMs())
        .put("document", p.document())
        .build());
  }

  /** @throws RuntimeException (JSON syntax, shape or validation) when the bytes are not a stored profile */
  static Profile decode(byte[] bytes) {
    Json.Obj o = (Json.Obj) CanonicalJson.parse(bytes);
    if (o.number("version") != VERSION) throw new IllegalStateException("unsupported profile record version " + o.number("version"));
    return new Profile(ProfileId.of(o.string("id")), o.object("document"), o.number("revision"), o.number("createdAtMs"),
        o.number("updatedAtMs"));
  }
}
