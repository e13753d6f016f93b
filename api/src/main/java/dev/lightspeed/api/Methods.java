package dev.lightspeed.api;

import java.util.List;

/**
 * The JSON-RPC method names this server serves, spelled as in {@code methods.json}, so the server's
 * dispatch table and the client's calls use one set of constants. {@link MethodTypes} gives each one's
 * params and result types.
 */
public final class Methods {
  private Methods() {}

  public static final String INITIALIZE = "initialize";
  public static final String SESSION_START = "session/start";
  public static final String SESSION_READ = "session/read";
  public static final String SESSION_LIST = "session/list";
  public static final String SESSION_RENAME = "session/rename";
  public static final String SESSION_CLOSE = "session/close";
  public static final String SESSION_DELETE = "session/delete";
  public static final String SESSION_CONFIG_PUT = "session/config/put";
  public static final String RUN_START = "session/runs/start";
  public static final String RUN_CANCEL = "session/runs/cancel";
  public static final String RUN_STEER = "session/runs/steer";
  /** Ours, beyond the v1 contract: approve or deny a tool call that waits for approval. */
  public static final String RUN_APPROVE = "session/runs/approve";
  public static final String SKILLS_LIST = "session/skills/list";
  public static final String SKILLS_ACTIVE = "session/skills/active";
  public static final String SKILLS_ACTIVATE = "session/skills/activate";
  public static final String SKILLS_DEACTIVATE = "session/skills/deactivate";
  public static final String PROFILES_APPLY = "session/profiles/apply";
  public static final String EVENTS_READ = "session/events/read";
  public static final String CONTEXT_APPEND = "session/context/append";
  public static final String CONTEXT_REMOVE = "session/context/remove";
  public static final String CONTEXT_COMPACT = "session/context/compact";
  public static final String BLOBS_PUT = "blobs/put";
  public static final String BLOBS_READ = "blobs/read";
  public static final String BLOBS_HAS = "blobs/has";
  public static final String MODELS_LIST = "models/list";
  public static final String PROFILES_CREATE = "profiles/create";
  public static final String PROFILES_READ = "profiles/read";
  public static final String PROFILES_LIST = "profiles/list";
  public static final String PROFILES_PUT = "profiles/put";
  public static final String PROFILES_DELETE = "profiles/delete";
  public static final String VFS_SNAPSHOTS_COMMIT = "vfs/snapshots/commit";
  public static final String VFS_SNAPSHOTS_READ = "vfs/snapshots/read";
  public static final String VFS_WORKSPACES_CREATE = "vfs/workspaces/create";
  public static final String VFS_WORKSPACES_READ = "vfs/workspaces/read";
  public static final String VFS_WORKSPACES_LIST = "vfs/workspaces/list";
  public static final String VFS_WORKSPACES_UPDATE = "vfs/workspaces/update";
  public static final String VFS_WORKSPACES_DELETE = "vfs/workspaces/delete";
  public static final String MCP_SERVERS_PUT = "mcp/servers/put";
  public static final String MCP_SERVERS_READ = "mcp/servers/read";
  public static final String MCP_SERVERS_LIST = "mcp/servers/list";
  public static final String MCP_SERVERS_DELETE = "mcp/servers/delete";
  /** Lightspeed, beyond the contract: begins an OAuth login to a catalog MCP server. */
  public static final String MCP_SERVERS_LOGIN_START = "mcp/servers/login/start";
  /** Lightspeed, beyond the contract: finishes an OAuth login with the redirect's code. */
  public static final String MCP_SERVERS_LOGIN_COMPLETE = "mcp/servers/login/complete";

  /** Every served method, in the order of {@code methods.json}. */
  public static final List<String> ALL = List.of(
      INITIALIZE,
      SESSION_START,
      SESSION_READ,
      SESSION_LIST,
      SESSION_CONFIG_PUT,
      SESSION_RENAME,
      SESSION_CLOSE,
      SESSION_DELETE,
      EVENTS_READ,
      CONTEXT_APPEND,
      CONTEXT_REMOVE,
      CONTEXT_COMPACT,
      RUN_START,
      RUN_CANCEL,
      RUN_STEER,
      SKILLS_LIST,
      SKILLS_ACTIVE,
      SKILLS_ACTIVATE,
      SKILLS_DEACTIVATE,
      PROFILES_APPLY,
      MODELS_LIST,
      PROFILES_CREATE,
      PROFILES_READ,
      PROFILES_LIST,
      PROFILES_PUT,
      PROFILES_DELETE,
      BLOBS_PUT,
      BLOBS_READ,
      BLOBS_HAS,
      VFS_SNAPSHOTS_COMMIT,
      VFS_SNAPSHOTS_READ,
      VFS_WORKSPACES_CREATE,
      VFS_WORKSPACES_READ,
      VFS_WORKSPACES_LIST,
      VFS_WORKSPACES_UPDATE,
      VFS_WORKSPACES_DELETE,
      MCP_SERVERS_PUT,
      MCP_SERVERS_READ,
      MCP_SERVERS_LIST,
      MCP_SERVERS_DELETE);

  /** Methods served beyond the contract (Lightspeed extensions). */
  public static final List<String> EXTENSIONS = List.of(RUN_APPROVE, MCP_SERVERS_LOGIN_START, MCP_SERVERS_LOGIN_COMPLETE);
}
