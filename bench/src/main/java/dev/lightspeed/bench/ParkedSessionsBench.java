package dev.lightspeed.bench;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.runtime.temporal.SessionWorker;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.fs.FsBlobStore;
import dev.lightspeed.store.fs.FsSessionLog;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What idle sessions cost a worker: {@value #SESSIONS} sessions, each opened and given one short run (one
 * model answer), then left idle, their workflows still running and in the worker's sticky cache (capacity
 * {@value SessionWorker#WORKFLOW_CACHE_SIZE}). The figure is heap used after full GCs, before and after
 * parking, on the file-system store as in embedded mode (so session logs and blobs are on disk, not on
 * the heap; the store's own caches are counted).
 *
 * <p>{@code temporal=IN_PROCESS} is embedded mode: the Temporal server and its copy of every history share
 * the heap. {@code temporal=SEPARATE_PROCESS} runs the server in a child JVM, as a worker against a cluster
 * sees it, and reports the server's heap separately. The JMH score is only the time it took to park them; the
 * figures are printed in the block headed {@code ParkedSessionsBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ParkedSessionsBench {
  static final int SESSIONS = 1_000;
  static final int WARM_UP_SESSIONS = 20;
  static final int PARALLEL = 4;
  static final long TARGET_BYTES = 512L * 1024 * 1024;
  static final int HISTOGRAM_LINES = 18;

  @Param({"IN_PROCESS", "SEPARATE_PROCESS"})
  public TemporalPlacement temporal;

  private Path root;
  private HostedRig rig;
  private long baseline;
  private long serverBaseline;
  private final List<SessionId> parked = new ArrayList<>();

  @Setup(Level.Trial)
  public void start() throws Exception {
    root = Files.createTempDirectory("lightspeed-parked-bench");
    rig = HostedRig.start(temporal, WorkflowTuning.DEFAULT, new FsSessionLog(root.resolve("sessions"), InstantSource.system()),
        new FsBlobStore(root.resolve("blobs")), m -> m);
    for (int i = 0; i < WARM_UP_SESSIONS + SESSIONS; i++) rig.model.reply("Hello! How can I help?");
    // Load and compile the whole path once, then close these sessions so they leave the cache.
    for (SessionId warm : park("warm-up-", WARM_UP_SESSIONS)) rig.submit(warm, new Command.CloseSession(false));
    baseline = HeapGauge.usedAfterGc();
    if (temporal == TemporalPlacement.SEPARATE_PROCESS) serverBaseline = rig.serverHeapUsedAfterGc();
  }

  @Benchmark
  public int parkSessions() throws Exception {
    parked.addAll(park("parked-", SESSIONS));
    return parked.size();
  }

  @TearDown(Level.Trial)
  public void report() throws Exception {
    try {
      long used = HeapGauge.usedAfterGc();
      long running = parked.stream().filter(this::running).count();
      StringBuilder out = new StringBuilder("\n== ParkedSessionsBench (temporal=" + temporal + ") ==\n");
      out.append(String.format("sessions parked: %d, workflows still running: %d%n", parked.size(), running));
      out.append(String.format("heap used after GC: %s before parking, %s after (max heap %s)%n", HeapGauge.mib(baseline), HeapGauge.mib(used),
          HeapGauge.mib(Runtime.getRuntime().maxMemory())));
      out.append(String.format("parked sessions: %s in all, %.1f KiB per session%n", HeapGauge.mib(used - baseline),
          (used - baseline) / 1024.0 / parked.size()));
      out.append(String.format("target heap used <= 512 MiB with %d sessions parked: %s%n", SESSIONS, used <= TARGET_BYTES ? "met" : "MISSED"));
      out.append("largest classes on the heap:\n").append(HeapGauge.histogram(HISTOGRAM_LINES)).append('\n');
      if (temporal == TemporalPlacement.SEPARATE_PROCESS) {
        long server = rig.serverHeapUsedAfterGc();
        out.append(String.format("Temporal server process heap after GC: %s before, %s after (%.1f KiB per session)%n", HeapGauge.mib(serverBaseline),
            HeapGauge.mib(server), (server - serverBaseline) / 1024.0 / parked.size()));
      }
      System.out.println(out);
    } finally {
      rig.close();
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** {@return whether the session's workflow is running}, asked of the server so the worker's cache is not touched */
  private boolean running(SessionId session) {
    WorkflowExecutionStatus status = rig.workflows.newUntypedWorkflowStub(rig.workflowId(session)).describe().getStatus();
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** Opens {@code count} sessions and runs one short run in each, {@value #PARALLEL} at a time. */
  private List<SessionId> park(String prefix, int count) throws Exception {
    List<Future<SessionId>> opened = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
      for (int i = 0; i < count; i++) {
        String id = prefix + i;
        opened.add(pool.submit(() -> {
          SessionId session = rig.open(id, ScriptedSessionRecording.CONFIG);
          rig.runToCompletion(session, "hello", "Hello");
          return session;
        }));
      }
    }
    List<SessionId> sessions = new ArrayList<>();
    for (Future<SessionId> f : opened) sessions.add(HostedRig.await(f, "parking a session"));
    return sessions;
  }
}
