package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.session.SessionConfigPutParams;
import dev.lightspeed.api.session.SessionConfigPutResponse;
import dev.lightspeed.api.profile.ProfileApplyParams;
import dev.lightspeed.api.profile.ProfileApplyResponse;
import dev.lightspeed.api.profile.ProfileSource;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionStartResponse;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.gateway.GatewayClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the session a chat talks to: a new one (with the settings in its first config, so the pinned API
 * kind is right from the start) or an existing one, whose config is changed read-modify-write at the
 * revision just read. Everything a chat does to a session before its first message happens here, including
 * linking a mounted directory's workspace ({@code --mount}).
 */
public final class SessionSetup {
  /** Where {@code --mount} links a directory unless {@code --mount-path} says otherwise. */
  public static final String DEFAULT_MOUNT_PATH = "/workspace";

  private final GatewayClient gateway;

  public SessionSetup(GatewayClient gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /** {@return a new session with {@code settings} applied; {@code displayName} may be null} */
  public SessionView create(ChatSettings settings, String displayName) {
    return create(settings, displayName, Optional.empty());
  }

  /**
   * {@return a new session started with stored profile {@code profileId} (when given) and {@code settings}
   * applied over it; {@code displayName} may be null}
   */
  public SessionView create(ChatSettings settings, String displayName, Optional<String> profileId) {
    SessionView session = gateway.call(new SessionStartParams(null, displayName, settings.newSessionConfig().orElse(null),
        profileId.<ProfileSource>map(ProfileSource.Named::new).orElse(null)), SessionStartResponse.class).session();
    if (settings.needsModelAfterStart()) session = change(session, settings);
    return session;
  }

  /** {@return {@code session} after applying stored profile {@code profileId} to it} */
  public SessionView applyProfile(SessionView session, String profileId) {
    return gateway.call(new ProfileApplyParams(session.id(), new ProfileSource.Named(profileId), null, null), ProfileApplyResponse.class)
        .session();
  }

  /**
   * {@return session {@code sessionId} with {@code settings} applied}
   *
   * @throws dev.lightspeed.cli.gateway.GatewayException ({@code not_found}) when there is no such session
   */
  public SessionView resume(String sessionId, ChatSettings settings) {
    SessionView session = read(sessionId);
    return settings.isEmpty() ? session : change(session, settings);
  }

  /** {@return the session as the gateway has it now} */
  public SessionView read(String sessionId) {
    return gateway.call(new SessionReadParams(sessionId), SessionReadResponse.class).session();
  }

  /**
   * Links workspace {@code workspaceId} read-write at {@code path} in the session's {@code features.vfs}, first
   * among the links so it is the working directory, with the editing file tools and instruction files and skills
   * read from the linked roots (unless the config already says where from); a link already at {@code path} is
   * replaced, other links are kept. {@return the session}
   */
  public SessionView link(SessionView session, String workspaceId, String path) {
    ObjectNode config = session.config().deepCopy();
    ObjectNode features = config.path("features") instanceof ObjectNode f ? f : config.putObject("features");
    ObjectNode vfs = features.path("vfs") instanceof ObjectNode v ? v : features.putObject("vfs");
    ArrayNode links = JsonNodeFactory.instance.arrayNode();
    ObjectNode link = links.addObject().put("path", path);
    link.putObject("target").put("type", "workspace").put("workspaceId", workspaceId);
    link.put("access", "readWrite");
    for (JsonNode old : vfs.path("workspaceLinks")) {
      if (!old.path("path").asText().equals(path)) links.add(old);
    }
    vfs.put("version", 1);
    vfs.set("workspaceLinks", links);
    vfs.put("tools", "edit");
    // The project's AGENTS.md/CLAUDE.md and its skills come with it, as in Codex and Claude Code.
    if (!vfs.has("prompts")) vfs.putObject("prompts");
    if (!vfs.has("skills")) vfs.putObject("skills");
    return gateway.call(new SessionConfigPutParams(session.id(), config, session.configRevision()), SessionConfigPutResponse.class).session();
  }

  /**
   * Grants the session the tools of the MCP servers {@code serverIds} (registered with {@code lightspeed mcp add}):
   * links them in {@code features.mcp.servers}, keeping links already there. {@return the session}
   */
  public SessionView grantMcp(SessionView session, List<String> serverIds) {
    ObjectNode config = session.config().deepCopy();
    ObjectNode features = config.path("features") instanceof ObjectNode f ? f : config.putObject("features");
    ObjectNode mcp = features.path("mcp") instanceof ObjectNode m ? m : features.putObject("mcp");
    ArrayNode servers = mcp.path("servers") instanceof ArrayNode a ? a : mcp.putArray("servers");
    for (String id : serverIds) {
      boolean linked = false;
      for (JsonNode s : servers) linked |= s.path("serverId").asText().equals(id);
      if (!linked) servers.addObject().put("serverId", id);
    }
    return gateway.call(new SessionConfigPutParams(session.id(), config, session.configRevision()), SessionConfigPutResponse.class).session();
  }

  /** {@return {@code session} after {@code settings} were applied to its config} */
  public SessionView change(SessionView session, ChatSettings settings) {
    return gateway.call(new SessionConfigPutParams(session.id(), settings.applyTo(session.config()), session.configRevision()),
        SessionConfigPutResponse.class).session();
  }
}
