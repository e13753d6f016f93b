package dev.lightspeed.store.log;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authoritative, append-only event log of every session, plus a small per-session projection
 * ({@link SessionSummary}) that the store keeps up to date in the same atomic step as each append.
 *
 * <p><b>Sequence numbers.</b> Entries of a session are numbered 1, 2, 3, ... without gaps. The {@code head} is
 * the seq of the last entry, 0 for an empty log. The store assigns seqs; callers never choose them.
 *
 * <p><b>Optimistic concurrency.</b> An append names the head it was decided against ({@code expectedHead}). If
 * the log is still there, the entries are committed as {@code expectedHead + 1 ...}. If not, the append fails
 * with {@link AppendConflictException} and nothing is written — with one exception, <i>idempotent
 * confirmation</i>: if the log already holds, at exactly those seqs, entries equal to the ones given (every
 * field but the seq), the append is a retry of one that succeeded, and it returns the stored entries without
 * writing or touching the summary. Hosts give entries their observation time themselves (workflow time), so
 * a retried append is equal entry for entry. Equality is that of the entries after a round trip through
 * their stored JSON form ({@link dev.lightspeed.engine.log.LogEntryJson}).
 *
 * <p><b>Threads and processes.</b> Implementations are safe for concurrent use. Appends to one session are
 * serialized: of several racing appends with the same {@code expectedHead}, exactly one commits and the others
 * conflict, unless they carry equal entries, in which case all of them succeed with the same result. Reads
 * never see a partly committed append: a page ends at or before the last committed entry, and the summary is
 * updated atomically with the append.
 *
 * <p><b>Universes.</b> Every method takes the universe first; a universe never sees another's sessions, and
 * the same session id in two universes names two unrelated sessions.
 *
 * <p><b>Time.</b> {@code createdAtMs} and {@code updatedAtMs} come from the clock the store was built with,
 * never from the entries.
 *
 * <p><b>Left out.</b> The store does not interpret events beyond the two lifecycle kinds (see
 * {@link SessionLifecycle}): it does not refuse appends to a closed session, validate payloads, or enforce
 * anything about joins. There is no truncation or editing of entries, no subscription or long-poll (callers
 * poll {@link #readAfter}), no rename, and no cross-session transaction. Failures of the medium are
 * {@link dev.lightspeed.store.StoreIoException}; every operation is safe to retry.
 */
public interface SessionLog {

  /** The largest page {@link #readAfter} and {@link #list} return. */
  int MAX_LIMIT = 10_000;

  /**
   * Creates an empty session: lifecycle {@link SessionLifecycle#NEW}, head 0, created and updated now.
   *
   * @throws SessionExistsException when the universe already holds a session with this id
   */
  SessionSummary create(UniverseId universe, SessionId session);

  /**
   * Appends entries after {@code expectedHead}, or confirms that exactly these entries are already there.
   *
   * @param expectedHead the head the caller decided against, 0 for an empty log
   * @param entries at least one entry, committed as {@code expectedHead + 1, expectedHead + 2, ...}
   * @return the committed entries in seq order (the stored ones, on idempotent confirmation); unmodifiable
   * @throws AppendConflictException when the head is not {@code expectedHead} and the log does not hold these
   *     exact entries at those seqs
   * @throws SessionNotFoundException when the session does not exist
   * @throws IllegalArgumentException when {@code entries} is empty or {@code expectedHead} is negative
   */
  List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries);

  /**
   * Reads up to {@code limit} entries with seq greater than {@code afterSeq}, in seq order. A cursor at or
   * past the head yields an empty page.
   *
   * @param afterSeq the seq of the last entry already seen, 0 to start from the beginning
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws SessionNotFoundException when the session does not exist
   * @throws IllegalArgumentException when {@code afterSeq} is negative or {@code limit} is out of range
   */
  LogPage readAfter(UniverseId universe, SessionId session, long afterSeq, int limit);

  /**
   * {@return the seq of the session's last entry, 0 when empty}
   *
   * @throws SessionNotFoundException when the session does not exist
   */
  long head(UniverseId universe, SessionId session);

  /** {@return the session's summary, or empty when it does not exist} */
  Optional<SessionSummary> find(UniverseId universe, SessionId session);

  /**
   * Lists the universe's sessions whose lifecycle is in {@code lifecycles}, most recently updated first; ties
   * (equal {@code updatedAtMs}) in ascending session id order.
   *
   * @param lifecycles which lifecycles to include; not empty
   * @param limit 1 to {@value #MAX_LIMIT}
   * @return at most {@code limit} summaries; unmodifiable
   * @throws IllegalArgumentException when {@code lifecycles} is empty or {@code limit} is out of range
   */
  List<SessionSummary> list(UniverseId universe, Set<SessionLifecycle> lifecycles, int limit);

  /**
   * Deletes a closed session with its whole log. The id can then be created again as a new session. Blobs the
   * log referred to are left alone.
   *
   * @throws SessionNotClosedException when the session is new or open
   * @throws SessionNotFoundException when the session does not exist
   */
  void delete(UniverseId universe, SessionId session);
}
