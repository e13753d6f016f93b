package dev.lightspeed.server;

import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerLoginCompleteParams;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.server.tools.BuiltinToolCatalog;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.mcp.HeaderFront;
import dev.lightspeed.testkit.mcp.TestAuthorizationServer;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OAuth login end to end: a small authorization server started in the test guards the reference MCP server
 * from npm; the gateway discovers it, registers, and exchanges the code of the login; a session's runs then
 * call the guarded server with the bearer token, refreshing it once it has expired, and no token or header
 * value is left readable anywhere under the home (catalog, credentials, event log, blobs).
 */
class McpOAuthThroughGatewayTest {
  private static final String API_KEY = "key-4711-do-not-leak";

  @TempDir static Path home;
  static TestServer s;
  static final AtomicReference<ScriptedModel> model = new AtomicReference<>();
  static EverythingServer mcp;
  static TestAuthorizationServer auth;
  static HeaderFront front;

  @BeforeAll
  static void start() {
    EverythingServer.assumeNpx();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    s = TestServer.withEffects(home, Map.of(MasterKey.VARIABLE, Base64.getEncoder().encodeToString(key)),
        new Effects(ProviderRegistry.of(), (blobs, live, mcpTokens) -> {
          model.set(new ScriptedModel(blobs));
          return model.get();
        }, BuiltinToolCatalog::create));
    mcp = EverythingServer.startHttp();
    auth = TestAuthorizationServer.start();
    front = auth.protect(mcp.url());
  }

  @AfterAll
  static void stop() {
    if (s != null) s.close();
    if (front != null) front.close();
    if (auth != null) auth.close();
    if (mcp != null) mcp.close();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The browser's part: opens the authorization URL (the test server approves at once) and {@return the redirect's query} */
  static Map<String, String> approve(String authorizationUrl, String redirectUri) throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(redirectUri + "?");
    Map<String, String> query = new HashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  static String run(String session, String input, String key) {
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams(session, RunStartSource.input(InputItem.text(input)), null, key, null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, session).readUntil(EventFeed.type("runCompleted", run));
    return run;
  }

  static String lastToolResult() {
    return model.get().requests().getLast().context().stream()
        .filter(e -> e.item().kind().name().equals("TOOL_RESULT")).map(e -> e.item().preview()).toList().getLast();
  }

  @Test
  void aLoggedInServerIsCalledWithItsTokenWhichIsRefreshedAndNeverStoredInTheClear() throws Exception {
    JsonNode put = s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("guarded", front.url().toString(), "guarded",
        null, null, null, List.of("echo"), null, json("{\"type\":\"requiredOAuth\"}"), null, null, null, null, Map.of("X-Api-Key", API_KEY),
        null), null)).get("server");
    assertThat(put.at("/authPolicy/resource").asText()).isEqualTo(front.url().toString());
    assertThat(put.at("/login/status").asText()).isEqualTo("loggedOut");
    assertThat(put.get("headerNames").toString()).isEqualTo("[\"X-Api-Key\"]");

    // login: the gateway discovers the authorization server from the 401, registers, and keeps the PKCE verifier
    String redirectUri = "http://127.0.0.1:53682/callback";
    JsonNode started = s.rpc.call(Methods.MCP_SERVERS_LOGIN_START, new McpServerLoginStartParams("guarded", redirectUri, null));
    String url = started.get("authorizationUrl").asText();
    assertThat(url).startsWith(auth.issuer() + "/authorize?").contains("code_challenge_method=S256", "code_challenge=")
        .doesNotContain("code_verifier");
    assertThat(auth.registrations()).isEqualTo(1);
    Map<String, String> redirect = approve(url, redirectUri);
    assertThat(redirect.get("state")).isEqualTo(started.get("state").asText());
    JsonNode completed = s.rpc.call(Methods.MCP_SERVERS_LOGIN_COMPLETE,
        new McpServerLoginCompleteParams("guarded", redirect.get("state"), redirect.get("code"))).get("server");
    assertThat(completed.at("/login/status").asText()).isEqualTo("loggedIn");
    assertThat(completed.at("/login/authorizationServer").asText()).isEqualTo(auth.issuer().toString());
    assertThat(completed.at("/login/refreshable").asBoolean()).isTrue();
    assertThat(auth.codeExchanges()).isEqualTo(1);
    RpcError replayed = s.rpc.error(Methods.MCP_SERVERS_LOGIN_COMPLETE,
        new McpServerLoginCompleteParams("guarded", redirect.get("state"), redirect.get("code")));
    assertThat(replayed.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(replayed.message()).startsWith("no login to MCP server \"guarded\" is waiting for this state");

    // a run calls the guarded server with the bearer token
    ObjectNode config = json("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"mcp\":{\"servers\":[{\"serverId\":\"guarded\"}]}}}");
    JsonNode session = s.rpc.call(Methods.SESSION_START, new SessionStartParams("oauth-run", null, config, null)).get("session");
    assertThat(session.toString()).contains("mcp__guarded__echo");
    model.get().callTools(call("mcp__guarded__echo", "{\"message\":\"with a token\"}")).reply("done");
    run("oauth-run", "go", "m1");
    assertThat(lastToolResult()).isEqualTo("Echo: with a token");

    // the authorization server no longer takes the token: the 401 refreshes it and the call goes through
    int refreshes = auth.refreshes();
    auth.expireAccessTokens();
    model.get().callTools(call("mcp__guarded__echo", "{\"message\":\"after expiry\"}")).reply("done again");
    run("oauth-run", "again", "m2");
    assertThat(lastToolResult()).isEqualTo("Echo: after expiry");
    assertThat(auth.refreshes()).isGreaterThan(refreshes);

    // nothing secret is readable under the home: catalog, sealed credentials, event log, blobs
    List<String> secrets = new ArrayList<>(auth.issuedTokens());
    secrets.add(API_KEY);
    secrets.add(redirect.get("code"));
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(6);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(home)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anyMatch(f -> f.toString().contains("events")).anyMatch(f -> f.toString().contains("blobs"));
    Path sealed = home.resolve("gateway/mcp-credentials/default/guarded.sealed");
    assertThat(Files.readString(sealed)).startsWith("v1.");
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) assertThat(content).as(file + " holds a secret").doesNotContain(secret);
    }
    String views = s.rpc.call(Methods.MCP_SERVERS_LIST, new McpServerListParams(null)).toString()
        + s.rpc.call(Methods.MCP_SERVERS_READ, new McpServerReadParams("guarded")).toString()
        + s.rpc.call(Methods.SESSION_READ, new SessionReadParams("oauth-run")).toString();
    for (String secret : secrets) assertThat(views).doesNotContain(secret);
  }

  @Test
  void aServerWithoutOAuthCannotBeLoggedInTo() {
    s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("plain", "https://mcp.example.com/mcp", "plain",
        null, null, null, null, null, null, null, null, null, null, null, null), null));

    RpcError error = s.rpc.error(Methods.MCP_SERVERS_LOGIN_START, new McpServerLoginStartParams("plain", "http://127.0.0.1:1/cb", null));

    assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(error.message()).isEqualTo("MCP server \"plain\" does not use OAuth (its authPolicy is none); register it with an optionalOAuth"
        + " or requiredOAuth authPolicy (lightspeed mcp add plain --url URL --oauth)");
    assertThat(s.rpc.error(Methods.MCP_SERVERS_LOGIN_START, new McpServerLoginStartParams("plain", "http://evil.example/cb", null)).code())
        .isEqualTo(ErrorCodes.INVALID_PARAMS);
  }
}
