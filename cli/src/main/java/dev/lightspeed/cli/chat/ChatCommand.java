package dev.lightspeed.cli.chat;

import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.ClientCommand;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.ClientOptions;
import dev.lightspeed.cli.ExitCodes;
import dev.lightspeed.cli.gateway.Connection;
import dev.lightspeed.cli.gateway.LocalServer;
import dev.lightspeed.cli.mount.DirectoryMount;
import dev.lightspeed.cli.tui.ChatTui;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lightspeed chat}: with a message, one run whose answer streams to stdout (exit code from its
 * outcome); without, the interactive chat. A new session unless {@code --session} names one.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    header = "Chats with the agent: interactively, or one message and exit.",
    usageHelpAutoWidth = true,
    description = {
        "Without MESSAGE: an interactive chat. Answers stream as they are written; while a run works, type to queue the next "
            + "message, /steer TEXT to add to the running run, /stop or Ctrl-C to stop it. /help lists the commands.",
        "With MESSAGE, or text piped to stdin: one run. The answer goes to stdout as it streams, tool activity and progress to "
            + "stderr. With --json, stdout gets one JSON document instead: {sessionId, runId, status, text, toolCalls, usage, error}.",
        "Without --api-url or LIGHTSPEED_API_URL, the runtime starts inside this process (embedded Temporal, sessions in "
            + "LIGHTSPEED_HOME, default ~/.lightspeed); if a `lightspeed server` already owns that store, its gateway is used.",
        ""},
    footer = {"", "Examples:",
        "  lightspeed chat --new --mount .                     interactive, this directory as the agent's working directory",
        "  lightspeed chat --new                               interactive, in a new session",
        "  lightspeed chat --mount ~/src/app \"fix the failing test\"",
        "  lightspeed chat --new \"summarize NEWS.md\"           one message, answer on stdout",
        "  lightspeed chat --session 3f2a91c0-... \"and now in French\"",
        "  lightspeed chat --model claude-sonnet-4-5 --effort high",
        "  lightspeed chat --json \"what is 2+2?\" | jq -r .text",
        "  git diff | lightspeed chat                          the piped text is the message",
        "  lightspeed chat --api-url http://127.0.0.1:18080"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_CANCELLED, ExitCodes.HELP_GATEWAY_ERROR,
        ExitCodes.HELP_UNREACHABLE, "130:interrupted (Ctrl-C) during a one-shot run, which is cancelled"})
public final class ChatCommand implements Callable<Integer> {
  static final Set<String> API_KINDS = Set.of("openai:responses", "openai:completions", "anthropic:messages");
  static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

  private final ClientContext context;
  @Spec
  CommandSpec spec;
  @Mixin
  ClientOptions client;
  @ArgGroup(exclusive = true)
  Target target;
  @Option(names = "--model", paramLabel = "M", description = "the model, e.g. gpt-5 or claude-sonnet-4-5 (default: the gateway's)")
  String model;
  @Option(names = "--provider", paramLabel = "P", description = "the provider id: openai, anthropic, or one in LIGHTSPEED_PROVIDERS")
  String provider;
  @Option(names = "--api-kind", paramLabel = "K", description = "openai:responses, openai:completions or anthropic:messages (new sessions)")
  String apiKind;
  @Option(names = "--effort", paramLabel = "LEVEL", description = "reasoning effort: none, low, medium or high")
  String effort;
  @Option(names = "--max-tokens", paramLabel = "N", description = "cap on the tokens of each model answer")
  Long maxTokens;
  @Option(names = "--mount", paramLabel = "DIR", description = "upload local directory DIR (as git sees it: .gitignore applies, .git "
      + "is left out) into a new workspace linked read-write at --mount-path, the agent's working directory")
  Path mount;
  @Option(names = "--mount-path", paramLabel = "PATH", defaultValue = SessionSetup.DEFAULT_MOUNT_PATH,
      description = "where --mount links the workspace in the session's file namespace (default ${DEFAULT-VALUE})")
  String mountPath;
  @Option(names = "--mcp", paramLabel = "NAME", description = "grant the session the tools of MCP server NAME, registered with "
      + "lightspeed mcp add (repeatable)")
  List<String> mcp = new ArrayList<>();
  @Option(names = "--profile", paramLabel = "NAME", description = "start the session with stored profile NAME (profiles/create); "
      + "with --session, apply it to that session")
  String profile;
  @Option(names = "--json", description = "one-shot only: print one JSON document with the outcome, nothing else on stdout")
  boolean json;
  @Parameters(paramLabel = "MESSAGE", arity = "0..*", description = "the message; words are joined with spaces")
  List<String> words = List.of();

