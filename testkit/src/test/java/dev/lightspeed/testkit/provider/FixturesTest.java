package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixturesTest {
  private static FakeProviderServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    server = FakeProviderServer.start();
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  static Stream<Fixtures.Entry> servableFixtures() {
    return Fixtures.index().stream().filter(Fixtures.Entry::hasResponse);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servableFixtures")
  void everyFixtureWithAResponseIsServedByteForByte(Fixtures.Entry fixture) throws Exception {
    server.enqueue(Fixtures.response(fixture.id()));
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(fixture.path()));
    if (fixture.method().equals("POST")) {
      byte[] body = fixture.hasRequest() ? Fixtures.requestBody(fixture.id()) : "{}".getBytes();
      request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.body()).isEqualTo(Fixtures.responseBody(fixture.id()));
    assertThat(response.statusCode()).isEqualTo(fixture.status());
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(fixture.contentType()));
    assertThat(response.headers().firstValue("transfer-encoding").isPresent()).isEqualTo(fixture.isSse());
  }

  @Test
  void theIndexListsEveryFixtureAndAllButOneHaveAResponse() {
    assertThat(Fixtures.index()).hasSizeGreaterThan(60);
    assertThat(Fixtures.index().stream().filter(e -> !e.hasResponse()).map(Fixtures.Entry::id))
        .containsExactly("anthropic-messages/cache-control-blocks.docs");
  }

  @Test
  void anSseFixtureIsCutIntoItsEvents() {
    FakeResponse response = Fixtures.response("anthropic-messages/text-stream");

    assertThat(response.isSse()).isTrue();
    assertThat(response.events()).hasSize(7);
    assertThat(response.events().get(2)).isEqualTo("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    assertThat(response.body()).isEqualTo(Fixtures.responseBody("anthropic-messages/text-stream"));
  }

  @Test
  void recordedHeadersAreKeptAndFramingAndHopByHopOnesDropped() {
    FakeResponse response = Fixtures.response("openai-responses/text-stream");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsOnlyKeys(
        "content-type", "openai-processing-ms", "openai-version", "strict-transport-security");
    assertThat(response.findHeader("content-type")).contains("text/event-stream; charset=utf-8");
  }

  @Test
  void retryHeadersOfErrorFixturesReachTheClient() throws Exception {
    server.enqueue(Fixtures.response("openai-responses/errors/error-429-rate-limit-exceeded"));
    server.enqueue(Fixtures.response("anthropic-messages/errors/error-529-overloaded"));
    server.enqueue(Fixtures.response("anthropic-messages/errors/error-400-invalid-request"));

    HttpResponse<String> openAi = post("/v1/responses");
    HttpResponse<String> overloaded = post("/v1/messages");
    HttpResponse<String> invalid = post("/v1/messages");

    assertThat(openAi.statusCode()).isEqualTo(429);
    assertThat(openAi.headers().firstValue("retry-after")).contains("2");
    assertThat(openAi.headers().firstValue("x-request-id")).contains("req_00000000000000000000000000000000");
    assertThat(openAi.headers().firstValue("x-ratelimit-reset-tokens")).contains("1.574s");
    assertThat(overloaded.statusCode()).isEqualTo(529);
    assertThat(overloaded.headers().firstValue("request-id")).contains("req_01RCc7MbLyQNtGKzBTv8VCep");
    assertThat(overloaded.headers().firstValue("x-should-retry")).contains("true");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("x-should-retry")).contains("false");
  }

  @Test
  void repeatedRecordedHeadersAreSentRepeatedly() {
    FakeResponse response = Fixtures.response("openai-chat-completions/tool-call-stream-with-usage");

    assertThat(response.headers().get("access-control-expose-headers")).containsExactly("X-Request-ID", "CF-Ray", "CF-Ray");
  }

  @Test
  void bareErrorBodiesTakeTheStatusFromTheIndex() {
    FakeResponse response = Fixtures.response("anthropic-messages/errors/error-500-api-error");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.headers()).containsOnlyKeys("Content-Type");
    assertThat(response.findHeader("content-type")).contains("application/json");
  }

  @Test
  void requestBodyIsTheRecordedFile() throws Exception {
    byte[] expected = Files.readAllBytes(Fixtures.directory().resolve("openai-responses/text-stream.request.json"));

    assertThat(Fixtures.requestBody("openai-responses/text-stream")).isEqualTo(expected);
  }

  @Test
  void unknownIdsAndMissingFilesAreRejected() {
    assertThatThrownBy(() -> Fixtures.response("openai-responses/nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown fixture id \"openai-responses/nope\"; see " + Fixtures.directory().resolve("index.json"));
    assertThatThrownBy(() -> Fixtures.response("anthropic-messages/cache-control-blocks.docs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixture \"anthropic-messages/cache-control-blocks.docs\" has no response body; it has [request.json]");
    assertThatThrownBy(() -> Fixtures.requestBody("anthropic-messages/errors/error-500-api-error"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixture \"anthropic-messages/errors/error-500-api-error\" has no request body; it has [body.json]");
  }

  @Test
  void theDirectoryIsFoundFromTheModuleDirectory() {
    assertThat(Fixtures.directory().resolve("index.json")).isRegularFile();
    assertThat(Fixtures.directory()).endsWith(Path.of("shared", "fixtures", "providers"));
  }

  @Test
  void theSystemPropertyOverridesTheSearch(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("index.json"), "{\"fixtures\":[]}");

    assertThat(Fixtures.locate(temp.toString(), Path.of("/"), null)).isEqualTo(temp.toAbsolutePath().normalize());
    assertThatThrownBy(() -> Fixtures.locate(temp.resolve("missing").toString(), Path.of(""), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("-Dlightspeed.fixtures.dir=" + temp.resolve("missing") + " does not name a directory with an index.json");
  }

  @Test
  void aMissingDirectoryIsReportedWithEveryPlaceLookedAt(@TempDir Path temp) {
    Path start = temp.resolve("clone/testkit");

    assertThatThrownBy(() -> Fixtures.locate(null, start, temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("provider fixtures not found: no shared/fixtures/providers/index.json in " + start
            + " or any ancestor (looked in [" + start.resolve("shared/fixtures/providers") + ", "
            + temp.resolve("clone/shared/fixtures/providers") + ", " + temp.resolve("shared/fixtures/providers")
            + "]); put the shared folder beside the repository or set -Dlightspeed.fixtures.dir");
  }

  @Test
  void aSharedFolderBesideTheCloneIsFound(@TempDir Path temp) throws Exception {
    Path fixtures = Files.createDirectories(temp.resolve("shared/fixtures/providers"));
    Files.writeString(fixtures.resolve("index.json"), "{\"fixtures\":[]}");

    assertThat(Fixtures.locate(null, temp.resolve("clone/testkit"), temp)).isEqualTo(fixtures);
  }

  @Test
  void entriesDescribeTheRecordedCall() {
    Fixtures.Entry entry = Fixtures.entry("anthropic-messages/tool-use-stream.turn1");

    assertThat(entry.method()).isEqualTo("POST");
    assertThat(entry.path()).isEqualTo("/v1/messages?beta=true");
    assertThat(entry.status()).isEqualTo(200);
    assertThat(entry.contentType()).isEqualTo("text/event-stream");
    assertThat(entry.provenance()).isEqualTo("recorded");
    assertThat(entry.isSse()).isTrue();
    assertThat(List.copyOf(entry.files().keySet())).containsExactly("http.json", "request.json", "sse");
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.url(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
