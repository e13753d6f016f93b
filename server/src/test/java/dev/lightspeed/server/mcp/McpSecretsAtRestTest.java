package dev.lightspeed.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.store.mcp.memory.InMemoryMcpCredentialStore;
import dev.lightspeed.store.mcp.memory.InMemoryMcpServerStore;
import dev.lightspeed.tools.mcp.McpCredentials;
import dev.lightspeed.tools.mcp.oauth.OAuthClientInfo;
import dev.lightspeed.tools.mcp.oauth.OAuthGrant;
import dev.lightspeed.tools.mcp.oauth.OAuthTokens;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Where the catalog's secrets go: sealed apart from the record, never into views, kept across puts only while they still fit. */
class McpSecretsAtRestTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private static final String ACCESS = "at-very-secret";
  private static final String REFRESH = "rt-very-secret";
  private static final String CLIENT_SECRET = "cs-very-secret";

  private final InMemoryMcpServerStore servers = new InMemoryMcpServerStore();
  private final InMemoryMcpCredentialStore credentials = new InMemoryMcpCredentialStore();

  private MethodTable table(McpSecrets secrets) {
    MethodTable.Builder builder = MethodTable.builder();
    new McpMethods(U, servers, secrets, false, InstantSource.system()).register(builder);
    return builder.build();
  }

  private static MasterKey key() {
    byte[] bytes = new byte[32];
    bytes[3] = 9;
    return MasterKey.of(bytes);
  }

  private static JsonNode call(MethodTable table, String method, Object params) {
    return table.call(method, ApiJson.toTree(params)).get("result");
  }

  private static McpServerInput server(String url, String policy, Map<String, String> headers) {
    return new McpServerInput("docs", url, "docs", null, null, null, null, null,
        policy == null ? null : tree(policy), null,
        null, null, null, headers, null);
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static OAuthGrant grant() {
    return new OAuthGrant(URI.create("https://auth.example.com"), URI.create("https://auth.example.com/token"), "https://mcp.example.com/mcp",
        List.of("mcp"), new OAuthClientInfo("client-1", Optional.of(CLIENT_SECRET), "client_secret_basic", "http://127.0.0.1:1/cb"),
        new OAuthTokens(ACCESS, Optional.of(REFRESH), OptionalLong.of(42), Optional.empty()));
  }

  @Test
  void withoutAMasterKeyHeaderValuesAndLoginsAreRefusedSayingHowToSetOne() {
    MethodTable table = table(McpSecrets.create(credentials, Optional.empty()));

    assertThatThrownBy(() -> call(table, Methods.MCP_SERVERS_PUT, new McpServerPutParams(server("https://mcp.example.com/mcp", null,
        Map.of("Authorization", "Bearer x")), null)))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error().data().kind()).isEqualTo(ErrorKind.REJECTED))
        .hasMessage("server.headers (stored sealed) needs LIGHTSPEED_SECRETS_MASTER_KEY set where the server runs: the base64 of 32 random"
            + " bytes, e.g. `export LIGHTSPEED_SECRETS_MASTER_KEY=$(openssl rand -base64 32)`; keep it safe, secrets stored under it cannot"
            + " be read without it");
    assertThat(servers.list(U)).isEmpty();

    call(table, Methods.MCP_SERVERS_PUT, new McpServerPutParams(server("https://mcp.example.com/mcp", "{\"type\":\"requiredOAuth\"}", null), null));
    assertThatThrownBy(() -> call(table, Methods.MCP_SERVERS_LOGIN_START, new McpServerLoginStartParams("docs", "http://127.0.0.1:1/cb", null)))
        .hasMessageStartingWith("logging in to MCP server \"docs\" (tokens are stored sealed) needs LIGHTSPEED_SECRETS_MASTER_KEY");
  }

  @Test
  void secretsAreSealedApartRedactedInViewsKeptWhileTheTargetStaysAndDroppedWithTheServer() {
    McpSecrets secrets = McpSecrets.create(credentials, Optional.of(key()));
    MethodTable table = table(secrets);
    String policy = "{\"type\":\"requiredOAuth\",\"scopes_default\":[\"mcp\"]}";
    call(table, Methods.MCP_SERVERS_PUT, new McpServerPutParams(server("https://mcp.example.com/mcp", policy, Map.of("X-Key", "hdr-very-secret")),
        null));
    secrets.vault().write(U, "docs", secrets.vault().read(U, "docs").orElseThrow().withOAuth(Optional.of(grant())));

    String sealed = credentials.find(U, "docs").orElseThrow();
    String record = CanonicalJson.write(servers.find(U, "docs").orElseThrow().document());
    JsonNode list = call(table, Methods.MCP_SERVERS_LIST, new McpServerListParams(null));
    for (String secret : List.of(ACCESS, REFRESH, CLIENT_SECRET, "hdr-very-secret")) {
      assertThat(sealed).doesNotContain(secret);
      assertThat(record).doesNotContain(secret);
      assertThat(list.toString()).doesNotContain(secret);
    }
    assertThat(list.at("/servers/0/headerNames").toString()).isEqualTo("[\"X-Key\"]");
    assertThat(list.at("/servers/0/login").toString())
        .isEqualTo("{\"status\":\"loggedIn\",\"authorizationServer\":\"https://auth.example.com\",\"scopes\":[\"mcp\"],\"expiresAtMs\":42,"
            + "\"refreshable\":true}");
    assertThat(grant().toString() + grant().client() + secrets.vault().read(U, "docs").orElseThrow()).doesNotContain(ACCESS, REFRESH, CLIENT_SECRET);

    // the same URL and policy with other headers: the login stays, the headers are replaced
    call(table, Methods.MCP_SERVERS_PUT, new McpServerPutParams(server("https://mcp.example.com/mcp", policy, Map.of("X-Other", "o")), null));
    McpCredentials kept = secrets.vault().read(U, "docs").orElseThrow();
    assertThat(kept.headers()).isEqualTo(Map.of("X-Other", "o"));
    assertThat(kept.oauth()).contains(grant());

    // another URL: the tokens were for the old resource and are dropped
    JsonNode moved = call(table, Methods.MCP_SERVERS_PUT, new McpServerPutParams(server("https://mcp.example.com/v2", policy, null), null));
    assertThat(moved.at("/server/login/status").asText()).isEqualTo("loggedOut");
    assertThat(credentials.find(U, "docs")).isEmpty();

    secrets.vault().write(U, "docs", new McpCredentials(Map.of(), Optional.of(grant())));
    call(table, Methods.MCP_SERVERS_DELETE, new McpServerDeleteParams("docs"));
    assertThat(credentials.find(U, "docs")).isEmpty();
  }

  @Test
  void credentialsSealedUnderAnotherKeyShowAsUnreadable() {
    McpSecrets secrets = McpSecrets.create(credentials, Optional.of(key()));
    call(table(secrets), Methods.MCP_SERVERS_PUT, new McpServerPutParams(server("https://mcp.example.com/mcp",
        "{\"type\":\"optionalOAuth\"}", null), null));
    secrets.vault().write(U, "docs", new McpCredentials(Map.of(), Optional.of(grant())));
    byte[] other = new byte[32];
    MethodTable otherKey = table(McpSecrets.create(credentials, Optional.of(MasterKey.of(other))));

    JsonNode login = call(otherKey, Methods.MCP_SERVERS_LIST, new McpServerListParams(null)).at("/servers/0/login");

    assertThat(login.get("status").asText()).isEqualTo("unreadable");
    assertThat(login.get("problem").asText()).startsWith("the stored secrets of MCP server \"docs\" cannot be opened: sealed under another master key");
  }
}
