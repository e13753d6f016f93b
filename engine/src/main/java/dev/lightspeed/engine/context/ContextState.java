package dev.lightspeed.engine.context;

import dev.lightspeed.engine.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The session's context: entries in entry order plus the bookkeeping that compaction and fingerprints need.
 *
 * <p>{@code chain} is a running SHA-256 over the entries that are neither instructions nor catalogs, in
 * entry order. Appending extends it in O(1); any other edit recomputes it. It lets a turn's request
 * fingerprint cost O(prefix) instead of O(transcript).
 *
 * @param revision bumped by every change, checked by context edit guards
 * @param nextEntryId the id the next placed entry gets
 * @param consumedThroughId the highest entry id the model has seen in a generation request; entries above
 *     it are unconsumed input and survive compaction
 * @param lastInputTokens the provider-reported input tokens of the last completed generation (0 after a
 *     compaction), compared against the compaction high-water mark
 * @param pendingCompaction the compaction in progress, if any
 */
public record ContextState(
    List<ContextEntry> entries,
    long revision,
    long nextEntryId,
    long consumedThroughId,
    long lastInputTokens,
    long nextCompactionId,
    Optional<PendingCompaction> pendingCompaction,
    String chain) {

  public static final ContextState EMPTY =
      new ContextState(List.of(), 0, 1, 0, 0, 1, Optional.empty(), "");

  public ContextState {
    entries = List.copyOf(entries);
    Objects.requireNonNull(pendingCompaction, "pendingCompaction");
    Objects.requireNonNull(chain, "chain");
  }

  /** A compaction that was requested and has not finished. */
  public record PendingCompaction(long id, CompactionTrigger trigger, long run, long pruneBeforeId) {}

  /** Why a compaction was requested. */
  public enum CompactionTrigger {
    MANUAL("manual"),
    HIGH_WATER("highWater");

    private final String wireName;

    CompactionTrigger(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static CompactionTrigger fromWire(String name) {
      for (CompactionTrigger t : values()) if (t.wireName.equals(name)) return t;
      throw new IllegalArgumentException("unknown compaction trigger: \"" + name + "\"");
    }
  }

  public Optional<ContextEntry> findByKey(String key) {
    for (ContextEntry e : entries) if (key.equals(e.key())) return Optional.of(e);
    return Optional.empty();
  }

  /**
   * Places items: an item whose key already exists replaces that entry in place (keeping its position,
   * taking a new id); every other item is appended.
   */
  public ContextState place(List<ContextItem> items, IntFunction<EntrySource> sources) {
    List<ContextEntry> next = new ArrayList<>(entries);
    long id = nextEntryId;
    boolean appendOnly = true;
    String newChain = chain;
    for (int i = 0; i < items.size(); i++) {
      ContextItem item = items.get(i);
      ContextEntry entry = new ContextEntry(id++, sources.apply(i), item);
      int existing = item.key() == null ? -1 : indexOfKey(next, item.key());
      if (existing >= 0) {
        next.set(existing, entry);
        appendOnly = false;
      } else {
        next.add(entry);
        if (appendOnly && inChain(entry)) newChain = extend(newChain, entry);
      }
    }
    ContextState placed = new ContextState(next, revision + 1, id, consumedThroughId, lastInputTokens, nextCompactionId, pendingCompaction, newChain);
    return appendOnly ? placed : placed.rechained();
  }

  public ContextState removeWhere(Predicate<ContextEntry> doomed) {
    List<ContextEntry> next = new ArrayList<>(entries.size());
    for (ContextEntry e : entries) if (!doomed.test(e)) next.add(e);
    return new ContextState(next, revision + 1, nextEntryId, consumedThroughId, lastInputTokens, nextCompactionId, pendingCompaction, chain)
        .rechained();
  }

  /** {@return whether compaction may remove this entry when pruning everything before {@code beforeId}} */
  public boolean prunable(ContextEntry e, long beforeId) {
    return e.id() < beforeId && e.key() == null && e.kind().prunableKind() && e.id() <= consumedThroughId;
  }

  public ContextState pruneBefore(long beforeId) {
    return removeWhere(e -> prunable(e, beforeId));
  }

  /** {@return whether pruning everything before {@code beforeId} would remove anything} */
  public boolean hasPrunableBefore(long beforeId) {
    for (ContextEntry e : entries) if (prunable(e, beforeId)) return true;
    return false;
  }

  /**
   * Replaces the prunable entries before {@code beforeId} with {@code items}, placed where the first
   * removed entry stood (or at the end when nothing was prunable).
   */
  public ContextState compact(long beforeId, List<ContextItem> items, EntrySource source) {
    List<ContextEntry> next = new ArrayList<>(entries.size());
    int insertAt = -1;
    for (ContextEntry e : entries) {
      if (prunable(e, beforeId)) {
        if (insertAt < 0) insertAt = next.size();
      } else {
        next.add(e);
      }
    }
    if (insertAt < 0) insertAt = next.size();
    long id = nextEntryId;
    List<ContextEntry> placed = new ArrayList<>(items.size());
    for (ContextItem item : items) placed.add(new ContextEntry(id++, source, item));
    next.addAll(insertAt, placed);
    return new ContextState(next, revision + 1, id, consumedThroughId, lastInputTokens, nextCompactionId, pendingCompaction, chain)
        .rechained();
  }

  public ContextState withRevision(long r) {
    return new ContextState(entries, r, nextEntryId, consumedThroughId, lastInputTokens, nextCompactionId, pendingCompaction, chain);
  }

  public ContextState withConsumedThrough(long id) {
    return new ContextState(entries, revision, nextEntryId, id, lastInputTokens, nextCompactionId, pendingCompaction, chain);
  }

  public ContextState withLastInputTokens(long tokens) {
    return new ContextState(entries, revision, nextEntryId, consumedThroughId, tokens, nextCompactionId, pendingCompaction, chain);
  }

  public ContextState withPendingCompaction(PendingCompaction pending) {
    return new ContextState(entries, revision, nextEntryId, consumedThroughId, lastInputTokens,
        Math.max(nextCompactionId, pending.id() + 1), Optional.of(pending), chain);
  }

  public ContextState withoutPendingCompaction() {
    return new ContextState(entries, revision, nextEntryId, consumedThroughId, lastInputTokens, nextCompactionId, Optional.empty(), chain);
  }

  /**
   * {@return entries in request order: instructions sorted by key, the skill catalog, the VFS catalog, then
   * everything else in entry order} This order is the stable prompt prefix providers cache.
   */
  public List<ContextEntry> ordered() {
    List<ContextEntry> out = new ArrayList<>(entries.size());
    out.addAll(stablePrefix());
    for (ContextEntry e : entries) if (inChain(e)) out.add(e);
    return out;
  }

  /** {@return the instructions and catalogs, in request order} */
  public List<ContextEntry> stablePrefix() {
    List<ContextEntry> instructions = new ArrayList<>();
    List<ContextEntry> catalogs = new ArrayList<>();
    List<ContextEntry> vfsCatalogs = new ArrayList<>();
    for (ContextEntry e : entries) {
      switch (e.kind()) {
        case INSTRUCTIONS -> instructions.add(e);
        case SKILL_CATALOG -> catalogs.add(e);
        case VFS_CATALOG -> vfsCatalogs.add(e);
        case MESSAGE, SKILL_ACTIVATION, TOOL_CALL, TOOL_RESULT, REASONING_STATE, PROVIDER_OPAQUE, COMPACTION -> { }
      }
    }
    instructions.sort(BY_KEY);
    instructions.addAll(catalogs);
    instructions.addAll(vfsCatalogs);
    return instructions;
  }

  private static final Comparator<ContextEntry> BY_KEY = Comparator
      .comparing((ContextEntry e) -> e.key() == null ? "\uffff" : e.key())
      .thenComparingLong(ContextEntry::id);

  private static boolean inChain(ContextEntry e) {
    return switch (e.kind()) {
      case INSTRUCTIONS, SKILL_CATALOG, VFS_CATALOG -> false;
      case MESSAGE, SKILL_ACTIVATION, TOOL_CALL, TOOL_RESULT, REASONING_STATE, PROVIDER_OPAQUE, COMPACTION -> true;
    };
  }

  private static int indexOfKey(List<ContextEntry> list, String key) {
    for (int i = 0; i < list.size(); i++) if (key.equals(list.get(i).key())) return i;
    return -1;
  }

  private ContextState rechained() {
    String c = "";
    for (ContextEntry e : entries) if (inChain(e)) c = extend(c, e);
    return new ContextState(entries, revision, nextEntryId, consumedThroughId, lastInputTokens, nextCompactionId, pendingCompaction, c);
  }

  private static String extend(String chain, ContextEntry entry) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(chain.getBytes(StandardCharsets.US_ASCII));
      sha.update(CanonicalJson.writeUtf8(ContextJson.entry(entry)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
