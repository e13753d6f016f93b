package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code SkillActivationSource}: where an active skill's instructions sit in the context, a
 * tool result (the model read the skill) or an entry of their own (activated through the API).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SkillActivationSource.ToolResult.class, name = "toolResult"),
  @JsonSubTypes.Type(value = SkillActivationSource.DirectContext.class, name = "directContext")
})
public sealed interface SkillActivationSource {
  /** The result of tool call {@code callId}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ToolResult(String callId) implements SkillActivationSource {
    public ToolResult {
      Fields.required(callId, "callId");
    }
  }

  /** A context entry whose content is at {@code contextRef}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DirectContext(String contextRef) implements SkillActivationSource {
    public DirectContext {
      Fields.required(contextRef, "contextRef");
    }
  }
}
