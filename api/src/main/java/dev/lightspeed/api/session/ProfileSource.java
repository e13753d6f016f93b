package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ProfileSource}: the agent profile {@code session/start} applies at creation,
 * discriminated by {@code kind}. The inline {@code InlineAgentProfile} (config, instructions, environment)
 * stays a tree for the server to interpret.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ProfileSource.Named.class, name = "named"),
  @JsonSubTypes.Type(value = ProfileSource.Inline.class, name = "inline")
})
public sealed interface ProfileSource {
  /** A stored profile, by id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Named(String profileId) implements ProfileSource {
    public Named {
      Fields.required(profileId, "profileId");
    }
  }

  /** A profile given in the request. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Inline(ObjectNode profile) implements ProfileSource {
    public Inline {
      Fields.required(profile, "profile");
    }
  }
}
