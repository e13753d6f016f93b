package dev.lightspeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session/events/read} over the assembled server: cursor paging with {@code limit} 1..512 (default
 * 128), and what a limit outside that range gets.
 */
class EventPagingTest {
  private static final int RUNS = 20;

  @TempDir static Path home;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = new TestGateway(home);
    rpc("session/start", "{\"sessionId\":\"paged\"}");
    for (int i = 0; i < RUNS; i++) {
      gateway.provider.enqueue(ResponsesScript.create().text("answer " + i).streaming());
      rpc("session/runs/start", "{\"sessionId\":\"paged\",\"submissionId\":\"s" + i + "\",\"source\":{\"type\":\"input\","
          + "\"items\":[{\"type\":\"text\",\"text\":\"question " + i + "\"}]}}");
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (completedRuns() < RUNS) {
      if (System.nanoTime() > deadline) throw new AssertionError("the runs did not finish");
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void pagesFollowTheCursorWithTheDefaultLimitOf128AndReadEveryEventOnce() throws Exception {
    JsonNode first = result(rpc("session/events/read", "{\"sessionId\":\"paged\"}"));
    long head = first.at("/headCursor/seq").asLong();
    assertThat(head).isGreaterThan(128);
    assertThat(first.get("events")).hasSize(128);
    assertThat(first.get("complete").asBoolean()).isFalse();

    List<Long> seqs = new ArrayList<>();
    long cursor = 0;
    for (int pages = 0; ; pages++) {
      assertThat(pages).as("pages").isLessThan(100);
      JsonNode page = result(rpc("session/events/read", "{\"sessionId\":\"paged\",\"after\":{\"seq\":" + cursor + "},\"limit\":7}"));
      assertThat(page.get("events").size()).isBetween(1, 7);
      for (JsonNode e : page.get("events")) seqs.add(e.at("/cursor/seq").asLong());
      cursor = page.at("/nextCursor/seq").asLong();
      if (page.get("complete").asBoolean()) break;
    }
    assertThat(seqs).hasSize((int) head).doesNotHaveDuplicates().isSorted();
    assertThat(seqs.get(seqs.size() - 1)).isEqualTo(head);

    JsonNode all = result(rpc("session/events/read", "{\"sessionId\":\"paged\",\"limit\":512}"));
    assertThat(all.get("events")).hasSize((int) Math.min(512, head));
  }

  @Test
  void aLimitOutsideOneTo512IsInvalidParamsSayingTheRange() throws Exception {
    for (String limit : List.of("0", "513")) {
      JsonNode error = rpc("session/events/read", "{\"sessionId\":\"paged\",\"limit\":" + limit + "}").get("error");
      assertThat(error.get("code").asInt()).as("limit " + limit).isEqualTo(ErrorCodes.INVALID_PARAMS);
      assertThat(error.get("message").asText()).contains("limit must be between 1 and 512, not " + limit);
    }
  }

  private static long completedRuns() throws IOException, InterruptedException {
    JsonNode page = result(rpc("session/events/read", "{\"sessionId\":\"paged\",\"limit\":512}"));
    int completed = 0;
    for (JsonNode e : page.get("events")) if (e.at("/kind/type").asText().equals("runCompleted")) completed++;
    return completed;
  }

  private static JsonNode result(JsonNode response) {
    assertThat(response.has("error")).as("%s", response).isFalse();
    return response.at("/result/result");
  }

  private static JsonNode rpc(String method, String params) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.url().resolve("/rpc"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      return ApiJson.mapper().readTree(response.body());
    }
  }
}
