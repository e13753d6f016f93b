package dev.lightspeed.cli.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.chat.Preview;
import dev.lightspeed.cli.chat.UsageEstimate;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** {@code sessions show} for people: the session's settings, context size and its latest runs. */
final class SessionDetails {
  static final int RUNS_SHOWN = 10;

  private SessionDetails() {}

  static void print(SessionView session, PrintWriter out) {
    JsonNode model = session.config().path("model");
    out.println("session   " + session.id());
    if (session.displayName() != null) out.println("name      " + session.displayName());
    out.println("status    " + session.status().wire());
    out.println("model     " + model.path("model").asText("default") + " (" + model.path("providerId").asText("?") + ", "
        + model.path("apiKind").asText("?") + ")" + effort(session));
    out.println("created   " + SessionTable.time(session.createdAtMs()) + "   updated " + SessionTable.time(session.updatedAtMs()));
    out.println("context   " + session.activeContext().entries().size() + " entries, ~" + UsageEstimate.contextTokens(session) + " tokens");
    List<RunView> runs = session.runs();
    out.println("runs      " + runs.size() + (runs.isEmpty() ? "" : " (" + runs.stream()
        .collect(Collectors.groupingBy(r -> r.status().wire(), Collectors.counting())).entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).sorted().collect(Collectors.joining(", ")) + ")"));
    for (RunView run : runs.subList(Math.max(0, runs.size() - RUNS_SHOWN), runs.size())) {
      out.println(String.format("  run %-4s %-10s %s", run.id(), run.status().wire(), question(run)));
    }
  }

  private static String effort(SessionView session) {
    JsonNode effort = session.config().path("generation").path("reasoningEffort");
    return effort.isTextual() ? ", effort " + effort.asText() : "";
  }

  /** {@return what the run answers: its input as the context shows it, else its source} */
  private static String question(RunView run) {
    return run.entries().stream()
        .filter(e -> e.source() != null && e.source().path("type").asText().equals("runInput") && e.preview() != null)
        .map(e -> Preview.of(e.preview(), 70)).findFirst().orElseGet(() -> source(run.source()));
  }

  private static String source(RunStartSource source) {
    return switch (source) {
      case RunStartSource.Input input -> Preview.of(input.items().stream().map(SessionDetails::text).collect(Collectors.joining(" ")), 70);
      case RunStartSource.Context context -> "on context " + String.join(", ", context.keys());
    };
  }

  private static String text(InputItem item) {
    return switch (item) {
      case InputItem.Text text -> text.text();
      case InputItem.TextRef ref -> "[text " + ref.blobRef() + "]";
      case InputItem.Media media -> "[" + media.kind().wire() + " " + (media.name() == null ? media.blobRef() : media.name()) + "]";
    };
  }
}
