package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.server.tools.BuiltinToolCatalog;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.RecordedRequest;
import dev.lightspeed.testkit.provider.ResponsesScript;
import dev.lightspeed.tools.web.LoopbackAccess;
import dev.lightspeed.tools.web.WebFetch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code features.web} through the gateway with the real adapters and the fake provider: the granted tools
 * appear in the session, {@code web_search} reaches the provider as its native tool exactly, and a
 * {@code web_fetch} call the model makes runs in the harness (here against a page served on loopback, which
 * this server's {@code web_fetch} is explicitly allowed to reach).
 */
class WebToolsThroughGatewayTest {
  @TempDir static Path home;
  static FakeProviderServer provider;
  static HttpServer site;
  static TestServer s;

  @BeforeAll
  static void start() throws IOException {
    provider = FakeProviderServer.start();
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext("/fox", x -> {
      byte[] body = "<html><head><title>Foxes</title></head><body><h1>Foxes</h1><p>They are quick.</p></body></html>"
          .getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "text/html");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
    site.start();
    Map<String, String> env = Map.of("OPENAI_BASE_URL", provider.url("/v1").toString(), "OPENAI_API_KEY", "sk-test",
        "ANTHROPIC_BASE_URL", provider.baseUrl().toString(), "ANTHROPIC_API_KEY", "sk-ant-test");
    s = TestServer.withEffects(home, env, Effects.fromEnvironment(env)
        .withTools((blobs, workspaces) -> BuiltinToolCatalog.create(blobs, workspaces, new WebFetch(LoopbackAccess.ALLOW_LOOPBACK))));
  }

  @AfterAll
  static void stop() {
    s.close();
    site.stop(0);
    provider.close();
  }

  static JsonNode start(String id, String apiKind, String web) throws IOException {
    String provider = apiKind.startsWith("anthropic") ? "anthropic" : "openai";
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":{\"providerId\":\"" + provider + "\",\"apiKind\":\"" + apiKind
        + "\",\"model\":\"m\"},\"features\":{\"web\":" + web + "}}");
    return s.rpc.call(Methods.SESSION_START, new SessionStartParams(id, null, config, null)).get("session");
  }

  static void run(String session, String text) {
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams(session, RunStartSource.input(InputItem.text(text)), null, session + "-r", null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, session).readUntil(EventFeed.type("runCompleted", run));
  }

  static String tools(RecordedRequest request) throws IOException {
    return ApiJson.mapper().readTree(request.bodyText()).get("tools").toString();
  }

  @Test
  void onResponsesTheModelSearchesAtTheProviderAndFetchesThroughTheHarness() throws Exception {
    JsonNode session = start("web-responses", "openai:responses",
        "{\"fetch\":{},\"search\":{\"allowedDomains\":[\"example.com\"],\"blockedDomains\":[\"ads.example.com\"]}}");
    assertThat(session.at("/activeTools/tools").findValuesAsText("toolId")).containsExactly("web_fetch", "web_search");
    assertThat(session.at("/activeTools/tools/0/kind/type").asText()).isEqualTo("function");
    assertThat(session.at("/activeTools/tools/1/kind/type").asText()).as("the provider runs it").isEqualTo("providerNative");
    assertThat(session.at("/activeTools/tools/1/kind/apiKind").asText()).isEqualTo("openai:responses");
    assertThat(session.at("/activeTools/tools/1/kind/execution").asText()).isEqualTo("providerHosted");
    String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/fox";
    provider.enqueue(ResponsesScript.create().functionCall("call_1", "web_fetch", "{\"url\":\"" + url + "\"}").streaming());
    provider.enqueue(ResponsesScript.create().text("Foxes are quick.").streaming());

    run("web-responses", "what are foxes like?");

    RecordedRequest first = provider.takeRequest();
    assertThat(tools(first)).endsWith(",{\"filters\":{\"allowed_domains\":[\"example.com\"],\"blocked_domains\":[\"ads.example.com\"]},"
        + "\"type\":\"web_search\"}]");
    assertThat(tools(first)).startsWith("[{\"type\":\"function\",\"name\":\"web_fetch\",");
    String second = provider.takeRequest().bodyText();
    assertThat(second).contains("\"type\":\"function_call_output\",\"call_id\":\"call_1\"");
    assertThat(ApiJson.mapper().readTree(second).get("input").toString())
        .contains(ApiJson.mapper().writeValueAsString(WebFetch.UNTRUSTED_HEADER + "\nURL: " + url + "\nTitle: Foxes\nContent-Type: text/html\n\n"
            + "# Foxes\n\nThey are quick.\n[end of web content]"));
  }

  @Test
  void onAnthropicTheSearchIsTheWebSearchServerToolWithItsDomainList() throws Exception {
    start("web-anthropic", "anthropic:messages", "{\"search\":{\"blockedDomains\":[\"ads.example.com\"]}}");
    provider.enqueue(AnthropicScript.create().text("ok").streaming());

    run("web-anthropic", "search something");

    assertThat(tools(provider.takeRequest())).isEqualTo("[{\"blocked_domains\":[\"ads.example.com\"],\"name\":\"web_search\","
        + "\"type\":\"web_search_20250305\",\"cache_control\":{\"type\":\"ephemeral\"}}]");
  }

  @Test
  void chatCompletionsHasNoWebSearchSoOnlyWebFetchIsOffered() throws Exception {
    JsonNode session = start("web-chat", "openai:completions", "{\"fetch\":{},\"search\":{}}");

    assertThat(session.at("/activeTools/tools").findValuesAsText("toolId")).containsExactly("web_fetch");
  }

  @Test
  void aWebBlockGrantingNothingOrBothDomainListsForAnthropicIsInvalid() throws Exception {
    ObjectNode empty = (ObjectNode) ApiJson.mapper().readTree("{\"features\":{\"web\":{}}}");
    RpcError none = s.rpc.error(Methods.SESSION_START, new SessionStartParams("web-none", null, empty, null));
    assertThat(none.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(none.message()).isEqualTo("config: features.web grants neither fetch nor search");

    ObjectNode both = (ObjectNode) ApiJson.mapper().readTree("{\"model\":{\"providerId\":\"anthropic\",\"apiKind\":\"anthropic:messages\","
        + "\"model\":\"m\"},\"features\":{\"web\":{\"search\":{\"allowedDomains\":[\"a.com\"],\"blockedDomains\":[\"b.com\"]}}}}");
    RpcError conflicting = s.rpc.error(Methods.SESSION_START, new SessionStartParams("web-both", null, both, null));
    assertThat(conflicting.message())
        .isEqualTo("config: features.web.search: Anthropic's web search takes allowedDomains or blockedDomains, not both");
  }
}
