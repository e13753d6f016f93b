package dev.lightspeed.bench;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.drive.Drive;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a scripted session by driving the engine synchronously, with no stores and no threads: every
 * turn but the last of each run calls one tool, the last answers with text. The blobs are never written
 * (the engine only sees refs). Deterministic: the same arguments give the same log.
 *
 * @param entries the committed log, seq 1..n
 * @param batches the events of each append, in order, as the drive produced them
 * @param turns the number of model turns recorded
 */
public record ScriptedSessionRecording(List<LogEntry> entries, List<List<Event>> batches, int turns) {
  static final Json.Obj CONFIG = CanonicalJson.parseObject(
      "{\"model\":{\"providerId\":\"bench\",\"apiKind\":\"openai:responses\",\"model\":\"bench-model\"},"
          + "\"limits\":{\"maxTurns\":100000,\"maxToolRounds\":100000}}");

  /** Records {@code runs} runs of {@code turnsPerRun} turns each. */
  public static ScriptedSessionRecording record(int runs, int turnsPerRun) {
    return record(runs, turnsPerRun, Integer.MAX_VALUE);
  }

  /** Records runs of {@code turnsPerRun} turns until at least {@code minEntries} entries exist. */
  public static ScriptedSessionRecording recordAtLeast(int minEntries, int turnsPerRun) {
    return record(Integer.MAX_VALUE, turnsPerRun, minEntries);
  }

  private static ScriptedSessionRecording record(int runs, int turnsPerRun, int minEntries) {
    Drive drive = Drive.create();
    List<LogEntry> log = new ArrayList<>();
    List<List<Event>> batches = new ArrayList<>();
    long[] now = {1_700_000_000_000L};
    admit(drive, new Command.OpenSession(CONFIG));
    admit(drive, new Command.ReplaceTools(List.of(new ToolSpec("lookup", ref("tool:lookup"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE))));
    int turns = 0;
    for (int run = 1; run <= runs && log.size() < minEntries; run++) {
      String text = "question " + run;
      admit(drive, new Command.RequestRun("submission-" + run, List.of(InputItem.text(ref(text), text.length(), text)), Json.Obj.EMPTY));
      int turnInRun = 0;
      while (true) {
        Action action = drive.next(now[0]++);
        if (action instanceof Action.AppendEvents append) {
          List<LogEntry> committed = new ArrayList<>();
          List<Event> events = new ArrayList<>();
          for (NewEntry e : append.entries()) {
            committed.add(e.at(log.size() + committed.size() + 1));
            events.add(EventCodec.decode(e.event()));
          }
          log.addAll(committed);
          batches.add(events);
          drive.resumeAppended(committed);
        } else if (action instanceof Action.GenerateTurn g) {
          turnInRun++;
          turns++;
          drive.resumeGeneration(answer(g.request(), turnInRun < turnsPerRun));
        } else if (action instanceof Action.InvokeTools t) {
          for (ToolBatchRequest.Invocation call : t.request().calls()) {
            String out = "result of " + call.call().callId();
            drive.resumeToolCall(new ToolCallResult(t.request().batch(), call.call().callId(), CallOutcome.COMPLETED, ref(out), out.length(), out));
          }
        } else {
          break;
        }
      }
    }
    return new ScriptedSessionRecording(List.copyOf(log), List.copyOf(batches), turns);
  }

  private static GenerationResult answer(LlmRequest request, boolean callTool) {
    long turn = request.turn();
    Usage usage = new Usage(1_000 + 10 * request.context().size(), 50, 800, 0);
    if (callTool) {
      String callId = "call_" + turn;
      ContextItem item = new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, ref("item:" + callId), "application/json",
          "openai:function_call", "lookup", 20, callId, false);
      return new GenerationResult.Completed(turn, ref("response:" + turn), "tool_calls", usage, List.of(item),
          List.of(new ToolCall(callId, "lookup", ref("args:" + turn))), "resp_" + turn);
    }
    String text = "answer " + turn;
    return new GenerationResult.Completed(turn, ref("response:" + turn), "stop", usage,
        List.of(ContextItem.message(EntryRole.ASSISTANT, ref(text), text, 3)), List.of(), "resp_" + turn);
  }

  private static void admit(Drive drive, Command command) {
    if (drive.submit(command) instanceof Admission.Rejected r) throw new IllegalStateException("bench script rejected: " + r.rejection());
  }

  static BlobRef ref(String s) {
    return BlobRef.sha256(s.getBytes(StandardCharsets.UTF_8));
  }
}
