package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code AgentProfileInput}: the whole profile document a client writes with
 * {@code profiles/create} or {@code profiles/put}. Only the id is required; {@code config} is a
 * {@code SessionConfig} and {@code environment} a {@code ProfileEnvironment}, left as trees for the server.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentProfileInput(
    String profileId,
    String displayName,
    String description,
    ObjectNode config,
    ProfileInstructions instructions,
    ObjectNode environment) {
  public AgentProfileInput {
    Fields.required(profileId, "profileId");
  }

  /** {@return a profile with only an id} */
  public static AgentProfileInput of(String profileId) {
    return new AgentProfileInput(profileId, null, null, null, null, null);
  }
}
