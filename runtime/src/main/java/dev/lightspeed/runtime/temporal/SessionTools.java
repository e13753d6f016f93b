package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.ToolPort;
import java.util.Objects;

/**
 * The tools a session's calls run through, chosen from the session's state: which file systems a file tool
 * sees depends on the session's config ({@code features.vfs}), so the port is picked per call, from the state
 * at the head the call was dispatched at.
 */
@FunctionalInterface
public interface SessionTools {
  ToolPort forSession(SessionState state);

  /** {@return the same port for every session} */
  static SessionTools of(ToolPort port) {
    Objects.requireNonNull(port, "port");
    return state -> port;
  }
}
