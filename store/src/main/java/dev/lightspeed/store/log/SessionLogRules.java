package dev.lightspeed.store.log;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The argument checks and decisions of the {@link SessionLog} contract that do not depend on the backend, so
 * every implementation rejects the same input with the same message and confirms retries the same way.
 */
public final class SessionLogRules {
  /** The order of {@link SessionLog#list}: most recently updated first, then by session id ascending. */
  public static final Comparator<SessionSummary> LIST_ORDER =
      Comparator.comparingLong(SessionSummary::updatedAtMs).reversed().thenComparing(SessionSummary::id);

  private SessionLogRules() {}

  /**
   * {@return an immutable copy of {@code entries}}
   *
   * @throws IllegalArgumentException when {@code expectedHead} is negative or {@code entries} is empty
   */
  public static List<NewEntry> checkAppend(long expectedHead, List<NewEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    if (expectedHead < 0) throw new IllegalArgumentException("expectedHead < 0: " + expectedHead);
    List<NewEntry> copy = List.copyOf(entries);
    if (copy.isEmpty()) throw new IllegalArgumentException("entries is empty: an append needs at least one entry");
    return copy;
  }

  /** @throws IllegalArgumentException when {@code afterSeq} is negative or {@code limit} is out of range */
  public static void checkReadAfter(long afterSeq, int limit) {
    if (afterSeq < 0) throw new IllegalArgumentException("afterSeq < 0: " + afterSeq);
    checkLimit(limit);
  }

  /** @throws IllegalArgumentException when {@code lifecycles} is empty or {@code limit} is out of range */
  public static void checkList(Set<SessionLifecycle> lifecycles, int limit) {
    Objects.requireNonNull(lifecycles, "lifecycles");
    if (lifecycles.isEmpty()) {
      throw new IllegalArgumentException("lifecycles is empty: pass every lifecycle to list all sessions");
    }
    checkLimit(limit);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > SessionLog.MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range 1.." + SessionLog.MAX_LIMIT + ": " + limit);
    }
  }

  /**
   * {@return true when {@code stored}, the entries the log holds at the seqs an append asked for, are exactly
   * {@code entries}: the append is a retry of one that already committed} Entries are compared as they would
   * be read back, after a round trip through their stored JSON form.
   */
  public static boolean isRetryOf(List<LogEntry> stored, List<NewEntry> entries) {
    if (stored.size() != entries.size()) return false;
    for (int i = 0; i < stored.size(); i++) {
      LogEntry have = stored.get(i);
      if (!have.equals(asStored(entries.get(i).at(have.seq())))) return false;
    }
    return true;
  }

  /**
   * {@return the entry as every store gives it back: written in its stored JSON form and parsed again} Stores
   * keep and return entries in this form, so what an append returns equals what a later read returns, in
   * every backend.
   *
   * @throws IllegalArgumentException when a string in the entry is not valid Unicode (an unpaired surrogate)
   */
  public static LogEntry asStored(LogEntry entry) {
    return LogEntryJson.parse(new String(storedForm(entry), StandardCharsets.UTF_8));
  }

  /**
   * {@return the UTF-8 bytes of the entry's stored JSON form (canonical, one line, no line terminator)}
   *
   * @throws IllegalArgumentException when a string in the entry is not valid Unicode (an unpaired surrogate),
   *     which no backend can store faithfully
   */
  public static byte[] storedForm(LogEntry entry) {
    String json = LogEntryJson.write(entry);
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(json));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("entry at seq " + entry.seq() + " holds a string that is not valid Unicode", e);
    }
  }
}
