package dev.lightspeed.llm.openai.completions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds {@code POST /chat/completions} bodies. A generation sends {@code model}, {@code messages}, then
 * (when set) {@code tools}, {@code tool_choice}, {@code parallel_tool_calls} (only with tools),
 * {@code max_completion_tokens}, {@code reasoning_effort}, {@code service_tier}, then
 * {@code prompt_cache_key} = the session id (only for the official provider {@code openai} called with a
 * key: local servers, keyless, may reject unknown fields), {@code stream: true} and
 * {@code stream_options.include_usage}. A compaction sends the context followed by a request for a
 * summary, without tools.
 */
final class ChatRequestBuilder {
  /** The provider id whose server understands OpenAI-only fields such as {@code prompt_cache_key}. */
  static final String OFFICIAL_PROVIDER = "openai";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String provider;
  private final String session;
  private final boolean promptCacheKey;
  private final Function<BlobRef, byte[]> blobs;

  /**
   * @param keyed whether the call carries an API key; a keyless {@code openai} provider is a local server
   *     reached through {@code OPENAI_BASE_URL}
   */
  ChatRequestBuilder(String provider, boolean keyed, String session, Function<BlobRef, byte[]> blobs) {
    this.provider = provider;
    this.session = session;
    this.promptCacheKey = keyed && provider.equals(OFFICIAL_PROVIDER);
    this.blobs = blobs;
  }

  /** {@return the streaming request body for one generation} */
  byte[] generation(LlmRequest request) throws ProviderException {
    List<String> tools = new ArrayList<>();
    for (ToolSpec spec : request.tools()) tool(spec).ifPresent(tools::add);
    Json.Obj settings = request.generation();
    return body(g -> {
      g.writeStringField("model", request.model().model());
      messages(g, request.context(), null);
      if (!tools.isEmpty()) {
        g.writeArrayFieldStart("tools");
        for (String tool : tools) g.writeRawValue(tool);
        g.writeEndArray();
        writeToolChoice(g, settings);
        if (settings.find("parallelToolUse").orElse(null) instanceof Json.Bool(boolean parallel)) {
          g.writeBooleanField("parallel_tool_calls", parallel);
        }
      }
      if (settings.find("maxOutputTokens").orElse(null) instanceof Json.Num n && n.isIntegral()) {
        g.writeNumberField("max_completion_tokens", n.longValue());
      }
      if (settings.find("reasoningEffort").orElse(null) instanceof Json.Str(String effort)) g.writeStringField("reasoning_effort", effort);
      if (settings.find("processingTier").orElse(null) instanceof Json.Str(String tier)) g.writeStringField("service_tier", tier);
      streamFields(g);
    });
  }

  /** {@return the streaming request body that asks the model to summarise {@code request}'s context} */
  byte[] compaction(CompactionRequest request) throws ProviderException {
    return body(g -> {
      g.writeStringField("model", request.model().model());
      messages(g, request.context(), summaryInstruction(request.policy().targetTokens()));
      streamFields(g);
    });
  }

  static String summaryInstruction(long targetTokens) {
    String limit = targetTokens > 0 ? " Keep it under about " + targetTokens + " tokens." : "";
    return "Write a concise summary of the conversation so far, to replace it in the context of the assistant that "
        + "continues this work. Keep every decision made and why, the tasks still open and the next step, the file paths, "
        + "identifiers, commands and facts needed to continue, and any constraints the user set. Leave out pleasantries and "
        + "repeated material. Answer with the summary only." + limit;
  }

  private void messages(JsonGenerator g, List<ContextEntry> context, String trailingUserText) throws IOException, ProviderException {
    g.writeArrayFieldStart("messages");
    ChatMessages.write(g, context, provider, blobs, trailingUserText != null);
    if (trailingUserText != null) {
      g.writeStartObject();
      g.writeStringField("role", "user");
      g.writeStringField("content", trailingUserText);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void streamFields(JsonGenerator g) throws IOException {
    if (promptCacheKey) g.writeStringField("prompt_cache_key", session);
    g.writeBooleanField("stream", true);
    g.writeObjectFieldStart("stream_options");
    g.writeBooleanField("include_usage", true);
    g.writeEndObject();
  }

  private static void writeToolChoice(JsonGenerator g, Json.Obj settings) throws IOException {
    Optional<Json.Obj> choice = settings.findObject("toolChoice");
    if (choice.isEmpty()) return;
    String type = choice.get().findString("type").orElse("auto");
    switch (type) {
      case "none" -> g.writeStringField("tool_choice", "none");
      case "requiredAny" -> g.writeStringField("tool_choice", "required");
      case "specific" -> {
        g.writeObjectFieldStart("tool_choice");
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", choice.get().findString("toolId").orElse(""));
        g.writeEndObject();
        g.writeEndObject();
      }
      default -> g.writeStringField("tool_choice", "auto");
    }
  }

  /**
   * {@return the tool's Chat Completions definition, or empty for a native tool of another API kind}
   * Function specs become {@code {"type":"function","function":{"name","description","parameters","strict"}}}
   * with {@code parameters} copied byte for byte; native definitions for this kind are sent as they are.
   */
  private Optional<String> tool(ToolSpec spec) throws ProviderException {
    String text = new String(blobs.apply(spec.spec()), StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.INVALID_REQUEST, 0, "",
          "the spec of tool \"" + spec.name() + "\" is not a JSON object"));
    }
    String type = node.path("type").asText("function");
    if (type.equals("native")) {
      if (!OpenAiCompletionsAdapter.API_KIND.equals(node.path("apiKind").asText())) return Optional.empty();
      return RawJson.member(text, "definition");
    }
    JsonNode description = node.get("description");
    JsonNode strict = node.get("strict");
    Optional<String> parameters = RawJson.member(text, "parameters");
    return Optional.of(new String(ChatJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "function");
      g.writeObjectFieldStart("function");
      g.writeStringField("name", spec.name());
      if (description != null && description.isTextual()) g.writeStringField("description", description.asText());
      if (parameters.isPresent()) {
        g.writeFieldName("parameters");
        g.writeRawValue(parameters.get());
      }
      if (strict != null && strict.isBoolean()) g.writeBooleanField("strict", strict.asBoolean());
      g.writeEndObject();
      g.writeEndObject();
    }), StandardCharsets.UTF_8));
  }

  private static byte[] body(ChatJson.Body<ProviderException> fields) throws ProviderException {
    return ChatJson.write(g -> {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    });
  }
}
