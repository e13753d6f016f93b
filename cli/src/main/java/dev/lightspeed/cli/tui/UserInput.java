package dev.lightspeed.cli.tui;

import java.util.List;
import java.util.Optional;

/** One line the user entered in the chat: a message for the model or a slash command. */
sealed interface UserInput {
  /** Text for a new run (queued behind the active run, if there is one). */
  record Message(String text) implements UserInput {}

  /** {@code /steer TEXT}: input for the active run. */
  record Steer(String text) implements UserInput {}

  /** {@code /stop}: cancel the active run. */
  record Stop() implements UserInput {}

  /** {@code /approve [CALL]}: approve the tool call CALL, or every call that waits for approval. */
  record Approve(Optional<String> callId) implements UserInput {}

  /** {@code /deny [REASON]}: deny every tool call that waits for approval, telling the model REASON. */
  record Deny(Optional<String> reason) implements UserInput {}

  /** {@code /new}: start a new session. */
  record NewSession() implements UserInput {}

  /** {@code /sessions}: list recent sessions. */
  record ListSessions() implements UserInput {}

  /** {@code /session ID}: switch to another session. */
  record SwitchSession(String id) implements UserInput {}

  /** {@code /model [NAME]}: show or change the model. */
  record Model(Optional<String> name) implements UserInput {}

  /** {@code /effort [LEVEL]}: show or change the reasoning effort. */
  record Effort(Optional<String> level) implements UserInput {}

  /** {@code /compact}: compact the session's context now. */
  record Compact() implements UserInput {}

  /** {@code /mount DIR}: snapshot a local directory and link it as the working directory. */
  record Mount(String directory) implements UserInput {}

  /** {@code /help}. */
  record Help() implements UserInput {}

  /** {@code /quit} or {@code /exit}. */
  record Quit() implements UserInput {}

  /** A slash command that does not exist, or lacks its argument. */
  record Invalid(String problem) implements UserInput {}

  /** An empty line. */
  record Blank() implements UserInput {}

  /** What {@code /help} prints, one command per line. */
  List<String> HELP = List.of(
      "/steer TEXT    add TEXT to the running run (it reads it at its next step)",
      "/stop          stop the running run (also Ctrl-C)",
      "/approve [CALL]  let the waiting tool call(s) run",
      "/deny [REASON]   refuse the waiting tool call(s)",
      "/new           start a new session",
      "/sessions      list recent sessions",
      "/session ID    switch to session ID",
      "/model [NAME]  show or change the model",
      "/effort [none|low|medium|high]  show or change the reasoning effort",
      "/compact       compact the session's context now",
      "/mount DIR     upload local directory DIR and make it the working directory (/workspace)",
      "/help          this list",
      "/quit          leave (also Ctrl-D, or Ctrl-C twice)",
      "Enter sends; Alt+Enter or Shift+Enter starts a new line. A message sent while a run is active is queued.");

  /** {@return what {@code line} asks for} */
  static UserInput parse(String line) {
    String text = line.strip();
    if (text.isEmpty()) return new Blank();
    if (!text.startsWith("/") || text.startsWith("//")) return new Message(text.startsWith("//") ? text.substring(1) : text);
    int space = text.indexOf(' ');
    String name = space < 0 ? text.substring(1) : text.substring(1, space);
    Optional<String> argument = space < 0 ? Optional.empty() : Optional.of(text.substring(space + 1).strip()).filter(a -> !a.isEmpty());
    return switch (name) {
      case "steer" -> argument.<UserInput>map(Steer::new).orElse(new Invalid("/steer needs the text to add, e.g. /steer use tabs"));
      case "stop", "cancel" -> new Stop();
      case "approve", "yes" -> new Approve(argument);
      case "deny", "no" -> new Deny(argument);
      case "new" -> new NewSession();
      case "sessions" -> new ListSessions();
      case "session" -> argument.<UserInput>map(SwitchSession::new).orElse(new Invalid("/session needs a session id; /sessions lists them"));
      case "model" -> new Model(argument);
      case "effort" -> new Effort(argument);
      case "compact" -> new Compact();
      case "mount" -> argument.<UserInput>map(Mount::new).orElse(new Invalid("/mount needs a local directory, e.g. /mount ."));
      case "help", "?" -> new Help();
      case "quit", "exit" -> new Quit();
      default -> new Invalid("unknown command /" + name + "; /help lists the commands (start with // to send a message that begins with /)");
    };
  }
}
