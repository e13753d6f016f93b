package dev.lightspeed.server.context;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.context.ContextEntryInputView;
import dev.lightspeed.api.context.ContextEntryKindView;
import dev.lightspeed.api.context.ContextEntryView;
import dev.lightspeed.api.context.ContextMessageRoleView;
import dev.lightspeed.api.context.ContextView;
import dev.lightspeed.api.context.TokenEstimateQualityView;
import dev.lightspeed.api.context.TokenEstimateView;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.server.skills.SkillActivations;
import dev.lightspeed.server.skills.SkillCatalog;
import java.util.List;

/**
 * Context entries as the contract shows them. Ids are the engine's session-local counters as decimal
 * strings; bodies stay in the blob store ({@code contentRef}), only the preview travels. A provider
 * compaction item, which the contract has no kind for, is shown as {@code providerOpaque}.
 */
public final class ContextViews {
  private ContextViews() {}

  /** {@return the whole active context} */
  public static ContextView context(ContextState context) {
    return new ContextView(context.revision(), entries(context.entries()));
  }

  public static List<ContextEntryView> entries(List<ContextEntry> entries) {
    return entries.stream().map(ContextViews::entry).toList();
  }

  public static ContextEntryView entry(ContextEntry entry) {
    ContextItem item = entry.item();
    return new ContextEntryView(String.valueOf(entry.id()), kind(item), item.content().toString(), item.key(), null,
        item.preview(), item.mediaType(), null, item.providerKind(), tokens(item.tokenEstimate()), source(entry.source()), null);
  }

  /** {@return what an admitted item became, before it has an id} */
  public static ContextEntryInputView input(ContextItem item) {
    return new ContextEntryInputView(kind(item), item.content().toString(), item.preview(), item.mediaType(), null,
        item.providerKind(), tokens(item.tokenEstimate()));
  }

  /** {@return a run's or a steer's input item as the user message it enters the context as} */
  public static ContextEntryInputView input(InputItem item) {
    return input(item.toContextItem());
  }

  public static ContextEntryKindView kind(ContextItem item) {
    return switch (item.kind()) {
      case MESSAGE -> new ContextEntryKindView.Message(
          item.role() == EntryRole.ASSISTANT ? ContextMessageRoleView.ASSISTANT : ContextMessageRoleView.USER);
      case INSTRUCTIONS -> new ContextEntryKindView.Instructions();
      case VFS_CATALOG -> new ContextEntryKindView.VfsCatalog();
      case SKILL_CATALOG -> new ContextEntryKindView.SkillCatalog();
      case SKILL_ACTIVATION -> new ContextEntryKindView.SkillActivation(SkillCatalog.CATALOG_ID,
          SkillActivations.parse(item.key()).map(SkillActivations.Key::skillId).orElse(item.key() == null ? item.content().toString() : item.key()));
      case TOOL_CALL -> new ContextEntryKindView.ToolCall(callId(item), item.preview() == null ? "" : item.preview());
      case TOOL_RESULT -> new ContextEntryKindView.ToolResult(callId(item), item.isError());
      case REASONING_STATE -> new ContextEntryKindView.ReasoningState();
      case PROVIDER_OPAQUE, COMPACTION -> new ContextEntryKindView.ProviderOpaque();
    };
  }

  /** {@return the contract's {@code ContextEntrySourceView} of {@code source}} */
  public static ObjectNode source(EntrySource source) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    switch (source) {
      case EntrySource.ContextEdit edit -> node.put("type", "contextEdit");
      case EntrySource.RunInput(long run, int index) -> node.put("type", "runInput").put("runId", String.valueOf(run)).put("inputIndex", index);
      case EntrySource.Steering(long run, long steering, int index) -> node.put("type", "steering").put("runId", String.valueOf(run))
          .put("steeringId", String.valueOf(steering)).put("inputIndex", index);
      case EntrySource.AssistantOutput(long run, long turn) -> node.put("type", "assistantOutput").put("runId", String.valueOf(run))
          .put("turnId", String.valueOf(turn));
      case EntrySource.Tool(long run, long turn, long batch) -> node.put("type", "tool").put("runId", String.valueOf(run))
          .put("turnId", String.valueOf(turn)).put("batchId", String.valueOf(batch));
      case EntrySource.Runtime(String label) -> node.put("type", "runtime").put("label", label);
    }
    return node;
  }

  private static TokenEstimateView tokens(long estimate) {
    return new TokenEstimateView(estimate, TokenEstimateQualityView.ESTIMATED);
  }

  private static String callId(ContextItem item) {
    return item.callId() == null ? "" : item.callId();
  }
}
