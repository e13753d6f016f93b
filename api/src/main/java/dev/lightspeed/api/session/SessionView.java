package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.context.ContextView;
import dev.lightspeed.api.run.RunView;
import java.util.List;

/**
 * The contract's {@code SessionView}: the projected state of one session, returned by most session methods.
 * {@code config} is the stored {@code SessionConfig} document exactly as last put, and {@code management}
 * ({@code ManagedSessionWorkflowToolsInput}) the managed-session declaration; both stay trees because the
 * server owns their shape. {@code activeTools} and {@code runs} take their schema defaults when null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
    String id,
    String displayName,
    SessionStatus status,
    boolean managed,
    long configRevision,
    ObjectNode config,
    long createdAtMs,
    long updatedAtMs,
    ContextView activeContext,
    ActiveToolsView activeTools,
    List<RunView> runs,
    String activeEnvironmentId,
    ObjectNode management) {
  public SessionView {
    Fields.required(id, "id");
    Fields.required(status, "status");
    Fields.unsigned(configRevision, "configRevision");
    Fields.unsigned(createdAtMs, "createdAtMs");
    Fields.unsigned(updatedAtMs, "updatedAtMs");
    Fields.required(activeContext, "activeContext");
    if (activeTools == null) activeTools = ActiveToolsView.EMPTY;
    runs = Fields.listOrEmpty(runs, "runs");
  }
}
