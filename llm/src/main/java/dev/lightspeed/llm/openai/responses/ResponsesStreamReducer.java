package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.SseEvent;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds the events of one Responses stream into what the adapter reports: text and reasoning-summary deltas
 * go to the live listener as they arrive; each {@code response.output_item.done} item is kept as its exact
 * text; the terminal event ({@code response.completed} or {@code response.incomplete}) ends the fold.
 * {@code response.failed} and {@code error} events throw a classified {@link ProviderException}. Events it
 * does not need (created, in progress, content parts, argument deltas, …) are ignored, and fields missing
 * from older streams ({@code sequence_number}, {@code obfuscation}) are never required. Not thread-safe.
 */
final class ResponsesStreamReducer {
  /** The event types this fold acts on; every other type is ignored. */
  private static final Set<String> HANDLED = Set.of(
      "response.output_text.delta", "response.reasoning_summary_text.delta", "response.reasoning_text.delta",
      "response.output_item.done", "response.completed", "response.incomplete", "response.failed", "error");

  /** Left out of a terminal event's tree: {@code response.output} repeats the items already taken. */
  private static final Set<String> OUTPUT = Set.of("output");

  private final String provider;
  private final String requestId;
  private final LiveListener live;
  private final String session;
  private final long turn;
  private final List<OutputItem> items = new ArrayList<>();
  private Terminal terminal;

  /** The end of a successful stream: the raw {@code response} object, parsed too, and the finish reason. */
  record Terminal(String rawResponse, JsonNode response, String finishReason) {}

  /** An output item's exact text and, when the stream already parsed it, its tree (else null). */
  record OutputItem(long outputIndex, String raw, JsonNode parsed) {}

  ResponsesStreamReducer(String provider, String requestId, LiveListener live, String session, long turn) {
    this.provider = provider;
    this.requestId = requestId;
    this.live = live;
    this.session = session;
    this.turn = turn;
  }

  /**
   * Takes the next event. {@return true when it was the terminal event, so reading can stop}
   *
   * @throws ProviderException when the stream reports a failure, or an event is not valid JSON
   */
  boolean accept(SseEvent event) throws ProviderException {
    if (terminal != null) return true;
    // Most events of a long stream (created, in progress, added, content parts, argument deltas) are not
    // needed; when the SSE event name (which is "message" when absent) says so, skip them unparsed.
    if (!event.event().equals("message") && !HANDLED.contains(event.event())) return false;
    JsonNode data;
    Optional<String> cut = Optional.empty();
    try {
      // The item and the response are cut out raw (to be stored byte for byte) in the same pass that parses
      // the event; a terminal response's output repeats the items already taken, so its tree leaves it out.
      String member = switch (event.event()) {
        case "response.output_item.done" -> "item";
        case "response.completed", "response.incomplete" -> "response";
        default -> null;
      };
      if (member == null) {
        data = ResponsesJson.parse(event.data());
      } else {
        RawJson.Cut both = RawJson.parseCutting(ResponsesJson.MAPPER, event.data(), member, member.equals("response") ? OUTPUT : Set.of());
        data = both.tree();
        cut = both.raw();
      }
    } catch (IllegalArgumentException e) {
      throw new ProviderException(ErrorClassifier.fromIo(provider, new IOException("malformed " + event.event() + " event: " + e.getMessage()), true), e);
    }
    String type = ResponsesJson.text(data, "type");
    if (type.isEmpty()) type = event.event();
    switch (type) {
      case "response.output_text.delta" -> live.onTextDelta(session, turn, ResponsesJson.text(data, "delta"));
      case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" ->
          live.onReasoningDelta(session, turn, ResponsesJson.text(data, "delta"));
      case "response.output_item.done" -> {
        Optional<String> item = cut.isPresent() ? cut : RawJson.member(event.data(), "item");
        if (item.isPresent()) {
          JsonNode index = data.path("output_index");
          items.add(new OutputItem(index.isIntegralNumber() ? index.asLong() : items.size(), item.get(), data.path("item")));
        }
      }
      case "response.completed" -> terminal = terminal(event.data(), cut, data, "completed");
      case "response.incomplete" -> {
        String reason = ResponsesJson.text(data.path("response").path("incomplete_details"), "reason");
        terminal = terminal(event.data(), cut, data, reason.isEmpty() ? "incomplete" : "incomplete:" + reason);
      }
      case "response.failed" -> {
        JsonNode error = data.path("response").path("error");
        throw new ProviderException(ErrorClassifier.fromStreamError(provider, codeOrType(error), ResponsesJson.text(error, "message"), requestId));
      }
      case "error" -> {
        // Newer streams nest the fields under "error"; older ones put them at the top level.
        JsonNode error = data.path("error").isObject() ? data.path("error") : data;
        throw new ProviderException(ErrorClassifier.fromStreamError(provider, codeOrType(error), ResponsesJson.text(error, "message"), requestId));
      }
      default -> { }
    }
    return terminal != null;
  }

  /** {@return the terminal event, or null while the stream has not ended properly} */
  Terminal terminal() {
    return terminal;
  }

  /**
   * {@return the output items' exact texts in output order}: the {@code output_item.done} items, or, when a
   * stream sent none, the {@code output} of the terminal response
   */
  List<OutputItem> items() {
    if (items.isEmpty() && terminal != null) {
      List<String> output = RawJson.arrayMember(terminal.rawResponse(), "output");
      List<OutputItem> fromResponse = new ArrayList<>(output.size());
      for (String raw : output) fromResponse.add(new OutputItem(fromResponse.size(), raw, null));
      return fromResponse;
    }
    return items.stream().sorted(Comparator.comparingLong(OutputItem::outputIndex)).toList();
  }

  private static Terminal terminal(String rawData, Optional<String> cut, JsonNode data, String finishReason) {
    String raw = cut.isPresent() ? cut.get() : RawJson.member(rawData, "response").orElse("{}");
    return new Terminal(raw, data.path("response"), finishReason);
  }

  private static String codeOrType(JsonNode error) {
    String code = ResponsesJson.text(error, "code");
    return code.isEmpty() ? ResponsesJson.text(error, "type") : code;
  }
}
