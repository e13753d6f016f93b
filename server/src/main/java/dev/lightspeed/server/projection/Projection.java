package dev.lightspeed.server.projection;

import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.session.SessionState;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One session as the gateway shows it, at one position of its log: the engine's state (the same fold the
 * workflow uses) plus the input of every accepted run, which the state drops once a run finishes but run
 * views still show. Immutable; {@link #apply} returns a new projection and shares what did not change.
 */
public final class Projection {
  /** The projection of an empty log. */
  public static final Projection INITIAL = new Projection(SessionState.INITIAL, Collections.emptyNavigableMap());

  private final SessionState state;
  private final NavigableMap<Long, List<InputItem>> runInputs;

  private Projection(SessionState state, NavigableMap<Long, List<InputItem>> runInputs) {
    this.state = state;
    this.runInputs = runInputs;
  }

  /** {@return the engine state at {@link #head()}} */
  public SessionState state() {
    return state;
  }

  /** {@return the seq of the last applied entry, 0 for none} */
  public long head() {
    return state.head();
  }

  /** {@return the input of run {@code run}, or empty when no such run was accepted} */
  public Optional<List<InputItem>> runInput(long run) {
    return Optional.ofNullable(runInputs.get(run));
  }

  /** {@return the input of every accepted run by run id, ascending} */
  public NavigableMap<Long, List<InputItem>> runs() {
    return runInputs;
  }

  /**
   * {@return the projection after {@code entry}}
   *
   * @throws dev.lightspeed.engine.core.LogCorruptionException when the entry does not follow or cannot apply
   */
  public Projection apply(LogEntry entry) {
    SessionState next = Replay.apply(state, entry);
    if (!RunEvent.Accepted.KIND.equals(entry.event().kind())) return new Projection(next, runInputs);
    RunEvent.Accepted accepted = (RunEvent.Accepted) EventCodec.decode(entry.event());
    TreeMap<Long, List<InputItem>> inputs = new TreeMap<>(runInputs);
    inputs.put(accepted.run(), accepted.input());
    return new Projection(next, Collections.unmodifiableNavigableMap(inputs));
  }
}
