package dev.lightspeed.store.pg;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.json.JsonSyntaxException;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.LogCorruptedException;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionExistsException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionLogRules;
import dev.lightspeed.store.log.SessionNotClosedException;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link SessionLog} in PostgreSQL: table {@code session_events} holds the entries (as jsonb for queries,
 * plus their exact canonical text, which reads return), table {@code sessions} the {@link SessionSummary}
 * projection.
 *
 * <p><b>Appends</b> run in one transaction and one round trip, the SQL function {@code lightspeed_append}
 * (migration V2): lock the session row ({@code SELECT ... FOR UPDATE}), compare its head with the expected
 * one, insert the batch, move the projection, commit. Only a conflict costs a second statement, which reads
 * the entries at the asked-for seqs to confirm a retry. Racing appends to one session
 * queue on the row lock, so each seq has exactly one winner; the losers see the new head and either confirm
 * (same entries) or conflict. If the connection dies mid-append the transaction either committed or left no
 * trace, and a retry of the same entries converges through idempotent confirmation.
 *
 * <p><b>Reads</b> are single statements, so a page and the head it reports come from one snapshot and a page
 * never shows part of an append. Pages are keyset-paged on {@code (universe, session, seq)}.
 *
 * <p>Safe for concurrent use by any number of threads and processes sharing the database. Timestamps come
 * from the injected clock. Entries holding the character U+0000 cannot be stored (jsonb refuses it) and are
 * rejected with {@link IllegalArgumentException}.
 */
public final class PgSessionLog implements SessionLog {
  private final PgPool pool;
  private final InstantSource clock;
  private final Universes universes = new Universes();

  public PgSessionLog(PgPool pool, InstantSource clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SessionSummary create(UniverseId universe, SessionId session) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    SessionSummary created = SessionSummary.created(universe, session, clock.millis());
    try (Connection c = pool.connection()) {
      universes.ensure(c, universe);
      try (PreparedStatement insert = c.prepareStatement("""
          INSERT INTO sessions (universe_id, session_id, lifecycle, head, closed_at_seq, created_at_ms, updated_at_ms)
          VALUES (?, ?, ?, 0, 0, ?, ?) ON CONFLICT (universe_id, session_id) DO NOTHING""")) {
        insert.setString(1, universe.value());
        insert.setString(2, session.value());
        insert.setString(3, created.lifecycle().wireName());
        insert.setLong(4, created.createdAtMs());
        insert.setLong(5, created.updatedAtMs());
        if (insert.executeUpdate() == 0) throw new SessionExistsException(universe, session);
      }
      return created;
    } catch (SQLException e) {
      throw SqlFailures.io("cannot create session " + universe + "/" + session, e);
    }
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    List<NewEntry> batch = SessionLogRules.checkAppend(expectedHead, entries);
    List<LogEntry> committed = new ArrayList<>(batch.size());
    String[] texts = new String[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      byte[] json = SessionLogRules.storedForm(batch.get(i).at(expectedHead + 1 + i));
      texts[i] = new String(json, StandardCharsets.UTF_8);
      if (holdsNul(texts[i])) {
        throw new IllegalArgumentException("entry at seq " + (expectedHead + 1 + i)
            + " holds the character U+0000, which PostgreSQL cannot store");
      }
      committed.add(LogEntryJson.parse(texts[i]));
    }
    Lifecycle change = lifecycleChange(committed);
    try (Connection c = pool.connection()) {
      SessionSummary after;
      try (PreparedStatement call = c.prepareStatement("SELECT * FROM lightspeed_append(?, ?, ?, ?, ?, ?, ?)")) {
        call.setString(1, universe.value());
        call.setString(2, session.value());
        call.setLong(3, expectedHead);
        call.setArray(4, c.createArrayOf("text", texts));
        call.setString(5, change == null ? null : change.lifecycle().wireName());
        if (change == null) call.setNull(6, Types.BIGINT);
        else call.setLong(6, change.closedAtSeq());
        call.setLong(7, clock.millis());
        try (ResultSet rs = call.executeQuery()) {
          rs.next();
          String outcome = rs.getString(1);
          if (outcome.equals("not_found")) throw new SessionNotFoundException(universe, session);
          after = summary(universe, session, rs, 3, rs.getLong(2));
          if (outcome.equals("appended")) return List.copyOf(committed);
        }
      }
      long head = after.head();
      if (head >= expectedHead + batch.size()) {
        List<LogEntry> stored = readRange(c, universe, session, expectedHead, batch.size());
        if (SessionLogRules.isRetryOf(stored, batch)) return Collections.unmodifiableList(stored);
      }
      throw new AppendConflictException(expectedHead, head);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot append to session " + universe + "/" + session, e);
    }
  }

