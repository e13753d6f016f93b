package dev.lightspeed.testkit.store;

import static dev.lightspeed.testkit.store.TestEntries.closed;
import static dev.lightspeed.testkit.store.TestEntries.event;
import static dev.lightspeed.testkit.store.TestEntries.opened;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.fs.FsSessionLog;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.LogCorruptedException;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsSessionLogTest extends SessionLogContract {
  @TempDir Path root;

  @Override
  protected SessionLog newLog(InstantSource clock) {
    return new FsSessionLog(root, clock);
  }

  private FsSessionLog reopen() {
    return new FsSessionLog(root, clock);
  }

  private Path sessionDir() {
    return root.resolve("universes/default/sessions/s1");
  }

  private Path events() {
    return sessionDir().resolve("events.jsonl");
  }

  private Path meta() {
    return sessionDir().resolve("meta.json");
  }

  // ---- layout

  @Test
  void aSessionIsAJsonlLogAndAMetaFileInItsOwnDirectory() throws IOException {
    log.create(UNIVERSE, S1);
    List<LogEntry> committed = log.append(UNIVERSE, S1, 0, List.of(opened(), richEntry()));

    assertThat(Files.readString(events())).isEqualTo(LogEntryJson.write(committed.get(0)) + "\n"
        + LogEntryJson.write(committed.get(1)) + "\n");
    Json.Obj meta = CanonicalJson.parseObject(Files.readString(meta()));
    assertThat(meta.members().keySet()).containsExactlyInAnyOrder(
        "universe", "session", "incarnation", "lifecycle", "head", "createdAtMs", "updatedAtMs", "closedAtSeq");
    assertThat(meta.string("universe")).isEqualTo("default");
    assertThat(meta.string("session")).isEqualTo("s1");
    assertThat(meta.string("lifecycle")).isEqualTo("open");
    assertThat(meta.number("head")).isEqualTo(2);
    assertThat(meta.number("createdAtMs")).isEqualTo(T0);
    assertThat(meta.number("closedAtSeq")).isZero();
    try (var files = Files.list(sessionDir())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("events.jsonl", "meta.json", "lock");
    }
  }

  @Test
  void deleteRemovesTheSessionDirectory() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), closed()));

    log.delete(UNIVERSE, S1);

    assertThat(sessionDir()).doesNotExist();
    assertThat(sessionDir().getParent()).isDirectory();
  }

  // ---- several instances on one root

  @Test
  void aNewInstanceOnTheSameRootSeesTheSameData() {
    log.create(UNIVERSE, S1);
    List<LogEntry> committed = log.append(UNIVERSE, S1, 0, List.of(opened(), richEntry(), event("x")));
    SessionSummary summary = log.find(UNIVERSE, S1).orElseThrow();

    FsSessionLog reopened = reopen();

    assertThat(reopened.find(UNIVERSE, S1)).contains(summary);
    assertThat(reopened.readAfter(UNIVERSE, S1, 0, 10).entries()).isEqualTo(committed);
    assertThat(reopened.list(UNIVERSE, ALL, 10)).containsExactly(summary);
    assertThat(reopened.append(UNIVERSE, S1, 0, List.of(opened(), richEntry(), event("x")))).isEqualTo(committed);
  }

  @Test
  void instancesOnTheSameRootSeeEachOthersAppends() {
    FsSessionLog other = reopen();
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a")));
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).hasSize(1);

    other.append(UNIVERSE, S1, 1, List.of(event("b"), opened()));
    clock.advanceMillis(5);
    log.append(UNIVERSE, S1, 3, List.of(event("c")));

    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::unsequenced)
        .containsExactly(event("a"), event("b"), opened(), event("c"));
    assertThat(other.readAfter(UNIVERSE, S1, 2, 10).entries()).extracting(LogEntry::seq).containsExactly(3L, 4L);
    assertThat(other.find(UNIVERSE, S1)).isEqualTo(log.find(UNIVERSE, S1));
    assertThat(other.find(UNIVERSE, S1).orElseThrow().lifecycle()).isEqualTo(SessionLifecycle.OPEN);
    assertThatThrownBy(() -> other.append(UNIVERSE, S1, 3, List.of(event("stale"))))
        .isInstanceOf(AppendConflictException.class)
        .hasMessage("append conflict: expected head 3 but the log is at 4");
  }

  @Test
  void instancesRacingOnOneSessionHaveExactlyOneWinner() throws Exception {
    List<FsSessionLog> instances = List.of(reopen(), reopen());
    log.create(UNIVERSE, S1);

    List<Object> outcomes = StartingGate.run(8, t -> {
      try {
        return instances.get(t % 2).append(UNIVERSE, S1, 0, List.of(event("thread " + t)));
      } catch (AppendConflictException e) {
        return e;
      }
    });

    assertThat(outcomes.stream().filter(List.class::isInstance)).hasSize(1);
    assertThat(outcomes.stream().filter(AppendConflictException.class::isInstance)).hasSize(7);
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(1);
  }

  @Test
  void instancesOpenedThroughALinkToTheRootShareTheirLocks() throws Exception {
    Path link = Files.createSymbolicLink(root.resolveSibling(root.getFileName() + "-link"), root);
    try {
      List<FsSessionLog> instances = List.of(reopen(), new FsSessionLog(link, clock));
      log.create(UNIVERSE, S1);

      StartingGate.run(8, t -> {
        FsSessionLog instance = instances.get(t % 2);
        for (int i = 0; i < 10; i++) {
          while (true) {
            try {
              instance.append(UNIVERSE, S1, instance.head(UNIVERSE, S1), List.of(event(t + ":" + i)));
              break;
            } catch (AppendConflictException raced) {
              // Lost the race to another thread: re-read the head and try again.
            }
          }
        }
        return null;
      });

      assertThat(log.readAfter(UNIVERSE, S1, 0, 1_000).entries()).hasSize(80);
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void aSessionDeletedAndRecreatedElsewhereIsNotConfusedWithTheOldOne() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), event("old"), closed()));
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).hasSize(3);

    FsSessionLog other = reopen();
    other.delete(UNIVERSE, S1);
    other.create(UNIVERSE, S1);
    other.append(UNIVERSE, S1, 0, List.of(event("w"), event("x"), event("y"), event("z")));

    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::unsequenced)
        .containsExactly(event("w"), event("x"), event("y"), event("z"));
    assertThat(log.append(UNIVERSE, S1, 4, List.of(event("next")))).containsExactly(event("next").at(5));
  }

  // ---- recovery

  @Test
  void aTornFinalLineIsCutOffOnFirstOpen() throws IOException {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b"), event("c")));
    long intactSize = Files.size(events());
    Files.writeString(events(), "{\"event\":{\"kind\":\"test.store.noted\",\"pay", StandardOpenOption.APPEND);

    FsSessionLog reopened = reopen();

    assertThat(reopened.head(UNIVERSE, S1)).isEqualTo(3);
    assertThat(Files.size(events())).isEqualTo(intactSize);
    assertThat(reopened.readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::unsequenced)
        .containsExactly(event("a"), event("b"), event("c"));
    reopened.append(UNIVERSE, S1, 3, List.of(event("d")));
    assertThat(reopen().readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aTornTailBehindACachedSessionIsIgnoredByReadsAndCutByTheNextAppend() throws IOException {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a")));
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).hasSize(1);
    Files.writeString(events(), "{\"partial", StandardOpenOption.APPEND);

    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).hasSize(1);
    log.append(UNIVERSE, S1, 1, List.of(event("b")));

    assertThat(Files.readAllLines(events())).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"event\""));
    assertThat(reopen().readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::unsequenced)
        .containsExactly(event("a"), event("b"));
  }

  @Test
  void entriesThatReachedTheLogButNotTheMetaFileAreRecovered() throws IOException {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened()));
    byte[] metaBeforeCrash = Files.readAllBytes(meta());
    List<LogEntry> interrupted = log.append(UNIVERSE, S1, 1, List.of(event("a"), closed()));
    Files.write(meta(), metaBeforeCrash);
    clock.advanceMillis(500);

    FsSessionLog reopened = reopen();

    assertThat(reopened.find(UNIVERSE, S1))
        .contains(new SessionSummary(UNIVERSE, S1, SessionLifecycle.CLOSED, 3, T0, T0 + 500, 3));
    assertThat(CanonicalJson.parseObject(Files.readString(meta())).number("head")).isEqualTo(3);
    assertThat(reopened.append(UNIVERSE, S1, 1, List.of(event("a"), closed()))).isEqualTo(interrupted);
  }

  @Test
  void aDirectoryWithoutAMetaFileIsNotASession() throws IOException {
    Files.createDirectories(sessionDir());
    Files.writeString(events(), "left over from an interrupted create\n");

    assertThat(log.find(UNIVERSE, S1)).isEmpty();
    assertThat(log.list(UNIVERSE, ALL, 10)).isEmpty();
    log.create(UNIVERSE, S1);
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).isEmpty();
    assertThat(log.append(UNIVERSE, S1, 0, List.of(event("a")))).containsExactly(event("a").at(1));
  }

  // ---- corruption

  @Test
  void aLineThatIsNotJsonIsReportedWithItsLineNumber() throws IOException {
    writeThreeEntriesThenReplaceLineTwo("not json at all".getBytes(UTF_8));

    FsSessionLog reopened = reopen();

    assertThatThrownBy(() -> reopened.readAfter(UNIVERSE, S1, 0, 10))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessageStartingWith("log of session \"s1\" in universe \"default\" is corrupted at line 2: line is not a log entry: ")
        .satisfies(e -> assertThat(((LogCorruptedException) e).line()).isEqualTo(2));
    assertThat(reopened.readAfter(UNIVERSE, S1, 2, 10).entries()).containsExactly(event("c").at(3));
  }

  @Test
  void aLineWithTheWrongSeqIsReported() throws IOException {
    writeThreeEntriesThenReplaceLineTwo(LogEntryJson.write(event("b").at(5)).getBytes(UTF_8));

    assertThatThrownBy(() -> reopen().readAfter(UNIVERSE, S1, 0, 10))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessage("log of session \"s1\" in universe \"default\" is corrupted at line 2: line holds seq 5");
  }

  @Test
  void aLineThatIsNotUtf8IsReported() throws IOException {
    writeThreeEntriesThenReplaceLineTwo(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});

    assertThatThrownBy(() -> reopen().readAfter(UNIVERSE, S1, 1, 10))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessage("log of session \"s1\" in universe \"default\" is corrupted at line 2: line is not valid UTF-8");
  }

  @Test
  void aCorruptLineBlocksARetryThatNeedsIt() throws IOException {
    writeThreeEntriesThenReplaceLineTwo("garbage".getBytes(UTF_8));

    assertThatThrownBy(() -> reopen().append(UNIVERSE, S1, 1, List.of(event("b"))))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessageStartingWith("log of session \"s1\" in universe \"default\" is corrupted at line 2: ");
  }

  @Test
  void aMetaFileAheadOfTheLogIsReported() throws IOException {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b"), event("c")));
    List<String> lines = Files.readAllLines(events());
    Files.writeString(events(), lines.getFirst() + "\n");

    assertThatThrownBy(() -> reopen().find(UNIVERSE, S1))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessage("log of session \"s1\" in universe \"default\" is corrupted at line 2: "
            + "meta.json records head 3 but events.jsonl ends after seq 1");
  }

  @Test
  void anUnreadableMetaFileIsReported() throws IOException {
    log.create(UNIVERSE, S1);
    Files.writeString(meta(), "{\"head\":");

    assertThatThrownBy(() -> reopen().find(UNIVERSE, S1))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessageStartingWith("log of session \"s1\" in universe \"default\" is corrupted: meta.json is unreadable: ");
    assertThatThrownBy(() -> reopen().list(UNIVERSE, ALL, 10)).isInstanceOf(LogCorruptedException.class);
  }

  @Test
  void aMetaFileOfAnotherSessionIsReported() throws IOException {
    log.create(UNIVERSE, S1);
    log.create(UNIVERSE, S2);
    Files.copy(root.resolve("universes/default/sessions/s2/meta.json"), meta(), StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> reopen().find(UNIVERSE, S1))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessage("log of session \"s1\" in universe \"default\" is corrupted: "
            + "meta.json is unreadable: it names session \"s2\" in universe \"default\"");
  }

  @Test
  void aMissingLogFileIsReported() throws IOException {
    log.create(UNIVERSE, S1);
    Files.delete(events());

    assertThatThrownBy(() -> reopen().readAfter(UNIVERSE, S1, 0, 10))
        .isInstanceOf(LogCorruptedException.class)
        .hasMessage("log of session \"s1\" in universe \"default\" is corrupted: events.jsonl is missing");
  }

  // ---- large logs (their read time is RehydrateBench's: benchmarks are not timed tests)

  @Test
  void tenThousandEntriesComeBackInPagesOfOneThousandInOrderFromAFreshAndACachedInstance() {
    SessionId big = SessionId.of("big");
    log.create(UNIVERSE, big);
    List<NewEntry> batch = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      batch.add(realisticEntry(i));
      if (batch.size() == 250) {
        log.append(UNIVERSE, big, i - 250, batch);
        batch.clear();
      }
    }

    assertThat(readAll(reopen(), big)).isEqualTo(10_000);
    assertThat(readAll(log, big)).isEqualTo(10_000);
  }

  /** Reads the whole log in pages of 1,000, checking every page is full but the last and seqs follow on. */
  private static int readAll(SessionLog log, SessionId session) {
    int read = 0;
    long cursor = 0;
    LogPage page;
    do {
      page = log.readAfter(UNIVERSE, session, cursor, 1_000);
      for (LogEntry entry : page.entries()) assertThat(entry.seq()).isEqualTo(++cursor);
      if (page.hasMore()) assertThat(page.entries()).hasSize(1_000);
      read += page.entries().size();
    } while (page.hasMore());
    return read;
  }

  /** An entry about the size of a real tool-call event: joins, a few ids and a content ref. */
  private static NewEntry realisticEntry(int i) {
    Json.Obj payload = Json.Obj.builder()
        .put("run", 1)
        .put("turn", i / 10)
        .put("callId", "call_" + Integer.toHexString(i * 7919))
        .put("name", "read_file")
        .put("argumentsRef", "sha256:" + "0123456789abcdef".repeat(4))
        .put("preview", "Reading /workspace/src/main/java/Example" + i + ".java for the summary")
        .build();
    return new NewEntry(1_700_000_000_000L + i, new Joins(1, i / 10, i / 5, "call_" + i, null),
        new EventEnvelope("lightspeed.core.tool.call_started", 1, payload));
  }

  private void writeThreeEntriesThenReplaceLineTwo(byte[] replacement) throws IOException {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b"), event("c")));
    List<String> lines = Files.readAllLines(events());
    byte[] first = (lines.get(0) + "\n").getBytes(UTF_8);
    byte[] third = (lines.get(2) + "\n").getBytes(UTF_8);
    byte[] content = new byte[first.length + replacement.length + 1 + third.length];
    System.arraycopy(first, 0, content, 0, first.length);
    System.arraycopy(replacement, 0, content, first.length, replacement.length);
    content[first.length + replacement.length] = '\n';
    System.arraycopy(third, 0, content, first.length + replacement.length + 1, third.length);
    Files.write(events(), content);
  }
}
