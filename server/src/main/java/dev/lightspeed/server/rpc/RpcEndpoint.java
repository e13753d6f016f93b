package dev.lightspeed.server.rpc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Protocol;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.rpc.RpcResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /rpc}: reads one JSON-RPC 2.0 request (at most {@value #MAX_BODY_MIB} MiB), dispatches it
 * through the {@link MethodTable} and writes the response. Every failure becomes the contract's error
 * object here and nowhere else; unexpected exceptions are logged with their stack trace and answered with
 * an {@code internal} error that carries none. A notification (no {@code id}) is run and answered with
 * 204 and no body.
 */
public final class RpcEndpoint implements Handler {
  public static final int MAX_BODY_MIB = 64;
  public static final long MAX_BODY_BYTES = MAX_BODY_MIB * 1024L * 1024L;

  private static final Logger LOG = LoggerFactory.getLogger(RpcEndpoint.class);

  private final MethodTable methods;
  private final Object idle = new Object();
  private int inFlight;

  public RpcEndpoint(MethodTable methods) {
    this.methods = Objects.requireNonNull(methods, "methods");
  }

  /**
   * Waits until no call is being handled, or {@code timeout} passes; a stopping gateway drains this way
   * before it closes connections.
   *
   * @return whether no call was in flight at the end
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        idle.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  @Override
  public void handle(Context ctx) throws IOException {
    synchronized (idle) {
      inFlight++;
    }
    try {
      serve(ctx);
    } finally {
      synchronized (idle) {
        inFlight--;
        idle.notifyAll();
      }
    }
  }

  private void serve(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    byte[] body = declared > MAX_BODY_BYTES ? null : readAtMost(ctx.req().getInputStream(), MAX_BODY_BYTES);
    if (body == null) {
      write(ctx, HttpStatus.CONTENT_TOO_LARGE, RpcResponse.failure(null, tooLarge()));
      return;
    }
    Optional<RpcResponse> response = answer(body);
    if (response.isEmpty()) {
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      write(ctx, HttpStatus.OK, response.get());
    }
  }

  /** {@return the response to the request in {@code body}, or empty for a notification} */
  Optional<RpcResponse> answer(byte[] body) {
    JsonNode tree;
    try {
      tree = ApiJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      return Optional.of(RpcResponse.failure(null, parseError(e)));
    } catch (IOException e) {
      return Optional.of(RpcResponse.failure(null, error(ErrorCodes.PARSE_ERROR, "request body could not be read: " + e.getMessage())));
    }
    if (tree == null || tree.isMissingNode()) {
      return Optional.of(RpcResponse.failure(null, error(ErrorCodes.PARSE_ERROR,
          "empty request body; send a JSON-RPC 2.0 request object such as {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}")));
    }
    if (tree.isArray()) {
      return Optional.of(RpcResponse.failure(null, error(ErrorCodes.INVALID_REQUEST,
          "batch requests are not supported; send one JSON-RPC request per POST")));
    }
    if (!tree.isObject()) {
      return Optional.of(RpcResponse.failure(null, error(ErrorCodes.INVALID_REQUEST,
          "a JSON-RPC request must be an object with jsonrpc, id, method and params")));
    }
    JsonNode id = tree.get("id");
    if (id != null && !(id.isNull() || id.isTextual() || id.isIntegralNumber())) {
      return Optional.of(RpcResponse.failure(null, error(ErrorCodes.INVALID_REQUEST, "\"id\" must be a string, an integer or null")));
    }
    if (!Protocol.JSONRPC_VERSION.equals(tree.path("jsonrpc").textValue())) {
      return reply(id, error(ErrorCodes.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\""));
    }
    JsonNode method = tree.get("method");
    if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
      return reply(id, error(ErrorCodes.INVALID_REQUEST, "\"method\" must be a non-empty string naming the method to call"));
    }
    RpcResponse response = call(id, method.textValue(), tree.get("params"));
    return id == null ? Optional.empty() : Optional.of(response);
  }

  private RpcResponse call(JsonNode id, String method, JsonNode params) {
    try {
      return RpcResponse.success(id, methods.call(method, params));
    } catch (RpcException e) {
      return RpcResponse.failure(id, e.error());
    } catch (RuntimeException e) {
      LOG.error("{} failed", method, e);
      return RpcResponse.failure(id, RpcError.of(ErrorKind.INTERNAL, "the server failed while handling " + method + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the details are in the server log"));
    }
  }

  private static Optional<RpcResponse> reply(JsonNode id, RpcError error) {
    return Optional.of(RpcResponse.failure(id, error));
  }

  private static RpcError parseError(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return error(ErrorCodes.PARSE_ERROR, "request body is not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  private static RpcError tooLarge() {
    return error(ErrorCodes.INVALID_REQUEST, "request body is larger than " + MAX_BODY_MIB
        + " MiB; split large uploads across several blobs/put calls");
  }

  private static RpcError error(int code, String message) {
    return RpcError.of(code, ErrorKind.INVALID_REQUEST, message);
  }

  /** {@return the stream's bytes, or null when there are more than {@code limit}} */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      total += n;
      if (total > limit) return null;
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  /** Writes and flushes the response before returning, so a draining gateway never cuts off an answer. */
  private static void write(Context ctx, HttpStatus status, RpcResponse response) throws IOException {
    byte[] body = ApiJson.toJson(response).getBytes(StandardCharsets.UTF_8);
    ctx.status(status).contentType("application/json");
    ctx.res().setContentLength(body.length);
    ctx.res().getOutputStream().write(body);
    ctx.res().flushBuffer();
  }
}
