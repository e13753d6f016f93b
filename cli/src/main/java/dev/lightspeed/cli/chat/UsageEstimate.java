package dev.lightspeed.cli.chat;

import dev.lightspeed.api.context.ContextEntryView;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.api.session.SessionView;
import java.util.List;

/**
 * Token counts from the context entries' estimates, for gateways that report no provider counts: output is
 * what the run's model turns produced, input the rest of the active context (what the last turn was sent).
 * Also the context fill the chat's status line shows.
 */
public final class UsageEstimate {
  private UsageEstimate() {}

  /** {@return estimated usage of run {@code runId} of {@code session}} */
  public static TokenUsage ofRun(SessionView session, String runId) {
    long output = session.runs().stream().filter(r -> r.id().equals(runId)).findFirst().map(UsageEstimate::outputTokens).orElse(0L);
    long input = Math.max(0, contextTokens(session) - output);
    return new TokenUsage(input, output, 0, true);
  }

  /** {@return the estimated size of the session's active context, in tokens} */
  public static long contextTokens(SessionView session) {
    return sum(session.activeContext().entries());
  }

  private static long outputTokens(RunView run) {
    return sum(run.entries().stream().filter(e -> e.source() != null && e.source().path("type").asText().equals("assistantOutput")).toList());
  }

  private static long sum(List<ContextEntryView> entries) {
    return entries.stream().mapToLong(e -> e.tokenEstimate() == null ? 0 : e.tokenEstimate().tokens()).sum();
  }
}
