package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionDeleteParams;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.server.rpc.ContractMethods;
import dev.lightspeed.server.rpc.RpcEndpoint;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.fs.FsSessionLog;
import dev.lightspeed.store.log.SessionLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-RPC envelope and every error class, as a client sees them over HTTP; plus health and readiness. */
class RpcProtocolTest {
  @TempDir static Path home;
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.scripted(home);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return ApiJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RpcError errorOf(HttpResponse<String> response) {
    JsonNode body = json(response);
    assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(body.has("result")).isFalse();
    return RpcClient.error(body);
  }

  @Test
  void malformedJsonIsAParseErrorWithoutAStackTrace() {
    HttpResponse<String> response = s.rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("id").isNull()).isTrue();
    RpcError error = errorOf(response);
    assertThat(error.code()).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(error.data().kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(error.message()).startsWith("request body is not valid JSON at line 1, column ").doesNotContain("at dev.", "Exception");
  }

  @Test
  void aBodyThatIsNoRequestObjectIsAnInvalidRequest() {
    assertThat(errorOf(s.rpc.post("[1,2]")).message()).isEqualTo("batch requests are not supported; send one JSON-RPC request per POST");
    assertThat(errorOf(s.rpc.post("42")).code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    RpcError wrongVersion = errorOf(s.rpc.post("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"initialize\"}"));
    assertThat(wrongVersion.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(wrongVersion.message()).isEqualTo("\"jsonrpc\" must be \"2.0\"");
    assertThat(json(s.rpc.post("{\"jsonrpc\":\"2.0\",\"id\":\"x\"}")).get("id").asText()).isEqualTo("x");
  }

  @Test
  void unknownAndUnservedMethodsAreMethodNotFoundAndSayWhich() {
    RpcError unknown = s.rpc.error("session/explode", null);
    assertThat(unknown.code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    assertThat(unknown.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(unknown.message()).isEqualTo("unknown method \"session/explode\"; call initialize or see the Lightspeed v1 contract for the method names");

    RpcError unserved = s.rpc.error("operator/universes/list", null);
    assertThat(unserved.code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    assertThat(unserved.message()).isEqualTo("method \"operator/universes/list\" is part of the Lightspeed v1 contract but this server does not serve it yet");
  }

  @Test
  void everyMethodOfTheIssueIsServed() {
    for (String method : Methods.ALL) {
      assertThat(ContractMethods.defines(method)).as(method).isTrue();
      JsonNode response = s.rpc.send(method, JsonNodeFactory.instance.objectNode().put("noSuchMember", 1));
      if (response.has("error")) assertThat(response.at("/error/code").asInt()).as(method).isNotEqualTo(ErrorCodes.METHOD_NOT_FOUND);
    }
  }

  @Test
  void paramsThatDoNotFitAreInvalidParamsNamingTheMember() {
    RpcError missing = s.rpc.error(Methods.SESSION_READ, Map.of());
    assertThat(missing.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(missing.data().kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(missing.message()).isEqualTo("session/read: missing required field \"sessionId\"");

    RpcError unknownMember = s.rpc.error(Methods.SESSION_START, Map.of("sessionName", "x"));
    assertThat(unknownMember.message()).isEqualTo("session/start: unknown field \"sessionName\"");

    RpcError badId = s.rpc.error(Methods.SESSION_READ, new SessionReadParams("no spaces allowed"));
    assertThat(badId.message()).isEqualTo(
        "invalid sessionId \"no spaces allowed\": expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit");

    RpcError badConfig = s.rpc.error(Methods.SESSION_START, Map.of("config", Map.of("limits", Map.of("maxTurns", "many"))));
    assertThat(badConfig.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(badConfig.message()).contains("maxTurns");
  }

  @Test
  void anUnknownSessionIsNotFound() {
    RpcError error = s.rpc.error(Methods.SESSION_READ, new SessionReadParams("nobody"));
    assertThat(error.code()).isEqualTo(ErrorCodes.NOT_FOUND);
    assertThat(error.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(error.message()).isEqualTo("session \"nobody\" not found; create it with session/start or list sessions with session/list");
  }

  @Test
  void refusedCommandsCarryTheEnginesKindAndMessage() {
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("refusals", null, null, null));
    RpcError noRun = s.rpc.error(Methods.RUN_CANCEL, new RunCancelParams("refusals", "42"));
    assertThat(noRun.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(noRun.message()).isEqualTo("session \"refusals\" has no run \"42\"; run ids are listed by session/read");

    RpcError open = s.rpc.error(Methods.SESSION_DELETE, new SessionDeleteParams("refusals"));
    assertThat(open.code()).isEqualTo(ErrorCodes.REJECTED);
    assertThat(open.message()).isEqualTo("session \"refusals\" is open; close it with session/close before deleting it");
  }

  @Test
  void aSessionWhoseLogCannotBeReplayedIsABootstrapFailureForWritesAndAnInternalErrorForReads() {
    SessionId broken = SessionId.of("broken");
    FsSessionLog store = new FsSessionLog(home);
    store.create(UniverseId.DEFAULT, broken);
    store.append(UniverseId.DEFAULT, broken, 0,
        List.of(new NewEntry(1L, Joins.NONE, new EventEnvelope(SessionLifecycle.OPENED_KIND, 1, Json.Obj.EMPTY))));

    RpcError write = s.rpc.error(Methods.SESSION_CLOSE, new SessionCloseParams("broken", false));
    assertThat(write.code()).isEqualTo(ErrorCodes.SESSION_BOOTSTRAP_FAILED);
    assertThat(write.data().kind()).isEqualTo(ErrorKind.SESSION_BOOTSTRAP_FAILED);
    assertThat(write.message()).startsWith("session broken could not be loaded: ")
        .endsWith("; its event log is kept, and the session can still be read, closed with force, or deleted once closed");

    RpcError read = s.rpc.error(Methods.SESSION_READ, new SessionReadParams("broken"));
    assertThat(read.code()).isEqualTo(ErrorCodes.INTERNAL);
    assertThat(read.message()).startsWith("the event log of session \"broken\" cannot be replayed: event log corrupt at seq 1: ");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() throws IOException {
    // A raw socket that declares the size and sends no body: the answer can only come from the
    // declared length, and no unread bytes are left for the server to reset the connection over.
    long size = RpcEndpoint.MAX_BODY_BYTES + 1;
    URI rpc = s.rpc.uri("/rpc");
    try (Socket socket = new Socket(rpc.getHost(), rpc.getPort())) {
      socket.setSoTimeout(30_000);
      String head = "POST /rpc HTTP/1.1\r\nHost: " + rpc.getHost() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413 ");
      RpcError error = ApiJson.mapper().treeToValue(
          ApiJson.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("error"), RpcError.class);
      assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
      assertThat(error.message())
          .isEqualTo("request body is larger than 64 MiB; split large uploads across several blobs/put calls");
    }
  }

  @Test
  void aNotificationIsRunAndAnsweredWithNoContent() {
    HttpResponse<String> response = s.rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\"}");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void healthAndReadinessAnswer() {
    HttpResponse<String> health = s.rpc.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    HttpResponse<String> ready = s.rpc.get("/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ApiJson.toJson(json(ready))).isEqualTo("{\"checks\":{\"store\":\"ok\",\"temporal\":\"ok\"},\"status\":\"ready\",\"problems\":[]}");
  }
}
