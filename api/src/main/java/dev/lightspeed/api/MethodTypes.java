package dev.lightspeed.api;

import dev.lightspeed.api.blobs.BlobHasParams;
import dev.lightspeed.api.blobs.BlobHasResponse;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobPutResponse;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.blobs.BlobReadResponse;
import dev.lightspeed.api.context.ContextAppendParams;
import dev.lightspeed.api.context.ContextAppendResponse;
import dev.lightspeed.api.context.ContextCompactParams;
import dev.lightspeed.api.context.ContextCompactResponse;
import dev.lightspeed.api.context.ContextRemoveParams;
import dev.lightspeed.api.context.ContextRemoveResponse;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.events.SessionEventsReadResponse;
import dev.lightspeed.api.initialize.InitializeParams;
import dev.lightspeed.api.initialize.InitializeResponse;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerDeleteResponse;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerListResponse;
import dev.lightspeed.api.mcp.McpServerLoginCompleteParams;
import dev.lightspeed.api.mcp.McpServerLoginCompleteResponse;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerLoginStartResponse;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerPutResponse;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.mcp.McpServerReadResponse;
import dev.lightspeed.api.models.ModelListParams;
import dev.lightspeed.api.models.ModelListResponse;
import dev.lightspeed.api.profile.ProfileApplyParams;
import dev.lightspeed.api.profile.ProfileApplyResponse;
import dev.lightspeed.api.profile.ProfileCreateParams;
import dev.lightspeed.api.profile.ProfileCreateResponse;
import dev.lightspeed.api.profile.ProfileDeleteParams;
import dev.lightspeed.api.profile.ProfileDeleteResponse;
import dev.lightspeed.api.profile.ProfileListParams;
import dev.lightspeed.api.profile.ProfileListResponse;
import dev.lightspeed.api.profile.ProfilePutParams;
import dev.lightspeed.api.profile.ProfilePutResponse;
import dev.lightspeed.api.profile.ProfileReadParams;
import dev.lightspeed.api.profile.ProfileReadResponse;
import dev.lightspeed.api.run.RunApproveParams;
import dev.lightspeed.api.run.RunApproveResponse;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunCancelResponse;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartResponse;
import dev.lightspeed.api.run.RunSteerParams;
import dev.lightspeed.api.run.RunSteerResponse;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionCloseResponse;
import dev.lightspeed.api.session.SessionConfigPutParams;
import dev.lightspeed.api.session.SessionConfigPutResponse;
import dev.lightspeed.api.session.SessionDeleteParams;
import dev.lightspeed.api.session.SessionDeleteResponse;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionListResponse;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionRenameParams;
import dev.lightspeed.api.session.SessionRenameResponse;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionStartResponse;
import dev.lightspeed.api.skills.SkillActivateParams;
import dev.lightspeed.api.skills.SkillActivateResponse;
import dev.lightspeed.api.skills.SkillActiveParams;
import dev.lightspeed.api.skills.SkillActiveResponse;
import dev.lightspeed.api.skills.SkillDeactivateParams;
import dev.lightspeed.api.skills.SkillDeactivateResponse;
import dev.lightspeed.api.skills.SkillListParams;
import dev.lightspeed.api.skills.SkillListResponse;
import dev.lightspeed.api.vfs.VfsSnapshotCommitParams;
import dev.lightspeed.api.vfs.VfsSnapshotCommitResponse;
import dev.lightspeed.api.vfs.VfsSnapshotReadParams;
import dev.lightspeed.api.vfs.VfsSnapshotReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteParams;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceListParams;
import dev.lightspeed.api.vfs.VfsWorkspaceListResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceReadParams;
import dev.lightspeed.api.vfs.VfsWorkspaceReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which params and result record each {@link Methods method} uses, so the server can decode params and
 * {@link ApiJson#readParams(com.fasterxml.jackson.databind.JsonNode, Class)} can name the method in errors.
 */
public final class MethodTypes {
  private MethodTypes() {}

  /** One method's types. */
  public record Binding(String method, Class<?> params, Class<?> result) {}

  private static final Map<String, Binding> BY_METHOD = new LinkedHashMap<>();
  private static final Map<Class<?>, Binding> BY_PARAMS = new LinkedHashMap<>();

  static {
    bind(Methods.INITIALIZE, InitializeParams.class, InitializeResponse.class);
    bind(Methods.SESSION_START, SessionStartParams.class, SessionStartResponse.class);
    bind(Methods.SESSION_READ, SessionReadParams.class, SessionReadResponse.class);
    bind(Methods.SESSION_LIST, SessionListParams.class, SessionListResponse.class);
    bind(Methods.SESSION_CONFIG_PUT, SessionConfigPutParams.class, SessionConfigPutResponse.class);
    bind(Methods.SESSION_RENAME, SessionRenameParams.class, SessionRenameResponse.class);
    bind(Methods.SESSION_CLOSE, SessionCloseParams.class, SessionCloseResponse.class);
    bind(Methods.SESSION_DELETE, SessionDeleteParams.class, SessionDeleteResponse.class);
    bind(Methods.EVENTS_READ, SessionEventsReadParams.class, SessionEventsReadResponse.class);
    bind(Methods.CONTEXT_APPEND, ContextAppendParams.class, ContextAppendResponse.class);
    bind(Methods.CONTEXT_REMOVE, ContextRemoveParams.class, ContextRemoveResponse.class);
    bind(Methods.CONTEXT_COMPACT, ContextCompactParams.class, ContextCompactResponse.class);
    bind(Methods.RUN_START, RunStartParams.class, RunStartResponse.class);
    bind(Methods.RUN_CANCEL, RunCancelParams.class, RunCancelResponse.class);
    bind(Methods.RUN_STEER, RunSteerParams.class, RunSteerResponse.class);
    bind(Methods.RUN_APPROVE, RunApproveParams.class, RunApproveResponse.class);
    bind(Methods.SKILLS_LIST, SkillListParams.class, SkillListResponse.class);
    bind(Methods.SKILLS_ACTIVE, SkillActiveParams.class, SkillActiveResponse.class);
    bind(Methods.SKILLS_ACTIVATE, SkillActivateParams.class, SkillActivateResponse.class);
    bind(Methods.SKILLS_DEACTIVATE, SkillDeactivateParams.class, SkillDeactivateResponse.class);
    bind(Methods.PROFILES_APPLY, ProfileApplyParams.class, ProfileApplyResponse.class);
    bind(Methods.MODELS_LIST, ModelListParams.class, ModelListResponse.class);
    bind(Methods.PROFILES_CREATE, ProfileCreateParams.class, ProfileCreateResponse.class);
    bind(Methods.PROFILES_READ, ProfileReadParams.class, ProfileReadResponse.class);
    bind(Methods.PROFILES_LIST, ProfileListParams.class, ProfileListResponse.class);
    bind(Methods.PROFILES_PUT, ProfilePutParams.class, ProfilePutResponse.class);
    bind(Methods.PROFILES_DELETE, ProfileDeleteParams.class, ProfileDeleteResponse.class);
    bind(Methods.BLOBS_PUT, BlobPutParams.class, BlobPutResponse.class);
    bind(Methods.BLOBS_READ, BlobReadParams.class, BlobReadResponse.class);
    bind(Methods.BLOBS_HAS, BlobHasParams.class, BlobHasResponse.class);
    bind(Methods.VFS_SNAPSHOTS_COMMIT, VfsSnapshotCommitParams.class, VfsSnapshotCommitResponse.class);
    bind(Methods.VFS_SNAPSHOTS_READ, VfsSnapshotReadParams.class, VfsSnapshotReadResponse.class);
    bind(Methods.VFS_WORKSPACES_CREATE, VfsWorkspaceCreateParams.class, VfsWorkspaceCreateResponse.class);
    bind(Methods.VFS_WORKSPACES_READ, VfsWorkspaceReadParams.class, VfsWorkspaceReadResponse.class);
    bind(Methods.VFS_WORKSPACES_LIST, VfsWorkspaceListParams.class, VfsWorkspaceListResponse.class);
    bind(Methods.VFS_WORKSPACES_UPDATE, VfsWorkspaceUpdateParams.class, VfsWorkspaceUpdateResponse.class);
    bind(Methods.VFS_WORKSPACES_DELETE, VfsWorkspaceDeleteParams.class, VfsWorkspaceDeleteResponse.class);
    bind(Methods.MCP_SERVERS_PUT, McpServerPutParams.class, McpServerPutResponse.class);
    bind(Methods.MCP_SERVERS_READ, McpServerReadParams.class, McpServerReadResponse.class);
    bind(Methods.MCP_SERVERS_LIST, McpServerListParams.class, McpServerListResponse.class);
    bind(Methods.MCP_SERVERS_DELETE, McpServerDeleteParams.class, McpServerDeleteResponse.class);
    bind(Methods.MCP_SERVERS_LOGIN_START, McpServerLoginStartParams.class, McpServerLoginStartResponse.class);
    bind(Methods.MCP_SERVERS_LOGIN_COMPLETE, McpServerLoginCompleteParams.class, McpServerLoginCompleteResponse.class);
  }

  private static void bind(String method, Class<?> params, Class<?> result) {
    Binding binding = new Binding(method, params, result);
    BY_METHOD.put(method, binding);
    BY_PARAMS.put(params, binding);
  }

  /** {@return the types of {@code method}, or empty for a method this server does not serve} */
  public static Optional<Binding> of(String method) {
    return Optional.ofNullable(BY_METHOD.get(method));
  }

  /**
   * {@return the method whose params type is {@code paramsType}}
   *
   * @throws IllegalArgumentException for a class that is no method's params type
   */
  public static String methodOf(Class<?> paramsType) {
    Binding binding = BY_PARAMS.get(paramsType);
    if (binding == null) throw new IllegalArgumentException(paramsType.getName() + " is no method's params type");
    return binding.method();
  }
}
