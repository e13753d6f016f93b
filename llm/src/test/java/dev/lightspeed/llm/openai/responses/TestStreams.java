package dev.lightspeed.llm.openai.responses;

/** Hand-written Responses SSE events for shapes no recorded fixture has (parallel calls, custom tools, …). */
final class TestStreams {
  private TestStreams() {}

  /** {@code event: <type>\ndata: <json>\n\n} */
  static String event(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  static String created(String responseId) {
    return event("response.created", "{\"type\":\"response.created\",\"response\":{\"id\":\"" + responseId + "\",\"object\":\"response\","
        + "\"status\":\"in_progress\",\"output\":[]}}");
  }

  static String completed(String responseId, String outputArray, long input, long cached, long output, long reasoning) {
    return event("response.completed", "{\"type\":\"response.completed\",\"response\":{\"id\":\"" + responseId + "\",\"object\":\"response\","
        + "\"status\":\"completed\",\"output\":" + outputArray + ",\"usage\":{\"input_tokens\":" + input + ",\"input_tokens_details\":{\"cached_tokens\":"
        + cached + "},\"output_tokens\":" + output + ",\"output_tokens_details\":{\"reasoning_tokens\":" + reasoning + "},\"total_tokens\":"
        + (input + output) + "}}}");
  }
}
