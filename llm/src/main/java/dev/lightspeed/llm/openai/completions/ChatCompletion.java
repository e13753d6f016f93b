package dev.lightspeed.llm.openai.completions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lightspeed.engine.llm.Usage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A Chat Completions answer assembled from its stream: the one assistant message (content, refusal, tool
 * calls), the reasoning text some OpenAI-compatible servers add, the finish reason and the usage exactly as
 * the server reported it.
 *
 * @param created the chunks' {@code created} timestamp, or 0
 * @param serviceTier the chunks' {@code service_tier}, or null
 * @param systemFingerprint the chunks' {@code system_fingerprint}, or null
 * @param content the concatenated content deltas, or null when the model sent none and called tools
 * @param refusal the concatenated refusal deltas, or null
 * @param reasoning the concatenated {@code reasoning_content} (or {@code reasoning}) deltas, or null
 * @param reasoningField the field the server sent reasoning in, {@code reasoning_content} or {@code reasoning}
 * @param finishReason the choice's {@code finish_reason}, or "" when the server sent none
 * @param usageJson the {@code usage} object of the usage chunk as received, or null
 */
record ChatCompletion(
    String id,
    String model,
    long created,
    String serviceTier,
    String systemFingerprint,
    String content,
    String refusal,
    String reasoning,
    String reasoningField,
    List<ToolCallPart> toolCalls,
    String finishReason,
    String usageJson,
    Usage usage) {

  ChatCompletion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(reasoningField, "reasoningField");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
  }

  /** One assembled entry of the message's {@code tool_calls}. */
  record ToolCallPart(String id, String type, String name, String arguments) {
    ToolCallPart {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arguments, "arguments");
    }
  }

  /**
   * {@return the assistant message as it is stored and replayed:
   * {@code {"role":"assistant","content":…,"refusal":…,"reasoning_content":…,"tool_calls":[…]}}, refusal,
   * reasoning and tool calls only when present} Reasoning goes under the field the server sent it in; servers
   * that think between tool calls (DeepSeek, Kimi) want it back within the tool loop, and
   * {@link ChatMessages} leaves it out of messages older than the last user message.
   */
  byte[] messageJson() {
    return ChatJson.write(g -> writeMessage(g, reasoningField));
  }

  /**
   * {@return the answer as a non-streamed {@code chat.completion} object: id, object, created, model, the one
   * choice with its message (reasoning text included) and finish reason, usage, service tier and system
   * fingerprint when sent}
   */
  byte[] responseJson() {
    return ChatJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeStringField("object", "chat.completion");
      g.writeNumberField("created", created);
      g.writeStringField("model", model);
      g.writeArrayFieldStart("choices");
      g.writeStartObject();
      g.writeNumberField("index", 0);
      g.writeFieldName("message");
      writeMessage(g, "reasoning_content");
      if (finishReason.isEmpty()) g.writeNullField("finish_reason");
      else g.writeStringField("finish_reason", finishReason);
      g.writeEndObject();
      g.writeEndArray();
      if (usageJson != null) {
        g.writeFieldName("usage");
        g.writeRawValue(usageJson);
      }
      if (serviceTier != null) g.writeStringField("service_tier", serviceTier);
      if (systemFingerprint != null) g.writeStringField("system_fingerprint", systemFingerprint);
      g.writeEndObject();
    });
  }

  private void writeMessage(JsonGenerator g, String reasoningName) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", "assistant");
    if (content == null) g.writeNullField("content");
    else g.writeStringField("content", content);
    if (refusal != null) g.writeStringField("refusal", refusal);
    if (reasoning != null) g.writeStringField(reasoningName, reasoning);
    if (!toolCalls.isEmpty()) {
      g.writeArrayFieldStart("tool_calls");
      for (ToolCallPart call : toolCalls) {
        g.writeStartObject();
        g.writeStringField("id", call.id());
        g.writeStringField("type", call.type());
        g.writeObjectFieldStart("function");
        g.writeStringField("name", call.name());
        g.writeStringField("arguments", call.arguments());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

}
