package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code SessionSummaryView}: what {@code session/list}, {@code session/rename} and
 * {@code session/delete} return, readable without loading the session's workflow.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionSummaryView(
    String id,
    String displayName,
    SessionLifecycleStatus lifecycleStatus,
    boolean managed,
    long createdAtMs,
    long updatedAtMs) {
  public SessionSummaryView {
    Fields.required(id, "id");
    Fields.required(lifecycleStatus, "lifecycleStatus");
    Fields.unsigned(createdAtMs, "createdAtMs");
    Fields.unsigned(updatedAtMs, "updatedAtMs");
  }
}
