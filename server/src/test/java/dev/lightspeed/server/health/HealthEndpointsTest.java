package dev.lightspeed.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Readiness reports every check and is 503 while any fails; liveness does not depend on them. */
class HealthEndpointsTest {
  @Test
  void readinessIsUnavailableWhileACheckFailsAndNamesIt() throws Exception {
    Map<String, HealthEndpoints.Check> checks = new LinkedHashMap<>();
    checks.put("store", Optional::empty);
    checks.put("temporal", HealthEndpoints.probing(() -> {
      throw new IllegalStateException("UNAVAILABLE: io exception");
    }));
    HealthEndpoints endpoints = new HealthEndpoints(checks);
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/health", endpoints::health);
      cfg.routes.get("/ready", endpoints::ready);
    }).start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("{\"checks\":{\"store\":\"ok\",\"temporal\":\"IllegalStateException: UNAVAILABLE: io exception\"},"
          + "\"status\":\"unready\",\"problems\":[\"temporal: IllegalStateException: UNAVAILABLE: io exception\"]}");
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      app.stop();
    }
  }
}
