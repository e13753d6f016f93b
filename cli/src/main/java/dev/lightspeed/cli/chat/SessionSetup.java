package dev.lightspeed.cli.chat;

import dev.lightspeed.api.session.SessionConfigPutParams;
import dev.lightspeed.api.session.SessionConfigPutResponse;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.session.SessionStartResponse;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.gateway.GatewayClient;
import java.util.Objects;

/**
 * Opens the session a chat talks to: a new one (with the settings in its first config, so the pinned API
 * kind is right from the start) or an existing one, whose config is changed read-modify-write at the
 * revision just read. Everything a chat does to a session before its first message happens here; linking a
 * mounted directory's workspace ({@code --mount}, once the gateway serves {@code vfs/*}) belongs here too.
 */
public final class SessionSetup {
  private final GatewayClient gateway;

  public SessionSetup(GatewayClient gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /** {@return a new session with {@code settings} applied; {@code displayName} may be null} */
  public SessionView create(ChatSettings settings, String displayName) {
    SessionView session = gateway.call(new SessionStartParams(null, displayName, settings.newSessionConfig().orElse(null), null),
        SessionStartResponse.class).session();
    if (settings.needsModelAfterStart()) session = change(session, settings);
    return session;
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

  /** {@return {@code session} after {@code settings} were applied to its config} */
  public SessionView change(SessionView session, ChatSettings settings) {
    return gateway.call(new SessionConfigPutParams(session.id(), settings.applyTo(session.config()), session.configRevision()),
        SessionConfigPutResponse.class).session();
  }
}
