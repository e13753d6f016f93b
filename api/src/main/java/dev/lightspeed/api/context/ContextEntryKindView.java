package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ContextEntryKindView}: what a context entry is, discriminated by {@code type}.
 * Modelled in full because clients render transcripts by it (the role of a message, the call a tool result
 * answers).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ContextEntryKindView.Message.class, name = "message"),
  @JsonSubTypes.Type(value = ContextEntryKindView.Instructions.class, name = "instructions"),
  @JsonSubTypes.Type(value = ContextEntryKindView.VfsCatalog.class, name = "vfsCatalog"),
  @JsonSubTypes.Type(value = ContextEntryKindView.SkillCatalog.class, name = "skillCatalog"),
  @JsonSubTypes.Type(value = ContextEntryKindView.SkillActivation.class, name = "skillActivation"),
  @JsonSubTypes.Type(value = ContextEntryKindView.ToolCall.class, name = "toolCall"),
  @JsonSubTypes.Type(value = ContextEntryKindView.ToolResult.class, name = "toolResult"),
  @JsonSubTypes.Type(value = ContextEntryKindView.ReasoningState.class, name = "reasoningState"),
  @JsonSubTypes.Type(value = ContextEntryKindView.ProviderOpaque.class, name = "providerOpaque")
})
public sealed interface ContextEntryKindView {
  /** A user or assistant message. */
  record Message(ContextMessageRoleView role) implements ContextEntryKindView {
    public Message {
      Fields.required(role, "role");
    }
  }

  /** Prompt instructions. */
  record Instructions() implements ContextEntryKindView {}

  /** The virtual file system catalog shown to the model. */
  record VfsCatalog() implements ContextEntryKindView {}

  /** The skill catalog shown to the model. */
  record SkillCatalog() implements ContextEntryKindView {}

  /** An activated skill's body. */
  record SkillActivation(String catalogId, String skillId) implements ContextEntryKindView {
    public SkillActivation {
      Fields.required(catalogId, "catalogId");
      Fields.required(skillId, "skillId");
    }
  }

  /** A tool call the model made. */
  record ToolCall(String callId, String name) implements ContextEntryKindView {
    public ToolCall {
      Fields.required(callId, "callId");
      Fields.required(name, "name");
    }
  }

  /** The result of the tool call {@code callId}. */
  record ToolResult(String callId, @JsonProperty("isError") boolean isError) implements ContextEntryKindView {
    public ToolResult {
      Fields.required(callId, "callId");
    }
  }

  /** Provider reasoning state carried between turns. */
  record ReasoningState() implements ContextEntryKindView {}

  /** A provider item Lightspeed keeps without interpreting. */
  record ProviderOpaque() implements ContextEntryKindView {}
}
