package dev.lightspeed.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionReadResponse;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionListResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-RPC client against a stand-in gateway that answers what each test sets. */
class GatewayClientTest {
  private HttpServer server;
  private final AtomicReference<String> answer = new AtomicReference<>();
  private final AtomicReference<String> received = new AtomicReference<>();
  private GatewayClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/rpc", exchange -> {
      received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    client = new GatewayClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aResultIsUnwrappedFromItsOutcome() {
    answer.set("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"result\":{\"sessions\":[],\"nextCursor\":\"n2\"}}}");
    SessionListResponse page = client.call(new SessionListParams(null, 5L), SessionListResponse.class);
    assertThat(page.nextCursor()).isEqualTo("n2");
    assertThat(received.get()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session/list\",\"params\":{\"limit\":5}}");
  }

  @Test
  void anErrorBecomesAGatewayExceptionWithItsKind() {
    answer.set("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32004,\"message\":\"session \\\"x\\\" does not exist\","
        + "\"data\":{\"kind\":\"not_found\",\"message\":\"session \\\"x\\\" does not exist\"}}}");
    assertThatThrownBy(() -> client.call(new SessionReadParams("x"), SessionReadResponse.class))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.kind()).isEqualTo("not_found");
          assertThat(e.method()).isEqualTo("session/read");
          assertThat(e.line()).isEqualTo("not_found: session \"x\" does not exist");
        });
  }

  @Test
  void aProtocolErrorWithoutDataIsNamedByItsCode() {
    answer.set("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"method vfs/snapshot is not served yet\"}}");
    assertThatThrownBy(() -> client.call(new SessionReadParams("x"), SessionReadResponse.class))
        .isInstanceOf(GatewayException.class).hasMessage("method vfs/snapshot is not served yet")
        .extracting(e -> ((GatewayException) e).line()).isEqualTo("method_not_found: method vfs/snapshot is not served yet");
  }

  @Test
  void somethingThatIsNotJsonRpcIsAnInternalError() {
    answer.set("<html>proxy error</html>");
    assertThatThrownBy(() -> client.call(new SessionReadParams("x"), SessionReadResponse.class))
        .isInstanceOf(GatewayException.class).hasMessage("the gateway answered HTTP 200 with a body that is not JSON-RPC");
  }

  @Test
  void aClosedPortIsUnreachableNamingTheUrl() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    GatewayClient nowhere = new GatewayClient(URI.create("http://127.0.0.1:" + port));
    assertThatThrownBy(nowhere::checkHealth).isInstanceOf(GatewayUnreachableException.class)
        .hasMessage("cannot reach the Lightspeed gateway at http://127.0.0.1:" + port
            + " (connection refused); start one with `lightspeed server`, or check --api-url and LIGHTSPEED_API_URL");
  }
}
