package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.core.Admit;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.SessionExistsException;
import dev.lightspeed.store.log.SessionNotFoundException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The sessions of one universe driven in this process: creates sessions, opens their runners on first use
 * and routes commands to them. A command for a session that does not exist is rejected with
 * {@code not_found}, never an exception.
 */
public final class LocalSessions implements AutoCloseable {
  private final RunnerDependencies deps;
  private final UniverseId universe;
  private final Map<SessionId, SessionRunner> runners = new ConcurrentHashMap<>();

  public LocalSessions(RunnerDependencies deps, UniverseId universe) {
    this.deps = deps;
    this.universe = universe;
  }

  /**
   * Creates and opens a session with an initial config document.
   *
   * @return the open session's admission: a rejection when the config is invalid or the id is taken
   */
  public Admission create(SessionId session, Json.Obj config, Duration timeout) throws TimeoutException {
    Command open = new Command.OpenSession(config);
    Admission check = Admit.admit(SessionState.INITIAL, open);
    if (check instanceof Admission.Rejected) return check;
    try {
      deps.log().create(universe, session);
    } catch (SessionExistsException e) {
      // A session created but never opened (an earlier create that crashed before opening) may be opened now.
      boolean neverOpened = deps.log().find(universe, session).map(s -> s.head() == 0).orElse(false);
      if (!neverOpened) return new Admission.Rejected(Rejection.conflict("session \"" + session.value() + "\" already exists"));
    }
    return runner(session).orElseThrow().submitAndWait(open, timeout);
  }

  /** Submits a command and waits for durable admission. */
  public Admission submit(SessionId session, Command command, Duration timeout) throws TimeoutException {
    Optional<SessionRunner> runner = runner(session);
    if (runner.isEmpty()) return new Admission.Rejected(Rejection.notFound("there is no session \"" + session.value() + "\""));
    return runner.get().submitAndWait(command, timeout);
  }

  /** {@return the session's runner, opening it on first use, or empty when the session does not exist} */
  public Optional<SessionRunner> runner(SessionId session) {
    SessionRunner existing = runners.get(session);
    if (existing != null && existing.failure() == null) return Optional.of(existing);
    try {
      return Optional.of(runners.compute(session, (id, current) ->
          current != null && current.failure() == null ? current : SessionRunner.open(deps, universe, id)));
    } catch (SessionNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    runners.values().forEach(SessionRunner::close);
    runners.clear();
  }
}
