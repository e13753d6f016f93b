package dev.lightspeed.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.InvalidParamsException;
import dev.lightspeed.api.MethodTypes;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The served JSON-RPC methods by name, each with its params type (from {@link MethodTypes}) and one
 * handler. {@link #call} decodes the params strictly, runs the handler and wraps its result in the
 * contract's {@code AgentApiOutcome} envelope. Immutable once built; safe for concurrent calls.
 */
public final class MethodTable {
  /** One method's handler: takes the decoded params, returns the method's result record or throws {@link RpcException}. */
  @FunctionalInterface
  public interface Handler<P> {
    Object handle(P params);
  }

  private record Entry<P>(MethodTypes.Binding binding, Class<P> params, Handler<P> handler) {
    Object invoke(JsonNode node) {
      P decoded = ApiJson.readParams(binding.method(), node, params);
      Object result = handler.handle(decoded);
      if (!binding.result().isInstance(result)) {
        throw new IllegalStateException(binding.method() + " returned " + (result == null ? "null" : result.getClass().getName())
            + " instead of " + binding.result().getName());
      }
      return result;
    }
  }

  private final Map<String, Entry<?>> entries;

  private MethodTable(Map<String, Entry<?>> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@return the names of the served methods} */
  public Set<String> methods() {
    return entries.keySet();
  }

  /**
   * {@return the {@code AgentApiOutcome} tree of calling {@code method} with {@code params}}
   *
   * @throws RpcException for an unknown or unserved method, params that do not fit, or a handler's refusal
   */
  public JsonNode call(String method, JsonNode params) {
    Entry<?> entry = entries.get(method);
    if (entry == null) throw unknown(method);
    try {
      return ApiJson.toTree(Outcome.of(entry.invoke(params)));
    } catch (InvalidParamsException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
  }

  private static RpcException unknown(String method) {
    if (ContractMethods.defines(method)) {
      return new RpcException(ErrorCodes.METHOD_NOT_FOUND, ErrorKind.NOT_FOUND,
          "method \"" + method + "\" is part of the Lightspeed v1 contract but this server does not serve it yet");
    }
    return new RpcException(ErrorCodes.METHOD_NOT_FOUND, ErrorKind.NOT_FOUND,
        "unknown method \"" + method + "\"; call initialize or see the Lightspeed v1 contract for the method names");
  }

  /** Collects handlers; each method may be registered once and must be one {@link MethodTypes} knows. */
  public static final class Builder {
    private final Map<String, Entry<?>> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers {@code handler} for {@code method}.
     *
     * @throws IllegalArgumentException when the method is unknown to {@link MethodTypes}, registered twice,
     *     or {@code params} is not its params type
     */
    public <P> Builder on(String method, Class<P> params, Handler<P> handler) {
      MethodTypes.Binding binding = MethodTypes.of(method)
          .orElseThrow(() -> new IllegalArgumentException("no wire types for method \"" + method + "\""));
      if (binding.params() != params) {
        throw new IllegalArgumentException(method + " takes " + binding.params().getSimpleName() + ", not " + params.getSimpleName());
      }
      if (entries.putIfAbsent(method, new Entry<>(binding, params, Objects.requireNonNull(handler, "handler"))) != null) {
        throw new IllegalArgumentException("method \"" + method + "\" registered twice");
      }
      return this;
    }

    public MethodTable build() {
      return new MethodTable(entries);
    }
  }
}
