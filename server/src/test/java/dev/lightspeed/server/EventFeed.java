package dev.lightspeed.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.SessionEventsReadParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Follows one session's events through {@code session/events/read} long-polls, as a client would. */
final class EventFeed {
  private final RpcClient rpc;
  private final String session;
  private long cursor;
  private final List<JsonNode> seen = new ArrayList<>();

  EventFeed(RpcClient rpc, String session) {
    this.rpc = rpc;
    this.session = session;
  }

  /** Reads on until an event matches {@code until} (30 s at most); {@return every event seen so far}. */
  List<JsonNode> readUntil(Predicate<JsonNode> until) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode page = rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(session, new EventCursor(cursor), 64L, 2_000L));
      for (JsonNode event : page.get("events")) {
        seen.add(event);
        if (until.test(event)) {
          cursor = event.at("/cursor/seq").asLong();
          return List.copyOf(seen);
        }
      }
      cursor = page.at("/nextCursor/seq").asLong();
    }
    throw new AssertionError("no matching event in 30 s; saw " + types());
  }

  /** {@return the {@code kind.type} of every event seen so far} */
  List<String> types() {
    return seen.stream().map(e -> e.at("/kind/type").asText()).toList();
  }

  static Predicate<JsonNode> type(String type, String runId) {
    return e -> e.at("/kind/type").asText().equals(type) && e.at("/kind/runId").asText().equals(runId);
  }
}
