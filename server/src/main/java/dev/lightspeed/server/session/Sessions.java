package dev.lightspeed.server.session;

import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.core.LogCorruptionException;
import dev.lightspeed.runtime.temporal.AdmissionOutcome;
import dev.lightspeed.runtime.temporal.SessionBootstrapException;
import dev.lightspeed.runtime.temporal.SessionClient;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.projection.Projections;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every method group needs to reach a session: its id checked, its summary and folded state read from
 * the store, and commands submitted through its workflow, with each failure turned into the RPC error a
 * client can act on. Writes go only through {@link #submit}; reads never touch Temporal. Thread-safe.
 */
public final class Sessions {
  private final UniverseId universe;
  private final SessionLog log;
  private final Projections projections;
  private final SessionClient client;

  public Sessions(UniverseId universe, SessionLog log, Projections projections, SessionClient client) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.log = Objects.requireNonNull(log, "log");
    this.projections = Objects.requireNonNull(projections, "projections");
    this.client = Objects.requireNonNull(client, "client");
  }

  public UniverseId universe() {
    return universe;
  }

  public SessionLog log() {
    return log;
  }

  public Projections projections() {
    return projections;
  }

  /** {@return {@code raw} as a session id} @throws RpcException (invalid params) quoting it when malformed */
  public SessionId id(String raw) {
    if (!SessionId.isValid(raw)) {
      throw RpcException.invalidParams("invalid sessionId \"" + raw + "\": expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit");
    }
    return SessionId.of(raw);
  }

  /** {@return the session's store summary} @throws RpcException (not found) when it does not exist */
  public SessionSummary summary(SessionId session) {
    return log.find(universe, session).orElseThrow(() -> notFound(session));
  }

  /** {@return the session folded to its head} @throws RpcException when it does not exist or cannot be replayed */
  public Projection latest(SessionId session) {
    return read(session, () -> projections.latest(universe, session));
  }

  /** {@return the session folded to entry {@code seq}} @throws RpcException when it does not exist or cannot be replayed */
  public Projection at(SessionId session, long seq) {
    return read(session, () -> projections.at(universe, session, seq));
  }

  /**
   * Submits {@code command} and {@return its outcome once admitted}: its events are committed.
   *
   * @throws RpcException carrying the engine's rejection kind and message, or {@code session_bootstrap_failed}
   */
  public AdmissionOutcome submit(SessionId session, Command command) {
    AdmissionOutcome outcome = trySubmit(session, command);
    if (!outcome.admitted()) throw rejection(outcome);
    return outcome;
  }

  /**
   * Submits {@code command} and {@return its outcome, admitted or rejected}.
   *
   * @throws RpcException ({@code session_bootstrap_failed}) when the session's workflow cannot load it
   */
  public AdmissionOutcome trySubmit(SessionId session, Command command) {
    try {
      return client.submit(universe, session, command, null);
    } catch (SessionBootstrapException e) {
      throw RpcException.of(ErrorKind.SESSION_BOOTSTRAP_FAILED, e.getMessage()
          + "; its event log is kept, and the session can still be read, closed with force, or deleted once closed");
    }
  }

  /** {@return the RPC error for a rejected admission, keeping the engine's kind and message} */
  public static RpcException rejection(AdmissionOutcome outcome) {
    ErrorKind kind = ErrorKind.REJECTED;
    if (outcome.rejectionKind() != null) {
      try {
        kind = ErrorKind.fromWire(outcome.rejectionKind());
      } catch (IllegalArgumentException unknownKind) {
        kind = ErrorKind.REJECTED;
      }
    }
    return RpcException.of(kind, outcome.message() == null ? "the session refused the command" : outcome.message());
  }

  /** {@return the error for a session that does not exist} */
  public static RpcException notFound(SessionId session) {
    return RpcException.notFound("session \"" + session + "\" not found; create it with session/start or list sessions with session/list");
  }

  private Projection read(SessionId session, Supplier<Projection> fold) {
    try {
      return fold.get();
    } catch (SessionNotFoundException e) {
      throw notFound(session);
    } catch (LogCorruptionException e) {
      throw RpcException.internal("the event log of session \"" + session + "\" cannot be replayed: " + e.getMessage());
    }
  }
}
