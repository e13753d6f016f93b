package dev.lightspeed.bench;

import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.local.SessionLoader;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.fs.FsSessionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rehydrating a 10,000-event session from the file-system log: a fresh {@link FsSessionLog} (no cached
 * index) reads the JSONL file in pages, decodes every entry and folds it into state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RehydrateBench {
  static final int EVENTS = 10_000;
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  static final SessionId SESSION = SessionId.of("rehydrate-bench");

  private Path root;

  @Setup(Level.Trial)
  public void writeLog() throws IOException {
    root = Files.createTempDirectory("lightspeed-rehydrate-bench");
    ScriptedSessionRecording recording = ScriptedSessionRecording.recordAtLeast(EVENTS, 10);
    FsSessionLog log = new FsSessionLog(root, InstantSource.system());
    log.create(UNIVERSE, SESSION);
    var entries = recording.entries().subList(0, EVENTS);
    for (int from = 0; from < entries.size(); from += 500) {
      var page = entries.subList(from, Math.min(entries.size(), from + 500));
      log.append(UNIVERSE, SESSION, from, page.stream().map(e -> e.unsequenced()).toList());
    }
    SessionState state = SessionLoader.load(new FsSessionLog(root, InstantSource.system()), UNIVERSE, SESSION);
    if (state.head() != EVENTS) throw new IllegalStateException("rehydrated head " + state.head());
  }

  @Benchmark
  public SessionState rehydrateFromFileSystem() {
    return SessionLoader.load(new FsSessionLog(root, InstantSource.system()), UNIVERSE, SESSION);
  }

  @TearDown(Level.Trial)
  public void deleteLog() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
