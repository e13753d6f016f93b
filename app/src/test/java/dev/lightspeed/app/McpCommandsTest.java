package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.testkit.provider.ResponsesScript;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.mcp.HeaderFront;
import dev.lightspeed.testkit.mcp.TestAuthorizationServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lightspeed mcp add|list|remove|login} and {@code chat --mcp} against a running gateway. */
class McpCommandsTest {
  @TempDir static Path home;
  @TempDir static Path clientHome;
  static TestGateway gateway;
  static Map<String, String> clientEnv;

  @BeforeAll
  static void start() {
    gateway = new TestGateway(home);
    clientEnv = Map.of(ServerConfig.HOME, clientHome.toString());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static CliRun.Result run(String... args) {
    return CliRun.run(clientEnv, GatewayCommandsTest.withUrlOf(gateway, args));
  }

  @Test
  void serversAreAddedListedGrantedToAChatAndRemoved() throws IOException {
    // Nothing listens on port 9 of loopback: the session simply gets no tools from it, the chat goes on.
    CliRun.Result added = run("mcp", "add", "docs", "--url", "http://127.0.0.1:9/mcp", "--header", "Authorization=Bearer secret-1");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("registered MCP server docs (http://127.0.0.1:9/mcp, revision 1)", "lightspeed chat --mcp docs");

    CliRun.Result listed = run("mcp", "list");
    assertThat(listed.out()).contains("docs", "harness", "Authorization", "http://127.0.0.1:9/mcp").doesNotContain("secret-1");
    JsonNode json = ApiJson.mapper().readTree(run("mcp", "list", "--json").out());
    assertThat(json.at("/servers/0/serverId").asText()).isEqualTo("docs");

    gateway.provider.enqueue(ResponsesScript.create().text("no docs today").streaming());
    CliRun.Result chat = run("chat", "--mcp", "docs", "--json", "hello");
    assertThat(chat.exitCode()).as(chat.err()).isZero();
    String session = ApiJson.mapper().readTree(chat.out()).get("sessionId").asText();
    JsonNode shown = ApiJson.mapper().readTree(run("sessions", "show", session, "--json").out());
    assertThat(shown.findValue("config").at("/features/mcp/servers/0/serverId").asText()).isEqualTo("docs");

    assertThat(run("mcp", "remove", "docs").out()).contains("removed MCP server docs");
    assertThat(run("mcp", "list").out()).contains("no MCP servers yet");
    CliRun.Result missing = run("mcp", "remove", "docs");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("docs");
  }

  @Test
  void addNeedsExactlyOneWayToReachTheServerAndOAuthAUrl() {
    CliRun.Result neither = run("mcp", "add", "x");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("Give exactly one of --url URL or --command CMD");
    CliRun.Result stdioOAuth = run("mcp", "add", "x", "--oauth", "--command", "npx");
    assertThat(stdioOAuth.exitCode()).isEqualTo(2);
    assertThat(stdioOAuth.err()).contains("--oauth needs --url URL");
  }

  @Test
  void loginRunsTheOAuthFlowThroughALoopbackRedirect() throws Exception {
    EverythingServer.assumeNpx();
    try (EverythingServer mcp = EverythingServer.startHttp(); TestAuthorizationServer auth = TestAuthorizationServer.start();
        HeaderFront front = auth.protect(mcp.url())) {
      CliRun.Result added = run("mcp", "add", "guarded", "--url", front.url().toString(), "--oauth");
      assertThat(added.exitCode()).as(added.err()).isZero();
      assertThat(added.out()).contains("it needs an OAuth login: lightspeed mcp login guarded");
      assertThat(run("mcp", "list").out()).contains("LOGIN", "loggedOut");

      // the test is the browser: it opens the printed URL and follows the authorization server back to the CLI
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CompletableFuture<CliRun.Result> login = CompletableFuture.supplyAsync(() -> CliRun.run(clientEnv, out, err,
          GatewayCommandsTest.withUrlOf(gateway, "mcp", "login", "guarded", "--no-browser", "--timeout", "60")));
      String url = awaitUrl(out, login);
      HttpResponse<String> landing = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()
          .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(landing.body()).contains("Logged in.");
      CliRun.Result done = login.get(60, TimeUnit.SECONDS);

      assertThat(done.exitCode()).as(done.err()).isZero();
      assertThat(done.out()).contains("logged in to MCP server guarded at " + auth.issuer());
      assertThat(auth.codeExchanges()).isEqualTo(1);
      assertThat(run("mcp", "list").out()).contains("loggedIn");
      String sealed = Files.readString(home.resolve("gateway/mcp-credentials/default/guarded.sealed"));
      assertThat(auth.issuedTokens()).isNotEmpty().allSatisfy(token -> assertThat(sealed).doesNotContain(token));
      run("mcp", "remove", "guarded");
    }
  }

  private static String awaitUrl(StringWriter out, CompletableFuture<CliRun.Result> login) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Matcher m = Pattern.compile("  (http://\\S+/authorize\\?\\S+)").matcher(out.toString());
      if (m.find()) return m.group(1);
      if (login.isDone()) throw new AssertionError("the login ended before printing a URL: " + login.join());
      Thread.sleep(100);
    }
    throw new AssertionError("no authorization URL printed: " + out);
  }
}
