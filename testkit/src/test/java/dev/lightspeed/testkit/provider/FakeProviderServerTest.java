package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeProviderServerTest {
  private static final String TWO_EVENTS = "event: a\ndata: {\"type\":\"a\"}\n\nevent: b\ndata: {\"type\":\"b\"}\n\n";

  private final FakeProviderServer server = FakeProviderServer.start();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void baseUrlIsLoopbackWithThePort() {
    assertThat(server.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(server.url("/v1/models")).isEqualTo(URI.create(server.baseUrl() + "/v1/models"));
  }

  @Test
  void recordsMethodPathHeadersAndBody() throws Exception {
    server.enqueue(FakeResponse.json("{}"));

    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(server.url("/v1/messages?beta=true"))
            .header("x-api-key", "sk-test")
            .header("anthropic-version", "2023-06-01")
            .header("anthropic-beta", "a")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"max_tokens\":5}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest request = server.takeRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/messages?beta=true");
    assertThat(request.pathWithoutQuery()).isEqualTo("/v1/messages");
    assertThat(request.header("X-API-KEY")).isEqualTo("sk-test");
    assertThat(request.headerValues("anthropic-version")).containsExactly("2023-06-01");
    assertThat(request.findHeader("authorization")).isEmpty();
    assertThat(request.bodyText()).isEqualTo("{\"model\":\"m\",\"max_tokens\":5}");
    assertThat(request.bodyJson().number("max_tokens")).isEqualTo(5);
    assertThat(request.sequenceNumber()).isZero();
    assertThatThrownBy(() -> request.header("authorization"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("request has no header \"authorization\"; it has [");
  }

  @Test
  void recordsAChunkedRequestBody() throws Exception {
    server.enqueue(FakeResponse.json("{}"));
    byte[] body = "{\"input\":\"streamed body\"}".getBytes(StandardCharsets.UTF_8);

    client.send(
        HttpRequest.newBuilder(server.url("/v1/responses"))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build(),
        HttpResponse.BodyHandlers.discarding());

    RecordedRequest request = server.takeRequest();
    assertThat(request.header("transfer-encoding")).isEqualTo("chunked");
    assertThat(request.body()).isEqualTo(body);
  }

  @Test
  void servesQueuedResponsesInOrderOnAnyPath() throws Exception {
    server.enqueue(FakeResponse.json("{\"n\":1}")).enqueue(FakeResponse.json("{\"n\":2}"));

    assertThat(get("/v1/models").body()).isEqualTo("{\"n\":1}");
    assertThat(post("/v1/responses", "{}").body()).isEqualTo("{\"n\":2}");
    assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/v1/models", "/v1/responses");
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(server.queuedCount()).isZero();
  }

  @Test
  void concurrentRequestsAreEachServedAndRecorded() throws Exception {
    for (int i = 0; i < 8; i++) server.enqueue(FakeResponse.json("{}"));

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      responses.add(client.sendAsync(
          HttpRequest.newBuilder(server.url("/v1/responses")).POST(HttpRequest.BodyPublishers.ofString("" + i)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get(2, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(server.requests()).extracting(RecordedRequest::bodyText)
        .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
    assertThat(server.requests()).extracting(RecordedRequest::sequenceNumber).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void pathQueuesComeFirstAndTheLongestMatchingPrefixWins() throws Exception {
    server.enqueue(FakeResponse.json("\"shared\""));
    server.enqueue("/v1/responses", FakeResponse.json("\"responses\""));
    server.enqueue("/v1/responses/compact", FakeResponse.json("\"compact\""));

    assertThat(post("/v1/responses/compact", "{}").body()).isEqualTo("\"compact\"");
    assertThat(post("/v1/responses/compact", "{}").body()).isEqualTo("\"responses\"");
    assertThat(post("/v1/responses", "{}").body()).isEqualTo("\"shared\"");
  }

  @Test
  void pathPrefixesMatchWholeSegmentsAndIgnoreTheQuery() throws Exception {
    server.enqueue("/v1/messages", FakeResponse.json("\"messages\""));
    server.enqueue(FakeResponse.json("\"shared\""));

    assertThat(post("/v1/messages_batches", "{}").body()).isEqualTo("\"shared\"");
    assertThat(post("/v1/messages?beta=true", "{}").body()).isEqualTo("\"messages\"");
  }

  @Test
  void aRequestWithNothingQueuedGets500NamingTheRequest() throws Exception {
    HttpResponse<String> response = post("/v1/chat/completions", "{}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(response.body()).isEqualTo(
        "{\"error\":{\"message\":\"fake provider: no response queued for POST /v1/chat/completions\","
            + "\"type\":\"fake_provider_error\",\"param\":null,\"code\":null}}");
    assertThat(server.takeRequest().path()).isEqualTo("/v1/chat/completions");
  }

  @Test
  void sseIsSentChunkedAsEventStreamByteForByte() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS).withHeader("x-request-id", "req_1"));

    HttpResponse<String> response = post("/v1/responses", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
    assertThat(response.headers().firstValue("transfer-encoding")).contains("chunked");
    assertThat(response.headers().firstValue("x-request-id")).contains("req_1");
    assertThat(response.body()).isEqualTo(TWO_EVENTS);
  }

  @Test
  void scriptedStreamsReachTheClientUnchanged() throws Exception {
    List<FakeResponse> scripted = List.of(
        ResponsesScript.create().reasoning("enc", "plan").text("Hi").functionCall("c1", "f", "{\"a\":1}").streaming(),
        ChatScript.create().text("Hi").toolCall("c1", "f", "{}").toolCall("c2", "g", "{}").streaming(),
        AnthropicScript.create().thinking("hmm", "sig").text("Hi").toolUse("t1", "f", "{}").streaming());
    for (FakeResponse response : scripted) server.enqueue(response);

    for (FakeResponse response : scripted) {
      HttpResponse<byte[]> received = client.send(
          HttpRequest.newBuilder(server.url("/v1/stream")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(received.body()).isEqualTo(response.body());
    }
  }

  @Test
  void modelListsAreServedToGetRequests() throws Exception {
    server.enqueue("/v1/models", ModelLists.openAi("gpt-4o"));

    HttpResponse<String> response = get("/v1/models");

    assertThat(response.body()).isEqualTo(ModelLists.openAi("gpt-4o").bodyText());
    RecordedRequest request = server.takeRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.body()).isEmpty();
  }

  @Test
  void errorResponsesCarryStatusHeadersAndBody() throws Exception {
    server.enqueue(FakeResponse.error(529, "{\"type\":\"error\"}").withHeader("retry-after", "3"));

    HttpResponse<String> response = post("/v1/messages", "{}");

    assertThat(response.statusCode()).isEqualTo(529);
    assertThat(response.headers().firstValue("retry-after")).contains("3");
    assertThat(response.headers().firstValue("content-length")).contains("16");
    assertThat(response.body()).isEqualTo("{\"type\":\"error\"}");
  }

  @Test
  void droppingTheConnectionFailsTheClientsReadAfterTheEventsSent() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS).dropConnectionAfterEvents(1));

    HttpResponse<InputStream> response = postStreaming("/v1/responses");

    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).isEqualTo("event: a");
      assertThat(reader.readLine()).isEqualTo("data: {\"type\":\"a\"}");
      assertThat(reader.readLine()).isEmpty();
      assertThatThrownBy(reader::readLine).isInstanceOf(IOException.class);
    }
  }

  @Test
  void droppingAJsonBodyBeforeItIsSentFailsTheClient() {
    server.enqueue(FakeResponse.json("{\"a\":1}").dropConnectionAfterEvents(0));

    assertThatThrownBy(() -> post("/v1/responses", "{}")).isInstanceOf(IOException.class);
  }

  @Test
  void aHungStreamIsAbandonedWhenTheClientCancelsAndTheServerStaysResponsive() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS).hangAfterEvents(1));
    server.enqueue(FakeResponse.json("{\"next\":true}"));

    CompletableFuture<HttpResponse<String>> hanging = client.sendAsync(
        HttpRequest.newBuilder(server.url("/v1/responses")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    server.takeRequest();
    awaitInFlight(1);
    hanging.cancel(true);

    awaitInFlight(0);
    long start = System.nanoTime();
    assertThat(post("/v1/responses", "{}").body()).isEqualTo("{\"next\":true}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aHungStreamIsAbandonedWhenTheClientClosesTheBody() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS).hangAfterEvents(1));

    HttpResponse<InputStream> response = postStreaming("/v1/responses");
    InputStream body = response.body();
    byte[] first = body.readNBytes("event: a\ndata: {\"type\":\"a\"}\n\n".length());
    body.close();

    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("event: a\ndata: {\"type\":\"a\"}\n\n");
    awaitInFlight(0);
  }

  @Test
  void aLongDelayBetweenEventsEndsWhenTheClientGoesAway() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS).delayBetweenEvents(Duration.ofMinutes(5)));

    HttpResponse<InputStream> response = postStreaming("/v1/responses");
    response.body().readNBytes(5);
    response.body().close();

    awaitInFlight(0);
  }

  @Test
  void delayBeforeHeadersHoldsBackTheResponse() throws Exception {
    server.enqueue(FakeResponse.json("{}").delayBeforeHeaders(Duration.ofMillis(200)));

    long start = System.nanoTime();
    HttpResponse<String> response = post("/v1/responses", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(response.body()).isEqualTo("{}");
  }

  @Test
  void delayBetweenEventsSpacesTheEvents() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS + TWO_EVENTS).delayBetweenEvents(Duration.ofMillis(50)));

    long start = System.nanoTime();
    HttpResponse<String> response = post("/v1/responses", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(response.body()).isEqualTo(TWO_EVENTS + TWO_EVENTS);
  }

  @Test
  void aClientTimeoutDuringADelayFreesTheServer() throws Exception {
    server.enqueue(FakeResponse.json("{}").delayBeforeHeaders(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> client.send(
            HttpRequest.newBuilder(server.url("/v1/responses"))
                .timeout(Duration.ofMillis(100))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    awaitInFlight(0);
  }

  @Test
  void closingTheServerEndsHungResponses() throws Exception {
    server.enqueue(FakeResponse.sse(TWO_EVENTS).hangAfterEvents(0));
    CompletableFuture<HttpResponse<String>> hanging = client.sendAsync(
        HttpRequest.newBuilder(server.url("/v1/responses")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    awaitInFlight(1);

    server.close();

    assertThat(server.responsesInFlight()).isZero();
    assertThatThrownBy(() -> hanging.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void takeRequestFailsWhenNoRequestArrives() {
    assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("fake provider: no request arrived within PT0.02S (0 received in all)");
  }

  @Test
  void requestsAreTakenInArrivalOrder() throws Exception {
    server.enqueue(FakeResponse.json("{}")).enqueue(FakeResponse.json("{}"));
    post("/v1/a", "1");
    post("/v1/b", "2");

    assertThat(List.of(server.takeRequest(), server.takeRequest()))
        .extracting(RecordedRequest::path, RecordedRequest::sequenceNumber)
        .containsExactly(tuple("/v1/a", 0), tuple("/v1/b", 1));
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(server.url(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(server.url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<InputStream> postStreaming(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(server.url(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private void awaitInFlight(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (server.responsesInFlight() != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("responses in flight: " + server.responsesInFlight() + ", expected " + expected);
      }
      Thread.sleep(5);
    }
  }
}
