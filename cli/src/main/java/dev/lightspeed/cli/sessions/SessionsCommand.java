package dev.lightspeed.cli.sessions;

import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionCloseResponse;
import dev.lightspeed.api.session.SessionDeleteParams;
import dev.lightspeed.api.session.SessionDeleteResponse;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionListResponse;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionSummaryView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.ClientCommand;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.ClientOptions;
import dev.lightspeed.cli.ExitCodes;
import dev.lightspeed.cli.gateway.Connection;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lightspeed sessions list|show|close|delete}: looks at and ends the sessions a gateway holds. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    header = "Lists, shows, closes and deletes sessions.",
    subcommands = {SessionsCommand.ListSessions.class, SessionsCommand.Show.class, SessionsCommand.Close.class, SessionsCommand.Delete.class},
    footer = {"", "Examples:", "  lightspeed sessions list", "  lightspeed sessions show 3f2a91c0-...", "  lightspeed sessions close 3f2a91c0-... --force",
        "  lightspeed sessions delete 3f2a91c0-..."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
public final class SessionsCommand implements Runnable {
  private final ClientContext context;
  @Spec
  CommandSpec spec;

  public SessionsCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Specify a subcommand: list, show, close or delete");
  }

  Connection connect(CommandSpec sub, ClientOptions options) {
    return ClientCommand.connect(sub.commandLine(), context, options);
  }

  /** {@code sessions list}: every session, most recently updated first. */
  @Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the sessions, most recently updated first.",
      footer = {"", "Examples:", "  lightspeed sessions list", "  lightspeed sessions list --json --api-url http://127.0.0.1:18080"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class ListSessions implements Callable<Integer> {
    @ParentCommand
    SessionsCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Option(names = "--json", description = "print {\"sessions\": [...]} (SessionSummaryView objects) instead of a table")
    boolean json;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "show at most N sessions (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        List<SessionSummaryView> sessions = new ArrayList<>();
        String cursor = null;
        do {
          SessionListResponse page = connection.client().call(new SessionListParams(cursor, (long) Math.min(100, limit)), SessionListResponse.class);
          sessions.addAll(page.sessions());
          cursor = page.nextCursor();
        } while (cursor != null && sessions.size() < limit);
        List<SessionSummaryView> shown = sessions.subList(0, Math.min(limit, sessions.size()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(ApiJson.toJson(new SessionListResponse(shown, null)));
        } else if (shown.isEmpty()) {
          out.println("no sessions yet; start one with: lightspeed chat --new");
        } else {
          out.println(SessionTable.header());
          shown.forEach(s -> out.println(SessionTable.row(s)));
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code sessions show ID}: one session's model, context and runs. */
  @Command(name = "show", mixinStandardHelpOptions = true, header = "Shows one session: model, context size and runs.",
      footer = {"", "Examples:", "  lightspeed sessions show 3f2a91c0-...", "  lightspeed sessions show 3f2a91c0-... --json"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Show implements Callable<Integer> {
    @ParentCommand
    SessionsCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(paramLabel = "ID", description = "the session")
    String id;
    @Option(names = "--json", description = "print the SessionView as JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        SessionView session = connection.client().call(new SessionReadParams(id), SessionReadResponse.class).session();
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(ApiJson.toJson(session));
        else SessionDetails.print(session, out);
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code sessions close ID [--force]}: the session takes no more runs. */
  @Command(name = "close", mixinStandardHelpOptions = true, header = "Closes a session: it keeps its log but takes no more runs.",
      footer = {"", "Examples:", "  lightspeed sessions close 3f2a91c0-...", "  lightspeed sessions close 3f2a91c0-... --force   # cancels its active run"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Close implements Callable<Integer> {
    @ParentCommand
    SessionsCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(paramLabel = "ID", description = "the session")
    String id;
    @Option(names = "--force", description = "cancel the active run and drop queued ones instead of refusing")
    boolean force;
    @Option(names = "--json", description = "print the closed SessionView as JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        SessionView session = connection.client().call(new SessionCloseParams(id, force), SessionCloseResponse.class).session();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? ApiJson.toJson(session) : "closed session " + session.id());
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code sessions delete ID}: removes a closed session's log. */
  @Command(name = "delete", mixinStandardHelpOptions = true, header = "Deletes a closed session and its event log.",
      footer = {"", "Examples:", "  lightspeed sessions close 3f2a91c0-... && lightspeed sessions delete 3f2a91c0-..."},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Delete implements Callable<Integer> {
    @ParentCommand
    SessionsCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(paramLabel = "ID", description = "the session (close it first)")
    String id;
    @Option(names = "--json", description = "print the deleted session's SessionSummaryView as JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        SessionSummaryView deleted = connection.client().call(new SessionDeleteParams(id), SessionDeleteResponse.class).session();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? ApiJson.toJson(deleted) : "deleted session " + deleted.id());
        out.flush();
        return ExitCodes.OK;
      }
    }
  }
}
