package dev.lightspeed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.Outcome;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.rpc.RpcRequest;
import dev.lightspeed.api.rpc.RpcResponse;
import dev.lightspeed.api.session.SessionReadParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON-RPC envelope: ids echo as sent, responses carry exactly one of result and error. */
class RpcMessagesTest {
  @Test
  void requestIdsKeepTheirJsonType() throws Exception {
    RpcRequest numbered = ApiJson.mapper().readValue(
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"session/read\",\"params\":{\"sessionId\":\"s\"}}", RpcRequest.class);
    assertThat(numbered.id()).isEqualTo(IntNode.valueOf(7));
    assertThat(numbered.isNotification()).isFalse();
    assertThat(ApiJson.readParams(numbered.method(), numbered.params(), SessionReadParams.class))
        .isEqualTo(new SessionReadParams("s"));

    RpcRequest named = ApiJson.mapper().readValue("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"initialize\"}",
        RpcRequest.class);
    assertThat(named.id()).isEqualTo(TextNode.valueOf("a-1"));
    assertThat(named.params()).isNull();

    RpcRequest nullId = ApiJson.mapper().readValue("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\"}",
        RpcRequest.class);
    assertThat(nullId.id()).isEqualTo(NullNode.getInstance());
    assertThat(nullId.isNotification()).isFalse();

    RpcRequest notification = ApiJson.mapper().readValue("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\"}",
        RpcRequest.class);
    assertThat(notification.isNotification()).isTrue();
    assertThat(ApiJson.toJson(RpcRequest.of(IntNode.valueOf(1), Methods.SESSION_LIST, null)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session/list\"}");
  }

  @Test
  void responsesCarryExactlyOneOfResultAndError() throws Exception {
    RpcResponse success = RpcResponse.success(IntNode.valueOf(7), ApiJson.toTree(Outcome.of(Map.of("ok", true))));
    assertThat(ApiJson.toJson(success)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"result\":{\"ok\":true}}}");

    RpcResponse failure = RpcResponse.failure(null, RpcError.protocol(ErrorCodes.PARSE_ERROR, "not JSON"));
    assertThat(ApiJson.toJson(failure))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"not JSON\"}}");

    RpcResponse notFound = RpcResponse.failure(TextNode.valueOf("x"), RpcError.of(ErrorKind.NOT_FOUND, "no session s"));
    String json = ApiJson.toJson(notFound);
    assertThat(json).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32004,\"message\":\"no session s\","
        + "\"data\":{\"kind\":\"not_found\",\"message\":\"no session s\"}}}");
    assertThat(ApiJson.mapper().readValue(json, RpcResponse.class)).isEqualTo(notFound);
    assertThat(ApiJson.mapper().readValue(json, RpcResponse.class).isError()).isTrue();

    assertThatThrownBy(() -> RpcResponse.success(IntNode.valueOf(1), null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RpcResponse("2.0", IntNode.valueOf(1), NullNode.getInstance(),
        RpcError.of(ErrorKind.INTERNAL, "x"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void duplicateMembersAreAParseError() {
    assertThatThrownBy(() -> ApiJson.mapper().readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2}"))
        .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class)
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void errorCodesAreStable() {
    assertThat(ErrorCodes.PARSE_ERROR).isEqualTo(-32700);
    assertThat(ErrorCodes.INVALID_REQUEST).isEqualTo(-32600);
    assertThat(ErrorCodes.METHOD_NOT_FOUND).isEqualTo(-32601);
    assertThat(ErrorCodes.INVALID_PARAMS).isEqualTo(-32602);
    assertThat(ErrorCodes.INTERNAL).isEqualTo(-32603);
    assertThat(ErrorCodes.NOT_FOUND).isEqualTo(-32004);
    assertThat(ErrorCodes.CONFLICT).isEqualTo(-32009);
    assertThat(ErrorCodes.REJECTED).isEqualTo(-32010);
    assertThat(ErrorCodes.SESSION_BOOTSTRAP_FAILED).isEqualTo(-32013);
  }

  @Test
  void everyKindHasADefaultCode() {
    assertThat(ErrorCodes.defaultCode(ErrorKind.INVALID_REQUEST)).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(ErrorCodes.defaultCode(ErrorKind.NOT_FOUND)).isEqualTo(ErrorCodes.NOT_FOUND);
    assertThat(ErrorCodes.defaultCode(ErrorKind.CONFLICT)).isEqualTo(ErrorCodes.CONFLICT);
    assertThat(ErrorCodes.defaultCode(ErrorKind.REJECTED)).isEqualTo(ErrorCodes.REJECTED);
    assertThat(ErrorCodes.defaultCode(ErrorKind.INTERNAL)).isEqualTo(ErrorCodes.INTERNAL);
    assertThat(ErrorCodes.defaultCode(ErrorKind.SESSION_BOOTSTRAP_FAILED)).isEqualTo(ErrorCodes.SESSION_BOOTSTRAP_FAILED);
    assertThat(ErrorCodes.defaultCode(ErrorKind.AUDIO_BLOB_TOO_LARGE)).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(ErrorCodes.defaultCode(ErrorKind.TRANSCODE_FAILURE)).isEqualTo(ErrorCodes.INTERNAL);
    assertThat(ErrorKind.fromWire("session_bootstrap_failed")).isEqualTo(ErrorKind.SESSION_BOOTSTRAP_FAILED);
    assertThatThrownBy(() -> ErrorKind.fromWire("nope")).hasMessageContaining("expected one of invalid_request,");
  }
}
