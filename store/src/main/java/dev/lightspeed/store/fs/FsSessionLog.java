package dev.lightspeed.store.fs;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreIoException;
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
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link SessionLog} of plain files, the local default. Each session is a directory
 * {@code <root>/universes/<universe>/sessions/<session>/} holding:
 *
 * <ul>
 *   <li>{@code events.jsonl}, the authoritative log: one entry per line in its canonical stored JSON form,
 *       appended in one positioned write per batch and forced to the device before the append returns;
 *   <li>{@code meta.json}, the {@link SessionSummary} projection, replaced after each append by writing a
 *       temporary file and renaming it over the old one; the session exists exactly while this file does;
 *   <li>{@code lock}, locked with an OS file lock while appending, creating, deleting or recovering.
 * </ul>
 *
 * <p><b>Recovery.</b> When this store first opens a session (any operation on it but {@link #list}) it takes
 * the OS lock, cuts off a final line that has no newline (a write torn by a crash, never acknowledged), and,
 * if {@code events.jsonl} holds entries that {@code meta.json} does not count yet (a crash between the two
 * writes), completes the projection from those entries. A retry of the interrupted append is then confirmed
 * idempotently. Until then {@link #list} may show the older summary.
 *
 * <p><b>Caching.</b> Each instance keeps, for recently used sessions, the byte offset of every line, so a page
 * is one positioned read and paging through a log is linear. The cache is checked against {@code meta.json} on
 * every operation (its head and a random incarnation id set at create), so writes by other instances and
 * processes on the same root are picked up, and a deleted and re-created session is never confused with the
 * old one.
 *
 * <p><b>Concurrency.</b> Safe for concurrent use by threads, by several instances on one root in one JVM, and
 * by several processes on one root for appends and reads (POSIX file systems; the OS lock file is deleted
 * with the session, so concurrent create and delete of one session id across processes is not supported).
 * Reads copy the page's bytes under the session lock and parse them after releasing it.
 *
 * <p>Session ids are used as directory names as they are; on a case-insensitive file system two ids that
 * differ only in case collide.
 */
public final class FsSessionLog implements SessionLog {
  private static final int CACHED_SESSIONS = 1024;

  private final Path root;
  private final InstantSource clock;
  private final Map<Path, SessionIndex> indexes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, SessionIndex> eldest) {
      return size() > CACHED_SESSIONS;
    }
  });

  /**
   * A log under {@code root} (created if absent) whose timestamps come from {@code clock}.
   *
   * @throws StoreIoException when the root cannot be created or resolved
   */
  public FsSessionLog(Path root, InstantSource clock) {
    Objects.requireNonNull(root, "root");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      Files.createDirectories(root);
      // The real path makes the lock stripes and cache keys agree across instances opened through links.
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new StoreIoException("cannot open session log root " + root, e);
    }
  }

  /** A log under {@code root} whose timestamps come from the system clock. */
  public FsSessionLog(Path root) {
    this(root, InstantSource.system());
  }

  @Override
  public SessionSummary create(UniverseId universe, SessionId session) {
    SessionFiles files = SessionFiles.of(root, universe, session);
    try (SessionLock lock = SessionLock.acquire(files)) {
      Files.createDirectories(files.dir());
      lock.acrossProcesses();
      if (Files.exists(files.meta())) throw new SessionExistsException(universe, session);
      // A directory without meta.json is the remains of an interrupted create or delete: start it afresh.
      try (FileChannel events = FileChannel.open(files.events(),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        events.force(true);
      }
      SessionMeta meta = new SessionMeta(SessionSummary.created(universe, session, clock.millis()), UUID.randomUUID().toString());
      indexes.remove(files.dir());
      meta.write(files);
      return meta.summary();
    } catch (IOException e) {
      throw new StoreIoException("cannot create session " + files.dir(), e);
    }
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    SessionFiles files = SessionFiles.of(root, universe, session);
    List<NewEntry> batch = SessionLogRules.checkAppend(expectedHead, entries);
    try (SessionLock lock = SessionLock.acquire(files)) {
      Opened opened = open(files, lock, true);
      long head = opened.meta.summary().head();
      if (head != expectedHead) {
        if (head >= expectedHead + batch.size()) {
          List<LogEntry> stored = read(files, opened.index, expectedHead, expectedHead + batch.size());
          if (SessionLogRules.isRetryOf(stored, batch)) return List.copyOf(stored);
        }
        throw new AppendConflictException(expectedHead, head);
      }
      List<LogEntry> committed = new ArrayList<>(batch.size());
      List<byte[]> lines = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        byte[] json = SessionLogRules.storedForm(batch.get(i).at(head + 1 + i));
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        lines.add(line);
        committed.add(LogEntryJson.parse(new String(json, StandardCharsets.UTF_8)));
      }
      try (FileChannel events = EventsFile.open(files, StandardOpenOption.WRITE)) {
        EventsFile.append(events, opened.index, lines);
        opened.meta.withSummary(opened.meta.summary().appended(committed, clock.millis())).write(files);
      } catch (IOException | RuntimeException e) {
        // The index may be ahead of or behind the files now; the next open rebuilds it from disk.
        indexes.remove(files.dir());
        throw e;
      }
      return List.copyOf(committed);
    } catch (IOException e) {
      throw new StoreIoException("cannot append to session " + files.dir(), e);
    }
  }

  @Override
  public LogPage readAfter(UniverseId universe, SessionId session, long afterSeq, int limit) {
    SessionFiles files = SessionFiles.of(root, universe, session);
    SessionLogRules.checkReadAfter(afterSeq, limit);
    long head;
    long from;
    byte[] lines;
    try (SessionLock lock = SessionLock.acquire(files)) {
      Opened opened = open(files, lock, false);
      head = opened.meta.summary().head();
      from = Math.min(afterSeq, head);
      long to = Math.min(from + limit, head);
      if (from == to) return new LogPage(List.of(), head);
      try (FileChannel events = EventsFile.open(files, StandardOpenOption.READ)) {
        lines = EventsFile.readLines(events, opened.index, from, to);
      }
    } catch (IOException e) {
      throw new StoreIoException("cannot read session " + files.dir(), e);
    }
    return new LogPage(EventsFile.parse(files, lines, from + 1), head);
  }

  @Override
  public long head(UniverseId universe, SessionId session) {
    return find(universe, session).orElseThrow(() -> new SessionNotFoundException(universe, session)).head();
  }

  @Override
  public Optional<SessionSummary> find(UniverseId universe, SessionId session) {
    SessionFiles files = SessionFiles.of(root, universe, session);
    try (SessionLock lock = SessionLock.acquire(files)) {
      return Optional.of(open(files, lock, false).meta.summary());
    } catch (SessionNotFoundException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreIoException("cannot read session " + files.dir(), e);
    }
  }

  @Override
  public List<SessionSummary> list(UniverseId universe, Set<SessionLifecycle> lifecycles, int limit) {
    Path sessions = SessionFiles.sessionsDir(root, universe);
    SessionLogRules.checkList(lifecycles, limit);
    List<SessionSummary> matching = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sessions)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!SessionId.isValid(name)) continue;
        SessionFiles files = new SessionFiles(universe, SessionId.of(name), dir);
        try {
          SessionSummary summary = SessionMeta.read(files).summary();
          if (lifecycles.contains(summary.lifecycle())) matching.add(summary);
        } catch (NoSuchFileException absent) {
          // Deleted meanwhile, or the remains of an interrupted create or delete: not a session.
        }
      }
    } catch (NoSuchFileException noSessionsYet) {
      return List.of();
    } catch (IOException e) {
      throw new StoreIoException("cannot list sessions under " + sessions, e);
    }
    return matching.stream().sorted(SessionLogRules.LIST_ORDER).limit(limit).toList();
  }

  @Override
  public void delete(UniverseId universe, SessionId session) {
    SessionFiles files = SessionFiles.of(root, universe, session);
    try (SessionLock lock = SessionLock.acquire(files)) {
      SessionSummary summary = open(files, lock, true).meta.summary();
      if (summary.lifecycle() != SessionLifecycle.CLOSED) {
        throw new SessionNotClosedException(universe, session, summary.lifecycle());
      }
      // Removing meta.json is the commit point: from here on the session does not exist.
      Files.delete(files.meta());
      indexes.remove(files.dir());
      try (DirectoryStream<Path> contents = Files.newDirectoryStream(files.dir())) {
        for (Path file : contents) Files.delete(file);
      }
      Files.delete(files.dir());
    } catch (IOException e) {
      throw new StoreIoException("cannot delete session " + files.dir(), e);
    }
  }

  /**
   * Brings the session's cached index up to date with the files, under the session lock. With
   * {@code forWrite}, or when the session is not cached yet, also takes the OS lock, cuts a torn final line
   * and completes a lagging {@code meta.json}, so the returned head equals the number of lines.
   *
   * @throws SessionNotFoundException when the session does not exist
   */
  private Opened open(SessionFiles files, SessionLock lock, boolean forWrite) throws IOException {
    SessionMeta meta = readMeta(files);
    SessionIndex index = indexes.get(files.dir());
    if (index == null || forWrite || !index.incarnation().equals(meta.incarnation())) {
      lock.acrossProcesses();
      meta = readMeta(files);
      if (index == null || !index.incarnation().equals(meta.incarnation())) index = new SessionIndex(meta.incarnation());
      try (FileChannel events = EventsFile.open(files, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        scan(files, index, events);
        if (events.size() > index.end()) {
          events.truncate(index.end());
          events.force(true);
        }
      }
      if (meta.summary().head() < index.count()) meta = completeMeta(files, meta, index);
    } else if (meta.summary().head() > index.count()) {
      try (FileChannel events = EventsFile.open(files, StandardOpenOption.READ)) {
        scan(files, index, events);
      }
    }
    if (meta.summary().head() > index.count()) {
      indexes.remove(files.dir());
      throw new LogCorruptedException(files.universe(), files.session(), index.count() + 1,
          "meta.json records head " + meta.summary().head() + " but events.jsonl ends after seq " + index.count());
    }
    indexes.put(files.dir(), index);
    return new Opened(meta, index);
  }

  private static SessionMeta readMeta(SessionFiles files) throws IOException {
    try {
      return SessionMeta.read(files);
    } catch (NoSuchFileException absent) {
      throw new SessionNotFoundException(files.universe(), files.session());
    }
  }

  private static void scan(SessionFiles files, SessionIndex index, FileChannel events) throws IOException {
    long size = events.size();
    if (size < index.end()) {
      throw new LogCorruptedException(files.universe(), files.session(), 0,
          "events.jsonl shrank to " + size + " bytes but " + index.end() + " bytes were committed");
    }
    index.scan(events);
  }

  /** Folds entries that reached the log but not the projection into {@code meta.json}. */
  private SessionMeta completeMeta(SessionFiles files, SessionMeta meta, SessionIndex index) throws IOException {
    List<LogEntry> unprojected = read(files, index, meta.summary().head(), index.count());
    SessionMeta completed = meta.withSummary(meta.summary().appended(unprojected, clock.millis()));
    completed.write(files);
    return completed;
  }

  private static List<LogEntry> read(SessionFiles files, SessionIndex index, long afterSeq, long toSeq) throws IOException {
    byte[] lines;
    try (FileChannel events = EventsFile.open(files, StandardOpenOption.READ)) {
      lines = EventsFile.readLines(events, index, afterSeq, toSeq);
    }
    return EventsFile.parse(files, lines, afterSeq + 1);
  }

  private record Opened(SessionMeta meta, SessionIndex index) {}
}
