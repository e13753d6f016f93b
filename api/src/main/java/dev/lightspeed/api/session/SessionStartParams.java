package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.profile.ProfileSource;

/**
 * Params of {@code session/start}. Everything is optional: without {@code sessionId} the server picks one;
 * retrying an existing id returns that session and ignores the creation settings. {@code config} is a
 * {@code SessionConfig} document the server validates. Unknown members are rejected, as the schema declares
 * {@code additionalProperties: false}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionStartParams(String sessionId, String displayName, ObjectNode config, ProfileSource profile) {
  /** {@return params that let the server choose everything} */
  public static SessionStartParams empty() {
    return new SessionStartParams(null, null, null, null);
  }
}
