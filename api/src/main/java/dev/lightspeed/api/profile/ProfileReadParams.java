package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code profiles/read}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileReadParams(String profileId) {
  public ProfileReadParams {
    Fields.required(profileId, "profileId");
  }
}