  /** Which session: a new one (default) or an existing one. */
  static final class Target {
    @Option(names = "--new", description = "start a new session (the default)")
    boolean fresh;
    @Option(names = "--session", paramLabel = "ID", description = "continue session ID")
    String session;
  }

  public ChatCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws IOException {
    ChatSettings settings = settings();
    String message = String.join(" ", words).strip();
    if (message.isEmpty() && !context.terminals().interactive()) {
      message = new String(context.terminals().input().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (message.isEmpty()) throw new ParameterException(spec.commandLine(), "no message: give a MESSAGE, pipe one in, or run in a terminal");
    }
    if (mount != null && !mountPath.startsWith("/")) {
      throw new ParameterException(spec.commandLine(), "--mount-path: expected an absolute path such as /workspace, not \"" + mountPath + "\"");
    }
    if (json && message.isEmpty()) throw new ParameterException(spec.commandLine(), "--json is for one-shot use: give a MESSAGE");
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = ClientCommand.connect(spec.commandLine(), context, client)) {
      connection.local().filter(l -> !l.inProcess()).map(LocalServer::description).ifPresent(d -> note(err, d));
      SessionSetup setup = new SessionSetup(connection.client());
      boolean resuming = target != null && target.session != null;
      SessionView session = resuming
          ? setup.resume(target.session, settings)
          : setup.create(settings, message.isEmpty() ? null : Preview.of(message, 60), Optional.ofNullable(profile));
      if (resuming && profile != null) session = setup.applyProfile(session, profile);
      if (mount != null) session = mount(connection, setup, session, err);
      if (!mcp.isEmpty()) session = setup.grantMcp(session, mcp);
      if (message.isEmpty()) return new ChatTui(context, connection, session, settings).run();
      if (!json) note(err, "session " + session.id() + " · " + session.config().path("model").path("model").asText("default model"));
      return oneShot(connection, session, message);
    }
  }

  private SessionView mount(Connection connection, SessionSetup setup, SessionView session, PrintWriter err) {
    DirectoryMount.Mounted mounted = new DirectoryMount(connection.client(), err, context.terminals().interactive()).mount(mount);
    if (!json) {
      note(err, "workspace " + mounted.workspace().workspaceId() + " linked at " + mountPath + "; take the agent's changes home with: "
          + "lightspeed vfs materialize " + mounted.workspace().workspaceId() + " DIR");
    }
    return setup.link(session, mounted.workspace().workspaceId(), mountPath);
  }

  private int oneShot(Connection connection, SessionView session, String message) {
    OneShot shot = new OneShot(connection.client(), spec.commandLine().getOut(), spec.commandLine().getErr(), json);
    Thread onInterrupt = new Thread(() -> {
      shot.cancel(CANCEL_WAIT);
      connection.close();
    }, "lightspeed-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      return shot.run(session, message).exitCode();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cancels the run and stops the local server
      }
    }
  }

  private ChatSettings settings() {
    if (apiKind != null && !API_KINDS.contains(apiKind.strip())) {
      throw new ParameterException(spec.commandLine(), "--api-kind: expected openai:responses, openai:completions or anthropic:messages, not \""
          + apiKind + "\"");
    }
    try {
      return new ChatSettings(Optional.ofNullable(model), Optional.ofNullable(provider), Optional.ofNullable(apiKind),
          Optional.ofNullable(effort).map(Effort::parse), maxTokens == null ? OptionalLong.empty() : OptionalLong.of(maxTokens));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), (e.getMessage().startsWith("unknown effort") ? "--effort: " : "") + e.getMessage());
    }
  }

  private static void note(PrintWriter err, String line) {
    err.println("lightspeed: " + line);
    err.flush();
  }
}
