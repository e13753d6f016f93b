package dev.lightspeed.engine.core;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextJson;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.session.ConfigException;
import dev.lightspeed.engine.session.SessionConfigParser;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a turn's LLM request from state and computes its fingerprint. The fingerprint is the SHA-256 of
 * the canonical JSON of the request's inputs: model, merged generation settings, compaction policy, tools,
 * the stable prefix (instructions and catalogs) and the context chain digest, so it costs O(prefix) however
 * long the transcript is.
 */
public final class Requests {
  private Requests() {}

  /** @throws PlanningException when the state cannot yield a request (no model, invalid run config) */
  public static String fingerprint(SessionState s, Run run) {
    return BlobRef.sha256(CanonicalJson.writeUtf8(inputs(s, run))).toString();
  }

  /**
   * Rebuilds the request of the active run's open turn.
   *
   * @throws PlanningException when the state cannot yield a request, or when the rebuilt request does not
   *     match the fingerprint the turn was planned with (the log and this build disagree)
   */
  public static LlmRequest rebuild(SessionState s, Run run) {
    String fingerprint = fingerprint(s, run);
    if (!fingerprint.equals(run.turn().fingerprint())) {
      throw new PlanningException("turn " + run.turn().id() + " was planned as " + run.turn().fingerprint()
          + " but its request now rebuilds as " + fingerprint);
    }
    return new LlmRequest(run.id(), run.turn().id(), model(s), generation(s, run), s.config().settings().compaction(),
        s.context().ordered(), List.copyOf(s.tooling().tools().values()), fingerprint);
  }

  /**
   * {@return the standalone compaction the host should run for the state's pending compaction} It compacts
   * the entries the pending compaction may prune, in the light of the whole context in request order. Empty
   * when nothing is pending or no model is configured (the drive then records the compaction as failed).
   */
  public static Optional<CompactionRequest> compaction(SessionState s) {
    Optional<ContextState.PendingCompaction> pending = s.context().pendingCompaction();
    Optional<ModelRef> model = s.config().settings().model();
    if (pending.isEmpty() || model.isEmpty()) return Optional.empty();
    ContextState c = s.context();
    long before = pending.get().pruneBeforeId();
    List<ContextEntry> compactable = c.entries().stream().filter(e -> c.prunable(e, before)).toList();
    return Optional.of(new CompactionRequest(pending.get().id(), model.get(), s.config().settings().compaction(), c.ordered(), compactable));
  }

  public static ModelRef model(SessionState s) {
    return s.config().settings().model().orElseThrow(() -> new PlanningException("the session has no model configured"));
  }

  static Json.Obj generation(SessionState s, Run run) {
    try {
      return SessionConfigParser.mergedGeneration(s.config().settings().generation(), run.config());
    } catch (ConfigException e) {
      throw new PlanningException(e.getMessage());
    }
  }

  private static Json.Obj inputs(SessionState s, Run run) {
    ModelRef model = model(s);
    CompactionPolicy policy = s.config().settings().compaction();
    List<Json> tools = new ArrayList<>();
    for (ToolSpec t : s.tooling().tools().values()) {
      tools.add(Json.Obj.builder().put("name", t.name()).put("spec", t.spec().toString())
          .put("parallelism", t.parallelism().wireName()).build());
    }
    List<Json> prefix = new ArrayList<>();
    for (ContextEntry e : s.context().stablePrefix()) prefix.add(ContextJson.entry(e));
    return Json.Obj.builder()
        .put("model", Json.Obj.builder().put("providerId", model.providerId()).put("apiKind", model.apiKind()).put("model", model.model()).build())
        .put("generation", generation(s, run))
        .put("compaction", Json.Obj.builder().put("mode", policy.mode().wireName()).put("thresholdTokens", policy.thresholdTokens())
            .put("targetTokens", policy.targetTokens()).build())
        .putArray("tools", tools)
        .putArray("prefix", prefix)
        .put("chain", s.context().chain())
        .build();
  }
}
