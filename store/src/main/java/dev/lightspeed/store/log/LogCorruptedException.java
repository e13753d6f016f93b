package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/**
 * A session's stored log cannot be read back as contiguous entries: a record does not parse, its seq is not
 * the one its position implies, or the stored projection disagrees with the log. The store refuses to guess;
 * an operator has to repair or delete the session. {@link #line()} is the 1-based position of the bad record,
 * which is also the seq it should have, or 0 when the problem is not at one record.
 */
public final class LogCorruptedException extends StoreException {
  private final UniverseId universe;
  private final SessionId session;
  private final long line;

  public LogCorruptedException(UniverseId universe, SessionId session, long line, String problem, Throwable cause) {
    super("log of session \"" + Objects.requireNonNull(session, "session") + "\" in universe \""
        + Objects.requireNonNull(universe, "universe") + "\" is corrupted" + (line > 0 ? " at line " + line : "")
        + ": " + Objects.requireNonNull(problem, "problem"), cause);
    if (line < 0) throw new IllegalArgumentException("line < 0: " + line);
    this.universe = universe;
    this.session = session;
    this.line = line;
  }

  public LogCorruptedException(UniverseId universe, SessionId session, long line, String problem) {
    this(universe, session, line, problem, null);
  }

  public UniverseId universe() {
    return universe;
  }

  public SessionId session() {
    return session;
  }

  /** {@return the 1-based line (and expected seq) of the bad record, 0 when not at one record} */
  public long line() {
    return line;
  }
}
