package dev.lightspeed.server.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Liveness and readiness for load balancers and orchestrators. {@code /health} is 200 whenever the process
 * serves HTTP. {@code /ready} runs each named check (the store, Temporal) and is 200 only when all pass,
 * else 503 listing what failed, so traffic is held back until a request could succeed.
 */
public final class HealthEndpoints {
  /** A dependency check: empty when it is reachable, else what is wrong. Must not throw. */
  @FunctionalInterface
  public interface Check {
    Optional<String> problem();
  }

  private final Map<String, Check> checks;

  public HealthEndpoints(Map<String, Check> checks) {
    this.checks = new LinkedHashMap<>(Objects.requireNonNull(checks, "checks"));
  }

  public void health(Context ctx) {
    ctx.contentType("application/json").result("{\"status\":\"ok\"}");
  }

  public void ready(Context ctx) {
    List<String> problems = new ArrayList<>();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode results = body.putObject("checks");
    checks.forEach((name, check) -> {
      Optional<String> problem = check.problem();
      results.put(name, problem.orElse("ok"));
      problem.ifPresent(p -> problems.add(name + ": " + p));
    });
    body.put("status", problems.isEmpty() ? "ready" : "unready");
    ArrayNode listed = body.putArray("problems");
    problems.forEach(listed::add);
    ctx.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json").result(ApiJson.toJson(body));
  }

  /** {@return a check that runs {@code probe} and reports the exception it throws, if any} */
  public static Check probing(Runnable probe) {
    return () -> {
      try {
        probe.run();
        return Optional.empty();
      } catch (RuntimeException e) {
        return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    };
  }
}
