package dev.lightspeed.cli.tui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the status bar and the commands need to know about the chat, updated from the input thread (commands)
 * and the stream thread (run updates). Thread-safe; {@link #snapshot()} is a consistent copy.
 */
final class ChatState {
  /** A consistent copy of the state. */
  record Snapshot(String sessionId, String model, String effort, String activeRun, int queued, long tokensUsed, boolean estimated,
      long contextTokens, String activity, String partialLine) {}

  private String sessionId;
  private String model;
  private String effort;
  private String activeRun;
  private final Map<String, String> queued = new LinkedHashMap<>();
  private long tokensUsed;
  private boolean estimated;
  private long contextTokens;
  private String activity = "";
  private String partialLine = "";

  synchronized Snapshot snapshot() {
    return new Snapshot(sessionId, model, effort, activeRun, queued.size(), tokensUsed, estimated, contextTokens, activity, partialLine);
  }

  /** Switches to another session, forgetting the runs and counts of the last one. */
  synchronized void session(String id, String newModel, String newEffort, long context) {
    sessionId = Objects.requireNonNull(id, "id");
    model = newModel;
    effort = newEffort;
    activeRun = null;
    queued.clear();
    tokensUsed = 0;
    estimated = false;
    contextTokens = context;
    activity = "";
    partialLine = "";
  }

  synchronized String sessionId() {
    return sessionId;
  }

  synchronized String activeRun() {
    return activeRun;
  }

  synchronized void model(String newModel, String newEffort) {
    model = newModel;
    effort = newEffort;
  }

  /** Records a run the user queued behind the active one, with the text it answers. */
  synchronized void queued(String run, String text) {
    queued.put(run, text);
  }

  /** Marks {@code run} as the one generating now; {@return the text it was queued with, or null} */
  synchronized String started(String run) {
    activeRun = run;
    return queued.remove(run);
  }

  /** Marks {@code run} as over. */
  synchronized void finished(String run) {
    if (run.equals(activeRun)) activeRun = null;
    queued.remove(run);
    activity = "";
    partialLine = "";
  }

  synchronized void activity(String text) {
    activity = text;
  }

  synchronized void partialLine(String text) {
    partialLine = text;
  }

  synchronized void addTokens(long tokens, boolean isEstimate) {
    tokensUsed += tokens;
    estimated |= isEstimate;
  }

  synchronized void contextTokens(long tokens) {
    contextTokens = tokens;
  }
}
