package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.McpBearerTokens;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.json.RawJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the JSON bodies of {@code POST /responses} (streamed generation) and {@code POST /responses/compact}
 * with a streaming {@link JsonGenerator}, so stored items and tool schemas go out as the exact text they were
 * stored as. Stateless.
 */
final class ResponsesRequestBuilder {
  private static final System.Logger LOG = System.getLogger(ResponsesRequestBuilder.class.getName());
  private static final JsonFactory FACTORY = new JsonFactory();
  /** The smallest {@code compact_threshold} the API takes; a smaller configured threshold is raised to it. */
  static final long MIN_COMPACT_THRESHOLD = 1000;

  private ResponsesRequestBuilder() {}

  /**
   * {@return the body of a streamed generation}: model, instructions, input, tools and the generation
   * settings, {@code store:false} with encrypted reasoning included, the session id as prompt cache key, and
   * {@code context_management} when the provider is to compact. Reasoning summaries are asked for only when
   * the provider's configuration says so (see {@link dev.lightspeed.llm.config.ReasoningSummary}).
   */
  static byte[] generation(LlmRequest request, ProviderCall call) throws ProviderException {
    return generation(request, call, new LinkedHashSet<>());
  }

  /**
   * {@return the body of a streamed generation}, adding to {@code secrets} the bearer tokens it holds (of
   * provider-run MCP servers, looked up now), which must be kept out of anything that outlives the request
   *
   * @throws ProviderException terminal {@code INVALID_REQUEST} when a provider-run MCP server's token cannot be had
   */
  static byte[] generation(LlmRequest request, ProviderCall call, Set<String> secrets) throws ProviderException {
    return write(g -> {
      g.writeStringField("model", request.model().model());
      instructionsAndInput(g, request.context(), call);
      Json.Obj settings = request.generation();
      if (!request.tools().isEmpty()) tools(g, request.tools(), settings, call, secrets);
      Optional<String> effort = settings.findString("reasoningEffort");
      if (effort.isPresent()) {
        g.writeObjectFieldStart("reasoning");
        g.writeStringField("effort", effort.get());
        String summary = call.provider().reasoningSummary().wire();
        if (summary != null) g.writeStringField("summary", summary);
        g.writeEndObject();
      }
      Optional<Long> maxOutput = settings.findNumber("maxOutputTokens");
      if (maxOutput.isPresent()) g.writeNumberField("max_output_tokens", maxOutput.get());
      Optional<String> tier = settings.findString("processingTier");
      if (tier.isPresent()) g.writeStringField("service_tier", tier.get());
      g.writeBooleanField("store", false);
      g.writeArrayFieldStart("include");
      g.writeString("reasoning.encrypted_content");
      g.writeEndArray();
      g.writeStringField("prompt_cache_key", call.session());
      CompactionPolicy policy = request.compaction();
      if (policy.mode() == CompactionPolicy.Mode.PROVIDER_TRIGGERED && policy.thresholdTokens() > 0) {
        g.writeArrayFieldStart("context_management");
        g.writeStartObject();
        g.writeStringField("type", "compaction");
        g.writeNumberField("compact_threshold", Math.max(MIN_COMPACT_THRESHOLD, policy.thresholdTokens()));
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeBooleanField("stream", true);
    });
  }

  /** {@return the body of a standalone compaction}: the whole request context, rendered as for a generation */
  static byte[] compaction(CompactionRequest request, ProviderCall call) throws ProviderException {
    return write(g -> {
      g.writeStringField("model", request.model().model());
      instructionsAndInput(g, request.context(), call);
      g.writeStringField("prompt_cache_key", call.session());
    });
  }

  private static void instructionsAndInput(JsonGenerator g, List<ContextEntry> context, ProviderCall call) throws IOException, ProviderException {
    String instructions = ResponsesInput.instructions(context, call);
    if (instructions != null) g.writeStringField("instructions", instructions);
    ResponsesInput.write(g, context, call);
  }

  private static void tools(JsonGenerator g, List<ToolSpec> tools, Json.Obj settings, ProviderCall call, Set<String> secrets)
      throws IOException, ProviderException {
    g.writeArrayFieldStart("tools");
    for (ToolSpec tool : tools) {
      String spec = new String(call.read(tool.spec()), StandardCharsets.UTF_8);
      JsonNode node = ResponsesJson.parse(spec);
      String type = ResponsesJson.text(node, "type");
      if (type.equals("native")) {
        Optional<String> definition = RawJson.member(spec, "definition");
        if (!ResponsesJson.text(node, "apiKind").equals(ResponsesOutputItems.API_KIND)) continue;
        if (definition.isEmpty()) {
          LOG.log(System.Logger.Level.WARNING, "native tool {0} has no definition; left out", tool.name());
          continue;
        }
        String tokenOf = ResponsesJson.text(node, "bearerTokenOf");
        if (tokenOf.isEmpty()) {
          g.writeRawValue(definition.get());
        } else {
          ObjectNode withToken = ((ObjectNode) node.get("definition")).deepCopy();
          String token = McpBearerTokens.now(call.provider().id(), tool.name(), tokenOf, call::mcpToken);
          withToken.put("authorization", token);
          secrets.add(token);
          g.writeRawValue(ResponsesJson.MAPPER.writeValueAsString(withToken));
        }
        continue;
      }
      g.writeStartObject();
      g.writeStringField("type", "function");
      g.writeStringField("name", tool.name());
      String description = ResponsesJson.text(node, "description");
      if (!description.isEmpty()) g.writeStringField("description", description);
      g.writeFieldName("parameters");
      g.writeRawValue(RawJson.member(spec, "parameters").orElse("{\"type\":\"object\",\"properties\":{}}"));
      g.writeBooleanField("strict", false);
      g.writeEndObject();
    }
    g.writeEndArray();
    Optional<Json.Obj> choice = settings.findObject("toolChoice");
    if (choice.isPresent()) {
      String type = choice.get().findString("type").orElse("auto");
      switch (type) {
        case "none" -> g.writeStringField("tool_choice", "none");
        case "requiredAny" -> g.writeStringField("tool_choice", "required");
        case "specific" -> {
          g.writeObjectFieldStart("tool_choice");
          g.writeStringField("type", "function");
          g.writeStringField("name", choice.get().string("toolId"));
          g.writeEndObject();
        }
        default -> g.writeStringField("tool_choice", "auto");
      }
    }
    if (settings.find("parallelToolUse").orElse(null) instanceof Json.Bool parallel) {
      g.writeBooleanField("parallel_tool_calls", parallel.value());
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException, ProviderException;
  }

  private static byte[] write(Body body) throws ProviderException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new AssertionError("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
