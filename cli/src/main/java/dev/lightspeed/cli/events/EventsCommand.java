package dev.lightspeed.cli.events;

import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.events.SessionEventsReadResponse;
import dev.lightspeed.cli.ClientCommand;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.ClientOptions;
import dev.lightspeed.cli.ExitCodes;
import dev.lightspeed.cli.gateway.Connection;
import dev.lightspeed.cli.gateway.GatewayClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lightspeed events ID [--follow] [--after SEQ] [--json]}: prints a session's event log one event per
 * line; with {@code --follow} it then waits for new events (long-polls, so it works with any gateway role)
 * until interrupted.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    header = "Prints a session's event log, optionally following it live.",
    footer = {"", "Examples:", "  lightspeed events 3f2a91c0-...", "  lightspeed events 3f2a91c0-... --follow",
        "  lightspeed events 3f2a91c0-... --after 120 --json | jq .kind.type"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
public final class EventsCommand implements Callable<Integer> {
  static final long PAGE = 256;
  static final Duration WAIT = Duration.ofSeconds(25);

  private final ClientContext context;
  @Spec
  CommandSpec spec;
  @Mixin
  ClientOptions client;
  @Parameters(paramLabel = "ID", description = "the session")
  String id;
  @Option(names = {"-f", "--follow"}, description = "keep printing new events as they are logged (Ctrl-C stops)")
  boolean follow;
  @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "start after event SEQ (default ${DEFAULT-VALUE}: the beginning)")
  long after;
  @Option(names = "--json", description = "print each event as one SessionEventView JSON line")
  boolean json;

  public EventsCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = ClientCommand.connect(spec.commandLine(), context, client)) {
      GatewayClient gateway = connection.client();
      long cursor = after;
      while (!Thread.currentThread().isInterrupted()) {
        boolean waiting = follow;
        SessionEventsReadResponse page = gateway.call(Methods.EVENTS_READ,
            new SessionEventsReadParams(id, new EventCursor(cursor), PAGE, waiting ? WAIT.toMillis() : null), SessionEventsReadResponse.class,
            WAIT.plusSeconds(30));
        for (SessionEventView event : page.events()) out.println(json ? ApiJson.toJson(event) : EventLine.of(event));
        out.flush();
        if (page.nextCursor() != null) cursor = page.nextCursor().seq();
        if (!follow && page.complete()) break;
      }
      return ExitCodes.OK;
    }
  }
}
