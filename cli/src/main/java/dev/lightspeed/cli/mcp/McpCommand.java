package dev.lightspeed.cli.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerDeleteResponse;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerListResponse;
import dev.lightspeed.api.mcp.McpServerLoginCompleteParams;
import dev.lightspeed.api.mcp.McpServerLoginCompleteResponse;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerLoginStartResponse;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerPutResponse;
import dev.lightspeed.api.mcp.McpServerView;
import dev.lightspeed.api.mcp.RemoteMcpApprovalPolicy;
import dev.lightspeed.cli.ClientCommand;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.ClientOptions;
import dev.lightspeed.cli.ExitCodes;
import dev.lightspeed.cli.gateway.Connection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lightspeed mcp add|list|remove|login}: registers MCP servers with the gateway (and logs in to those that
 * use OAuth), so sessions can be granted their tools ({@code features.mcp}, or {@code lightspeed chat --mcp NAME}).
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    header = "Registers, lists and removes MCP servers whose tools sessions may use.",
    subcommands = {McpCommand.Add.class, McpCommand.ListServers.class, McpCommand.Remove.class, McpCommand.Login.class},
    footer = {"", "Examples:", "  lightspeed mcp add docs --url https://mcp.example.com/mcp --header 'Authorization=Bearer sk-...'",
        "  lightspeed mcp add everything --command npx -y @modelcontextprotocol/server-everything", "  lightspeed mcp list",
        "  lightspeed mcp add linear --url https://mcp.linear.app/mcp --oauth", "  lightspeed mcp login linear",
        "  lightspeed chat --new --mcp docs \"what changed in v2?\"", "  lightspeed mcp remove docs"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
public final class McpCommand implements Runnable {
  final ClientContext context;
  @Spec
  CommandSpec spec;

  public McpCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Specify a subcommand: add, list, remove or login");
  }

  Connection connect(CommandSpec sub, ClientOptions options) {
    return ClientCommand.connect(sub.commandLine(), context, options);
  }

  /** {@code mcp add NAME (--url URL | --command CMD ARG...)}. */
  @Command(name = "add", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Registers (or replaces) an MCP server under NAME.",
      description = {"With --url, a server spoken to over Streamable HTTP; --header K=V (repeatable) is sent with every request "
          + "(e.g. an Authorization header; its value is stored by the gateway and never shown again). With --command, a local server "
          + "the gateway starts and speaks to over stdio: the rest of the line is its command (embedded runtime only). "
          + "--provider lets the model provider connect to the server itself (OpenAI Responses only, no headers). "
          + "--oauth marks a server that needs an OAuth login (then run lightspeed mcp login NAME). "
          + "Header values and tokens are stored encrypted under LIGHTSPEED_SECRETS_MASTER_KEY, which the gateway needs.", ""},
      footer = {"", "Examples:", "  lightspeed mcp add docs --url https://mcp.example.com/mcp --header 'Authorization=Bearer sk-...'",
          "  lightspeed mcp add everything --command npx -y @modelcontextprotocol/server-everything",
          "  lightspeed mcp add search --url https://mcp.example.com/mcp --allow search --allow fetch",
          "  lightspeed mcp add linear --url https://mcp.linear.app/mcp --oauth --scope read"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Add implements Callable<Integer> {
    @ParentCommand
    McpCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(index = "0", paramLabel = "NAME", description = "the server id: letters, digits, '_' and '-'")
    String name;
    @Option(names = "--url", paramLabel = "URL", description = "the server's Streamable HTTP endpoint")
    String url;
    @Option(names = "--command", arity = "1..*", paramLabel = "CMD", description = "the command of a local stdio server (the rest of the line)")
    List<String> command;
    @Option(names = "--header", paramLabel = "K=V", description = "a header sent with every request (repeatable)")
    Map<String, String> headers = new LinkedHashMap<>();
    @Option(names = "--allow", paramLabel = "TOOL", description = "offer only these tools of the server (repeatable)")
    List<String> allowed;
    @Option(names = "--provider", description = "let the model provider connect to the server (OpenAI Responses sessions)")
    boolean provider;
    @Option(names = "--oauth", description = "the server needs an OAuth login (requiredOAuth); log in with: lightspeed mcp login NAME")
    boolean oauth;
    @Option(names = "--scope", paramLabel = "SCOPE", description = "an OAuth scope to ask for (repeatable; default: what the server suggests)")
    List<String> scopes;
    @Option(names = "--approval", paramLabel = "always|never",
        description = "always: each call of the server's tools waits for your /approve in the chat (default: never)")
    String approval;

    @Override
    public Integer call() {
      if ((url == null) == (command == null || command.isEmpty())) {
        throw new ParameterException(spec.commandLine(), "Give exactly one of --url URL or --command CMD ...");
      }
      if ((oauth || scopes != null) && url == null) throw new ParameterException(spec.commandLine(), "--oauth needs --url URL");
      RemoteMcpApprovalPolicy approvalPolicy = switch (approval == null ? "never" : approval) {
        case "always" -> RemoteMcpApprovalPolicy.ALWAYS;
        case "never" -> RemoteMcpApprovalPolicy.NEVER;
        default -> throw new ParameterException(spec.commandLine(), "--approval must be always or never, not \"" + approval + "\"");
      };
      String serverUrl = url != null ? url : "stdio:" + name;
      ObjectNode policy = null;
      if (oauth || scopes != null) {
        policy = ApiJson.mapper().createObjectNode().put("type", "requiredOAuth");
        if (scopes != null) scopes.forEach(policy.putArray("scopes_default")::add);
      }
      McpServerInput input = new McpServerInput(name, serverUrl, name, null, null, null, allowed, approvalPolicy, policy, null, null, null,
          provider ? "provider" : null, headers.isEmpty() ? null : headers, command);
      try (Connection connection = parent.connect(spec, client)) {
        McpServerView view = connection.client().call(new McpServerPutParams(input, null), McpServerPutResponse.class).server();
        PrintWriter out = spec.commandLine().getOut();
        out.println("registered MCP server " + view.serverId() + " (" + view.serverUrl() + ", revision " + view.revision()
            + "); grant it with: lightspeed chat --mcp " + view.serverId());
        if (view.login() != null && !"loggedIn".equals(view.login().status())) {
          out.println("it needs an OAuth login: lightspeed mcp login " + view.serverId());
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code mcp list [--json]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the registered MCP servers.",
      footer = {"", "Examples:", "  lightspeed mcp list", "  lightspeed mcp list --json | jq -r '.servers[].serverId'"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class ListServers implements Callable<Integer> {
    @ParentCommand
    McpCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Option(names = "--json", description = "print {\"servers\": [...]} (McpServerView objects) instead of a table")
    boolean json;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        McpServerListResponse list = connection.client().call(new McpServerListParams(null), McpServerListResponse.class);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(ApiJson.toJson(list));
        } else if (list.servers().isEmpty()) {
          out.println("no MCP servers yet; lightspeed mcp add NAME --url URL registers one");
        } else {
          out.println(String.format("%-24s  %-8s  %-9s  %-9s  %s", "SERVER", "RUNS AT", "HEADERS", "LOGIN", "URL / COMMAND"));
          for (McpServerView s : list.servers()) {
            String where = s.command() == null || s.command().isEmpty() ? s.serverUrl() : String.join(" ", s.command());
            String headerNames = s.headerNames() == null || s.headerNames().isEmpty() ? "-" : String.join(",", s.headerNames());
            String login = s.login() == null ? "-" : s.login().status();
            out.println(String.format("%-24s  %-8s  %-9s  %-9s  %s", s.serverId(), s.execution() == null ? "harness" : s.execution(), headerNames,
                login, where));
          }
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code mcp remove NAME}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, header = "Removes a registered MCP server.",
      footer = {"", "Examples:", "  lightspeed mcp remove docs"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Remove implements Callable<Integer> {
    @ParentCommand
    McpCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(index = "0", paramLabel = "NAME", description = "the server id")
    String name;

    @Override
    public Integer call() {
      try (Connection connection = parent.connect(spec, client)) {
        connection.client().call(new McpServerDeleteParams(name), McpServerDeleteResponse.class);
        PrintWriter out = spec.commandLine().getOut();
        out.println("removed MCP server " + name);
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code mcp login NAME}: the OAuth login of a registered server, through a loopback redirect. */
  @Command(name = "login", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      header = "Logs in to an MCP server that uses OAuth.",
      description = {"The gateway finds the server's authorization server (from its 401 and metadata), registers a client when the "
          + "server allows it, and gives the URL to open; the browser comes back to a listener on 127.0.0.1, and the gateway "
          + "exchanges the code (PKCE) and stores the tokens encrypted. Tokens are refreshed before they expire.", ""},
      footer = {"", "Examples:", "  lightspeed mcp login linear", "  lightspeed mcp login linear --no-browser --port 53682",
          "  lightspeed mcp login internal --client-id lightspeed-cli"},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.HELP_OK, "1:the login did not complete (refused, timed out)", ExitCodes.HELP_USAGE,
          ExitCodes.HELP_GATEWAY_ERROR, ExitCodes.HELP_UNREACHABLE})
  static final class Login implements Callable<Integer> {
    @ParentCommand
    McpCommand parent;
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;
    @Parameters(index = "0", paramLabel = "NAME", description = "the server id")
    String name;
    @Option(names = "--port", paramLabel = "PORT", description = "the loopback port the browser is sent back to (default: any free port)")
    int port;
    @Option(names = "--client-id", paramLabel = "ID", description = "a client registered beforehand at the authorization server (default: "
        + "register one)")
    String clientId;
    @Option(names = "--no-browser", description = "only print the URL to open")
    boolean noBrowser;
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for the browser (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = 300;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Connection connection = parent.connect(spec, client); LoginCallback callback = new LoginCallback(port)) {
        McpServerLoginStartResponse started = connection.client()
            .call(new McpServerLoginStartParams(name, callback.redirectUri(), clientId), McpServerLoginStartResponse.class);
        out.println("To log in to MCP server " + name + ", open this URL in a browser:");
        out.println("  " + started.authorizationUrl());
        out.flush();
        if (!noBrowser) Browser.open(started.authorizationUrl(), parent.context.env());
        Optional<Map<String, String>> redirect = callback.await(Duration.ofSeconds(timeoutSeconds));
        if (redirect.isEmpty()) {
          err.println("lightspeed: no login came back within " + timeoutSeconds + " s; run lightspeed mcp login " + name + " again");
          err.flush();
          return ExitCodes.FAILED;
        }
        Map<String, String> query = redirect.get();
        if (query.containsKey("error")) {
          err.println("lightspeed: the authorization server refused the login: " + query.get("error")
              + (query.containsKey("error_description") ? " (" + query.get("error_description") + ")" : ""));
          err.flush();
          return ExitCodes.FAILED;
        }
        if (!started.state().equals(query.get("state")) || !query.containsKey("code")) {
          err.println("lightspeed: the redirect did not belong to this login (state mismatch or no code); run lightspeed mcp login " + name + " again");
          err.flush();
          return ExitCodes.FAILED;
        }
        McpServerView view = connection.client()
            .call(new McpServerLoginCompleteParams(name, query.get("state"), query.get("code")), McpServerLoginCompleteResponse.class).server();
        out.println("logged in to MCP server " + name + (view.login() != null && view.login().authorizationServer() != null
            ? " at " + view.login().authorizationServer() : "") + "; grant it with: lightspeed chat --mcp " + name);
        out.flush();
        return ExitCodes.OK;
      }
    }
  }
}
