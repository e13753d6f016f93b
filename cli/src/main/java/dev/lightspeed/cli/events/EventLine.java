package dev.lightspeed.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.cli.chat.Preview;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One log event on one line: {@code #SEQ  TIME  TYPE  member=value ...}, with nested members as compact JSON
 * cut short, so a log reads top to bottom like a story.
 */
final class EventLine {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
  static final int VALUE_MAX = 80;

  private EventLine() {}

  static String of(SessionEventView event) {
    StringJoiner members = new StringJoiner(" ");
    for (Map.Entry<String, JsonNode> member : event.kind().properties()) {
      if (member.getKey().equals("type")) continue;
      JsonNode value = member.getValue();
      members.add(member.getKey() + "=" + Preview.of(value.isValueNode() ? value.asText() : value.toString(), VALUE_MAX));
    }
    return String.format("#%-5d %s  %-26s %s", event.cursor().seq(), TIME.format(Instant.ofEpochMilli(event.observedAtMs())), event.type(),
        members).stripTrailing();
  }
}
