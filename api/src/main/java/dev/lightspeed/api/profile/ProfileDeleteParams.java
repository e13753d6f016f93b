package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code profiles/delete}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileDeleteParams(String profileId) {
  public ProfileDeleteParams {
    Fields.required(profileId, "profileId");
  }
}
