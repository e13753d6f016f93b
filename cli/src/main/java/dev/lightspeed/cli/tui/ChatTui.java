package dev.lightspeed.cli.tui;

import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.chat.ChatSettings;
import dev.lightspeed.cli.gateway.Connection;
import dev.lightspeed.cli.gateway.LocalServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive chat: reads lines while runs stream above the input, so the user can queue messages,
 * {@code /steer} and {@code /stop} at any time. Ctrl-C stops the active run, a second Ctrl-C within
 * {@link #SECOND_CTRL_C} leaves; Ctrl-D leaves. On leaving it says what happens to a run still going and how
 * to come back.
 */
public final class ChatTui {
  static final Duration SECOND_CTRL_C = Duration.ofSeconds(3);
  private static final String HINTS = "Enter sends · Alt+Enter new line · /help · Ctrl-C stops a run · Ctrl-D leaves";

  private final ClientContext context;
  private final Connection connection;
  private final SessionView session;
  private final ChatSettings settings;
  private long ctrlCAt = -1;

  public ChatTui(ClientContext context, Connection connection, SessionView session, ChatSettings settings) {
    this.context = Objects.requireNonNull(context, "context");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.session = Objects.requireNonNull(session, "session");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Runs the chat until the user leaves; {@return the exit code, 0} */
  public int run() throws IOException {
    try (Terminal terminal = context.terminals().open()) {
      // Raw for the whole chat, not only while a line is being read: keys typed while a command is sent would
      // otherwise meet the kernel's line editing, which echoes them over the screen and turns Ctrl-D into NUL.
      Attributes cooked = terminal.enterRawMode();
      try {
        return chat(terminal);
      } finally {
        terminal.setAttributes(cooked);
      }
    }
  }

  private int chat(Terminal terminal) {
    ChatReader reader = new ChatReader(terminal, Map.of(LineReader.HISTORY_FILE, context.home().resolve("chat_history"),
        LineReader.SECONDARY_PROMPT_PATTERN, "  "));
    reader.setParser(InputKeys.parser());
    reader.setHistory(new DefaultHistory());
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    InputKeys.install(reader);
    Screen screen = new Screen(terminal, reader);
    ChatState state = new ChatState();
    Runnable redraw = () -> screen.status(StatusBar.lines(state.snapshot(), screen.width()));
    String prompt = new AttributedString("› ", AttributedStyle.BOLD).toAnsi(terminal);
    try (ChatActions actions = new ChatActions(connection.client(), screen, state, settings, redraw)) {
      screen.print(new AttributedString("Lightspeed", AttributedStyle.BOLD));
      screen.note(connection.description());
      screen.note(HINTS);
      actions.open(session);
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt);
          ctrlCAt = -1;
        } catch (UserInterruptException e) {
          if (!interrupted(actions, screen, e.getPartialLine())) break;
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (!actions.handle(UserInput.parse(line))) break;
      }
      screen.close();
      farewell(terminal.writer(), state.snapshot());
    } finally {
      screen.close();
    }
    return 0;
  }

  /** Handles Ctrl-C; {@return false when it was the second in a row and the chat should end} */
  private boolean interrupted(ChatActions actions, Screen screen, String partialLine) {
    long now = System.nanoTime();
    if (ctrlCAt >= 0 && now - ctrlCAt < SECOND_CTRL_C.toNanos()) return false;
    ctrlCAt = now;
    if (partialLine != null && !partialLine.isEmpty()) {
      ctrlCAt = -1;
      return true;
    }
    // The hint comes first: the run's "stopping" and "cancelled" lines come on the stream, maybe before the cancel call returns.
    screen.note("(Ctrl-C again to leave)");
    actions.handle(new UserInput.Stop());
    return true;
  }

  private void farewell(PrintWriter out, ChatState.Snapshot state) {
    String resume = "lightspeed chat --session " + state.sessionId();
    boolean inProcess = connection.local().map(LocalServer::inProcess).orElse(false);
    if (state.activeRun() != null) {
      out.println(inProcess
          ? "run " + state.activeRun() + " pauses with this process and carries on when you come back: " + resume
          : "run " + state.activeRun() + " goes on at the gateway; follow it with: lightspeed events " + state.sessionId() + " --follow");
    }
    out.println("resume this session with: " + resume);
    out.flush();
  }
}
