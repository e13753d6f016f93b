package dev.lightspeed.api.profile;

import dev.lightspeed.api.Fields;
import dev.lightspeed.api.session.SessionView;

/** Result of {@code session/profiles/apply}: the session after the profile, and what the profile changed. */
public record ProfileApplyResponse(SessionView session, ProfileApplySummary applied) {
  public ProfileApplyResponse {
    Fields.required(session, "session");
    applied = applied == null ? ProfileApplySummary.NONE : applied;
  }
}
