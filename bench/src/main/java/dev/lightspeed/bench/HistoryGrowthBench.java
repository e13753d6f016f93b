package dev.lightspeed.bench;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.runtime.temporal.SessionActivitiesImpl;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedCall;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * How much Temporal history one agent turn adds, early and late in a session whose transcript grows every
 * turn. One run on the hosted runtime (embedded Temporal, in-memory stores, scripted model and tools): each
 * of {@value #TOOL_TURNS} turns is a model answer (a sentence plus a tool call) and a ~2 KB tool result that
 * stays in the context, then a final answer. Afterwards the execution's history is fetched and cut into turns
 * ({@link HistoryTurns}); the figures are the events and serialized bytes of turns 10 and 200.
 *
 * <p>The workflow runs with production tuning. The test server suggests continue-as-new at 4,096 events,
 * so a long run spans several executions; all of them are fetched, and
 * the report says which turns continued as new and what each execution's bootstrap cost. The JMH score is
 * only the wall time of the whole session; the figures this benchmark is about are printed in the block
 * headed {@code HistoryGrowthBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class HistoryGrowthBench {
  static final int TOOL_TURNS = 300;
  static final int EARLY = 10;
  static final int LATE = 200;
  static final int WINDOW = 5;
  static final int TOOL_OUTPUT_BYTES = 2_048;
  static final long TARGET_BYTES = 8 * 1024;

  private HostedRig rig;
  private SessionId session;

  @Setup(Level.Trial)
  public void start() {
    rig = HostedRig.start(TemporalPlacement.IN_PROCESS, WorkflowTuning.DEFAULT, new InMemorySessionLog(InstantSource.system()), new InMemoryBlobStore(), m -> m);
    rig.tools.tool("lookup", Parallelism.PARALLEL_SAFE, HistoryGrowthBench::lookup);
    session = rig.open("history-growth", ScriptedSessionRecording.CONFIG);
    for (int i = 1; i <= TOOL_TURNS; i++) {
      rig.model.then(ScriptedTurn.callTools(ScriptedCall.call("lookup", "{\"page\":" + i + "}"))
          .withText("Step " + i + ": the previous page did not settle it, so I am reading page " + i + " next."));
    }
    rig.model.reply("All " + TOOL_TURNS + " pages read; here is the summary.");
  }

  @Benchmark
  public void growingSession() {
    rig.runToCompletion(session, "grow", "Read every page and summarise.");
  }

  @TearDown(Level.Trial)
  public void report() throws Exception {
    try {
      HistoryTurns history = HistoryTurns.of(executions(rig.workflowId(session)));
      List<LlmRequest> requests = rig.model.requests();
      StringBuilder out = new StringBuilder("\n== HistoryGrowthBench ==\n");
      out.append(String.format("whole run: %,d events, %,d bytes, %d turns (%d tool rounds + final answer)%n",
          history.totalEvents(), history.totalBytes(), history.turnCount(), TOOL_TURNS));
      List<HistoryTurns.Execution> executions = history.executions();
      for (int i = 0; i < executions.size(); i++) {
        HistoryTurns.Execution e = executions.get(i);
        out.append(String.format("execution %d: %,d events, %,d bytes; bootstrap (loadSession result) %,d bytes%n", i + 1, e.events(), e.bytes(),
            e.bootstrapResultBytes()));
      }
      List<Integer> continued = new ArrayList<>();
      for (int k = 1; k <= history.turnCount(); k++) if (history.turn(k).continuedAsNew()) continued.add(k);
      out.append("turns during which the workflow continued as new: ").append(continued).append('\n');
      if (!continued.isEmpty()) {
        int first = continued.get(0);
        long bootstrap = executions.get(1).bootstrapResultBytes();
        int entries = requests.get(first - 1).context().size();
        double perEntry = (double) bootstrap / entries;
        out.append(String.format("bootstrap after turn %d: %,d bytes for a %d-entry context (%.0f bytes per entry) = %,.0f bytes per turn spread over"
            + " the %d turns of the execution; grows with the transcript: the %,d-byte bootstrap guard is reached at ~%,.0f context entries%n",
            first, bootstrap, entries, perEntry, (double) bootstrap / first, first, SessionActivitiesImpl.MAX_STATE_BYTES,
            SessionActivitiesImpl.MAX_STATE_BYTES / perEntry));
      }
      HistoryTurns.Turn early = history.turn(EARLY);
      HistoryTurns.Turn late = history.turn(LATE);
      for (HistoryTurns.Turn t : List.of(early, late)) {
        LlmRequest request = requests.get(t.turn() - 1);
        out.append(String.format("turn %3d: %3d events, %,6d bytes%s   (context sent that turn: %d entries, ~%,d tokens)%n",
            t.turn(), t.events(), t.bytes(), t.continuedAsNew() ? " (continued as new)" : "", request.context().size(), tokens(request.context())));
      }
      out.append(String.format("mean of turns %d..%d: %s%n", EARLY - WINDOW + 1, EARLY + WINDOW, mean(history, EARLY - WINDOW + 1, EARLY + WINDOW)));
      out.append(String.format("mean of turns %d..%d: %s%n", LATE - WINDOW + 1, LATE + WINDOW, mean(history, LATE - WINDOW + 1, LATE + WINDOW)));
      out.append(String.format("range over turns 2..%d without continue-as-new: %s%n", TOOL_TURNS, range(history, 2, TOOL_TURNS)));
      double drift = 100.0 * (late.bytes() - early.bytes()) / early.bytes();
      out.append(String.format("turn 200 vs turn 10: %+.1f%% bytes, %+d events (target within 10%%): %s%n", drift, late.events() - early.events(),
          Math.abs(drift) <= 10 ? "met" : "MISSED"));
      out.append(String.format("bytes per turn (target < %,d): turn 10 %s, turn 200 %s%n", TARGET_BYTES,
          early.bytes() < TARGET_BYTES ? "met" : "MISSED", late.bytes() < TARGET_BYTES ? "met" : "MISSED"));
      out.append("turn ").append(LATE).append(" by event (events, bytes):\n");
      for (Map.Entry<String, Long> e : late.bytesByLabel().entrySet()) {
        out.append(String.format("  %-48s %3d %,7d%n", e.getKey(), late.eventsByLabel().get(e.getKey()), e.getValue()));
      }
      out.append("turn ").append(LATE).append(" local-activity marker details (bytes):\n");
      for (Map.Entry<String, Long> e : history.markerDetails(LATE).entrySet()) out.append(String.format("  %-48s %,7d%n", e.getKey(), e.getValue()));
      Map<String, Long> appended = history.appendedEntries(LATE);
      out.append("turn ").append(LATE).append(" log entries recorded in the history by appendEvents (canonical bytes by kind):")
          .append(appended.isEmpty() ? " none\n" : "\n");
      for (Map.Entry<String, Long> e : appended.entrySet()) out.append(String.format("  %-48s %,7d%n", e.getKey(), e.getValue()));
      System.out.println(out);
    } finally {
      rig.close();
    }
  }

  /** {@return the events of every execution of {@code workflowId}, oldest first, following continue-as-new back} */
  private List<List<HistoryEvent>> executions(String workflowId) {
    Deque<List<HistoryEvent>> chain = new ArrayDeque<>();
    String runId = "";
    while (true) {
      List<HistoryEvent> events = runId.isEmpty() ? rig.workflows.fetchHistory(workflowId).getEvents()
          : rig.workflows.fetchHistory(workflowId, runId).getEvents();
      chain.addFirst(events);
      runId = events.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (runId.isEmpty()) return List.copyOf(chain);
    }
  }

  private static String lookup(String args) {
    StringBuilder page = new StringBuilder("page for ").append(args).append(": ");
    while (page.length() < TOOL_OUTPUT_BYTES) page.append("lorem ipsum dolor sit amet ");
    return page.substring(0, TOOL_OUTPUT_BYTES);
  }

  private static long tokens(List<ContextEntry> context) {
    long sum = 0;
    for (ContextEntry e : context) sum += e.item().tokenEstimate();
    return sum;
  }

  private static String mean(HistoryTurns history, int from, int to) {
    long events = 0;
    long bytes = 0;
    for (int k = from; k <= to; k++) {
      events += history.turn(k).events();
      bytes += history.turn(k).bytes();
    }
    int n = to - from + 1;
    return String.format("%.1f events, %,.0f bytes per turn", (double) events / n, (double) bytes / n);
  }

  private static String range(HistoryTurns history, int from, int to) {
    int minEvents = Integer.MAX_VALUE;
    int maxEvents = 0;
    long minBytes = Long.MAX_VALUE;
    long maxBytes = 0;
    for (int k = from; k <= to; k++) {
      HistoryTurns.Turn t = history.turn(k);
      if (t.continuedAsNew()) continue;
      minEvents = Math.min(minEvents, t.events());
      maxEvents = Math.max(maxEvents, t.events());
      minBytes = Math.min(minBytes, t.bytes());
      maxBytes = Math.max(maxBytes, t.bytes());
    }
    return String.format("%d..%d events, %,d..%,d bytes", minEvents, maxEvents, minBytes, maxBytes);
  }
}
