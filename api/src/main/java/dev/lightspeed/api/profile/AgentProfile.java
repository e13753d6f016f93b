package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code AgentProfile}: a stored profile document as written, with the revision a writer passes
 * back as {@code expectedRevision} so a stale {@code profiles/put} is refused instead of lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentProfile(
    String profileId,
    String displayName,
    String description,
    ObjectNode config,
    ProfileInstructions instructions,
    ObjectNode environment,
    long revision,
    long createdAtMs,
    long updatedAtMs) {
  public AgentProfile {
    Fields.required(profileId, "profileId");
    Fields.unsigned(revision, "revision");
  }
}