  /** What a batch does to the lifecycle projection: its last lifecycle event wins; null when it has none. */
  private static Lifecycle lifecycleChange(List<LogEntry> committed) {
    Lifecycle change = null;
    for (LogEntry entry : committed) {
      switch (entry.event().kind()) {
        case SessionLifecycle.OPENED_KIND -> change = new Lifecycle(SessionLifecycle.OPEN, 0);
        case SessionLifecycle.CLOSED_KIND -> change = new Lifecycle(SessionLifecycle.CLOSED, entry.seq());
        default -> {
          // Not a lifecycle event: the projection passes it through.
        }
      }
    }
    return change;
  }

  private record Lifecycle(SessionLifecycle lifecycle, long closedAtSeq) {}

  private static SessionSummary lockSummary(Connection c, UniverseId universe, SessionId session) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("""
        SELECT lifecycle, head, created_at_ms, updated_at_ms, closed_at_seq FROM sessions
        WHERE universe_id = ? AND session_id = ? FOR UPDATE""")) {
      select.setString(1, universe.value());
      select.setString(2, session.value());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) throw new SessionNotFoundException(universe, session);
        return summary(universe, session, rs, 1);
      }
    }
  }

  private List<LogEntry> readRange(Connection c, UniverseId universe, SessionId session, long afterSeq, int count)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement("""
        SELECT seq, entry_text FROM session_events
        WHERE universe_id = ? AND session_id = ? AND seq > ? AND seq <= ? ORDER BY seq""")) {
      select.setString(1, universe.value());
      select.setString(2, session.value());
      select.setLong(3, afterSeq);
      select.setLong(4, afterSeq + count);
      List<LogEntry> entries = new ArrayList<>(count);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) entries.add(parse(universe, session, afterSeq + 1 + entries.size(), rs.getLong(1), rs.getString(2)));
      }
      return entries;
    }
  }

  @Override
  public LogPage readAfter(UniverseId universe, SessionId session, long afterSeq, int limit) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    SessionLogRules.checkReadAfter(afterSeq, limit);
    // One statement, one snapshot: the page never reaches past the head it reports.
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement("""
            SELECT s.head, e.seq, e.entry_text FROM sessions s
            LEFT JOIN LATERAL (
              SELECT seq, entry_text FROM session_events
              WHERE universe_id = s.universe_id AND session_id = s.session_id AND seq > ? AND seq <= s.head
              ORDER BY seq LIMIT ?) e ON true
            WHERE s.universe_id = ? AND s.session_id = ?
            ORDER BY e.seq""")) {
      select.setFetchSize(Math.min(limit, 1_000));
      select.setLong(1, afterSeq);
      select.setInt(2, limit);
      select.setString(3, universe.value());
      select.setString(4, session.value());
      long head = -1;
      List<LogEntry> entries = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          head = rs.getLong(1);
          String text = rs.getString(3);
          if (text != null) entries.add(parse(universe, session, afterSeq + 1 + entries.size(), rs.getLong(2), text));
        }
      }
      if (head < 0) throw new SessionNotFoundException(universe, session);
      long expected = Math.min((long) limit, Math.max(0, head - afterSeq));
      if (entries.size() != expected) {
        throw new LogCorruptedException(universe, session, afterSeq + 1 + entries.size(),
            "sessions.head is " + head + " but session_events holds " + entries.size() + " of the " + expected
                + " entries after seq " + afterSeq);
      }
      return new LogPage(entries, head);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read session " + universe + "/" + session, e);
    }
  }

  @Override
  public long head(UniverseId universe, SessionId session) {
    return find(universe, session).orElseThrow(() -> new SessionNotFoundException(universe, session)).head();
  }

  @Override
  public Optional<SessionSummary> find(UniverseId universe, SessionId session) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement("""
            SELECT lifecycle, head, created_at_ms, updated_at_ms, closed_at_seq FROM sessions
            WHERE universe_id = ? AND session_id = ?""")) {
      select.setString(1, universe.value());
      select.setString(2, session.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(summary(universe, session, rs, 1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read session " + universe + "/" + session, e);
    }
  }

  @Override
  public List<SessionSummary> list(UniverseId universe, Set<SessionLifecycle> lifecycles, int limit) {
    Objects.requireNonNull(universe, "universe");
    SessionLogRules.checkList(lifecycles, limit);
    String[] wanted = lifecycles.stream().map(SessionLifecycle::wireName).toArray(String[]::new);
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement("""
            SELECT lifecycle, head, created_at_ms, updated_at_ms, closed_at_seq, session_id FROM sessions
            WHERE universe_id = ? AND lifecycle = ANY (?)
            ORDER BY updated_at_ms DESC, session_id LIMIT ?""")) {
      select.setString(1, universe.value());
      select.setArray(2, c.createArrayOf("text", wanted));
      select.setInt(3, limit);
      List<SessionSummary> out = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) out.add(summary(universe, SessionId.of(rs.getString(6)), rs, 1));
      }
      return Collections.unmodifiableList(out);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot list sessions of universe " + universe, e);
    }
  }

  @Override
  public void delete(UniverseId universe, SessionId session) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    try (Connection c = pool.connection()) {
      c.setAutoCommit(false);
      try {
        SessionSummary summary = lockSummary(c, universe, session);
        if (summary.lifecycle() != SessionLifecycle.CLOSED) {
          throw new SessionNotClosedException(universe, session, summary.lifecycle());
        }
        // session_events rows go with the session row (ON DELETE CASCADE), in this transaction.
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sessions WHERE universe_id = ? AND session_id = ?")) {
          delete.setString(1, universe.value());
          delete.setString(2, session.value());
          delete.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        if (!c.isClosed()) c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot delete session " + universe + "/" + session, e);
    }
  }

  private static SessionSummary summary(UniverseId universe, SessionId session, ResultSet rs, int from) throws SQLException {
    return new SessionSummary(universe, session, SessionLifecycle.fromWireName(rs.getString(from)),
        rs.getLong(from + 1), rs.getLong(from + 2), rs.getLong(from + 3), rs.getLong(from + 4));
  }

  /** A summary from the columns lifecycle, created, updated, closed-at starting at {@code from}, with {@code head}. */
  private static SessionSummary summary(UniverseId universe, SessionId session, ResultSet rs, int from, long head)
      throws SQLException {
    return new SessionSummary(universe, session, SessionLifecycle.fromWireName(rs.getString(from)), head,
        rs.getLong(from + 1), rs.getLong(from + 2), rs.getLong(from + 3));
  }

  private static LogEntry parse(UniverseId universe, SessionId session, long expectedSeq, long seq, String text) {
    if (seq != expectedSeq) {
      throw new LogCorruptedException(universe, session, expectedSeq, "expected seq " + expectedSeq + " but found seq " + seq);
    }
    try {
      LogEntry entry = LogEntryJson.parse(text);
      if (entry.seq() != seq) {
        throw new LogCorruptedException(universe, session, expectedSeq, "entry_text holds seq " + entry.seq() + " in the row of seq " + seq);
      }
      return entry;
    } catch (JsonSyntaxException | JsonShapeException e) {
      throw new LogCorruptedException(universe, session, expectedSeq, "entry_text does not parse: " + e.getMessage(), e);
    }
  }

  /** {@return true when the JSON text escapes U+0000 somewhere (an odd run of backslashes before u0000)} */
  private static boolean holdsNul(String json) {
    for (int at = json.indexOf("u0000"); at >= 0; at = json.indexOf("u0000", at + 1)) {
      int slashes = 0;
      while (at - 1 - slashes >= 0 && json.charAt(at - 1 - slashes) == '\\') slashes++;
      if (slashes % 2 == 1) return true;
    }
    return false;
  }

  static void rollbackQuietly(Connection c, Exception failure) {
    try {
      if (!c.isClosed()) c.rollback();
    } catch (SQLException rollback) {
      failure.addSuppressed(rollback);
    }
  }
}
