package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ProfileSource}: the agent profile {@code session/start} or {@code session/profiles/apply}
 * applies, a stored one by id or one given in the request, discriminated by {@code kind}.
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
  record Inline(InlineAgentProfile profile) implements ProfileSource {
    public Inline {
      Fields.required(profile, "profile");
    }
  }
}
