package dev.lightspeed.tools.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.fs.LocalFileSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code web_fetch} against a real HTTP server on loopback, started here. The SSRF cases run on the default
 * fetcher, which refuses loopback; the page cases use one built with {@link LoopbackAccess#ALLOW_LOOPBACK}.
 */
class WebFetchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAGE = """
      <!doctype html><html><head><title>Fox facts</title><style>p{color:red}</style><script>alert('x')</script></head>
      <body><nav><a href="/">Home</a></nav>
      <h1>The quick fox</h1>
      <p>Foxes are <b>small</b>
         omnivores. See <a href="/more?x=1">more facts</a>.</p>
      <ul><li>Red fox</li><li>Arctic fox<ol><li>white in winter</li></ol></li></ul>
      <pre><code>fox.jump(  dog );
        return;</code></pre>
      <p>Use <code>fox --help</code>.</p>
      </body></html>""";

  @TempDir static Path dir;
  static HttpServer server;
  static String base;
  static final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/page", x -> send(x, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8), true));
    server.createContext("/text", x -> send(x, 200, "text/plain", "line one\nline two\n".getBytes(StandardCharsets.UTF_8), false));
    server.createContext("/json", x -> send(x, 200, "application/json", "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8), false));
    server.createContext("/image", x -> send(x, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, false));
    server.createContext("/missing", x -> send(x, 404, "text/plain", "no such fox".getBytes(StandardCharsets.UTF_8), false));
    server.createContext("/to-private", x -> redirect(x, "http://10.0.0.1/admin"));
    server.createContext("/to-metadata", x -> redirect(x, "http://169.254.169.254/latest/meta-data/"));
    server.createContext("/to-file", x -> redirect(x, "file:///etc/passwd"));
    server.createContext("/relative", x -> redirect(x, "/text"));
    server.createContext("/chain/", x -> {
      int n = Integer.parseInt(x.getRequestURI().getPath().substring("/chain/".length()));
      if (n == 0) send(x, 200, "text/plain", "end of chain".getBytes(StandardCharsets.UTF_8), false);
      else redirect(x, "/chain/" + (n - 1));
    });
    server.createContext("/big", x -> send(x, 200, "text/plain", "a".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII), true));
    server.createContext("/long", x -> send(x, 200, "text/plain", "b".repeat(30_000).getBytes(StandardCharsets.US_ASCII), false));
    server.createContext("/gzip", x -> {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write("unzipped text".getBytes(StandardCharsets.UTF_8));
      }
      x.getResponseHeaders().add("Content-Encoding", "gzip");
      send(x, 200, "text/plain", zipped.toByteArray(), false);
    });
    server.createContext("/slow", x -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(x, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8), false);
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void send(HttpExchange x, int status, String type, byte[] body, boolean chunked) throws IOException {
    requests.add(x.getRequestURI() + " Host=" + x.getRequestHeaders().getFirst("Host"));
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, chunked ? 0 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    } catch (IOException clientLeft) {
      // the fetcher stops reading at its cap and closes the connection
    }
  }

  private static void redirect(HttpExchange x, String location) throws IOException {
    x.getResponseHeaders().add("Location", location);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  private static ToolResult fetch(WebFetch tool, String json) {
    try {
      return tool.invoke((ObjectNode) JSON.readTree(json), ToolContext.of(new LocalFileSystem(dir)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ToolResult fetchUrl(WebFetch tool, String url) {
    return fetch(tool, "{\"url\":\"" + url + "\"}");
  }

  private static final WebFetch GUARDED = new WebFetch();
  private static final WebFetch LOCAL = new WebFetch(LoopbackAccess.ALLOW_LOOPBACK);

  @Test
  void isAParallelSafeRetrySafeToolNamedWebFetch() {
    assertThat(GUARDED.definition().name()).isEqualTo("web_fetch");
    assertThat(GUARDED.definition().parallelism()).isEqualTo(Parallelism.PARALLEL_SAFE);
    assertThat(GUARDED.definition().retrySafety()).isEqualTo(RetrySafety.RETRY_SAFE);
    assertThat(GUARDED.definition().parameters().object("properties").members()).containsOnlyKeys("url", "max_chars");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      http://127.0.0.1/                     | 127.0.0.1 is a loopback address (127.0.0.0/8)
      http://127.8.9.10:8080/x              | 127.8.9.10 is a loopback address (127.0.0.0/8)
      http://localhost/                     | localhost names the local machine (a loopback address)
      http://LOCALHOST./                    | localhost names the local machine (a loopback address)
      http://api.localhost/                 | api.localhost names the local machine (a loopback address)
      http://[::1]/                         | [::1] is a loopback address (::1)
      http://[::ffff:127.0.0.1]/            | [::ffff:127.0.0.1] is a loopback address (127.0.0.0/8)
      http://[::ffff:a9fe:a9fe]/            | [::ffff:a9fe:a9fe] is a cloud metadata address (169.254.169.254)
      http://169.254.169.254/latest/        | 169.254.169.254 is a cloud metadata address (169.254.169.254)
      http://[fd00:ec2::254]/               | [fd00:ec2::254] is a cloud metadata address (fd00:ec2::254)
      http://10.1.2.3/                      | 10.1.2.3 is a private address (10.0.0.0/8)
      http://172.16.0.1/                    | 172.16.0.1 is a private address (172.16.0.0/12)
      http://192.168.1.1/                   | 192.168.1.1 is a private address (192.168.0.0/16)
      http://[fc00::1]/                     | [fc00::1] is a private address (IPv6 unique local, fc00::/7)
      http://100.64.0.1/                    | 100.64.0.1 is a shared carrier-grade NAT address (100.64.0.0/10)
      http://169.254.1.1/                   | 169.254.1.1 is a link-local address (169.254.0.0/16)
      http://[fe80::1]/                     | [fe80::1] is a link-local address (fe80::/10)
      http://0.0.0.0/                       | 0.0.0.0 is an unspecified address (0.0.0.0/8)
      http://[::]/                          | [::] is the unspecified address (::)
      http://224.0.0.1/                     | 224.0.0.1 is a multicast address (224.0.0.0/4)
      http://[ff02::1]/                     | [ff02::1] is a multicast address (ff00::/8)
      http://255.255.255.255/               | 255.255.255.255 is the broadcast address
      http://[64:ff9b::a00:1]/              | [64:ff9b::a00:1] is an IPv6 address (NAT64) embedding 10.0.0.1, a private address (10.0.0.0/8)
      http://[2002:7f00:1::]/               | [2002:7f00:1::] is an IPv6 address (6to4) embedding 127.0.0.1, a loopback address (127.0.0.0/8)
      """)
  void internalAddressesAreRefusedWithTheReason(String url, String reason) {
    ToolResult result = fetchUrl(GUARDED, url);

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo("web_fetch refused " + url.toLowerCase() + ": " + reason
        + ". web_fetch only reaches the public internet; internal, loopback, link-local and cloud-metadata addresses are blocked to "
        + "protect the network it runs in.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      http://2130706433/     | 127.0.0.1
      http://0177.0.0.1/     | 127.0.0.1
      http://0x7f.0.0.1/     | 127.0.0.1
      http://0x7f000001/     | 127.0.0.1
      http://127.1/          | 127.0.0.1
      http://017700000001/   | 127.0.0.1
      http://0xa9.254.43518/ | 169.254.169.254
      """)
  void ipv4AddressesInNonStandardFormsAreRefusedNamingTheAddressTheyMean(String url, String meaning) {
    String host = url.substring("http://".length(), url.length() - 1);

    ToolResult result = fetchUrl(GUARDED, url);

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo("web_fetch refused " + url + ": " + host + " is an IPv4 address written in a non-standard form (it means "
        + meaning + "); write addresses as four decimal parts");
  }

  @Test
  void aHostNameIsResolvedOnceAndRefusedWhenAnyOfItsAddressesIsInternal() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    WebFetch tool = new WebFetch(LoopbackAccess.REFUSE_LOOPBACK, host -> {
      lookups.incrementAndGet();
      return List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.7"));
    }, WebFetch.TIMEOUT, WebFetch.MAX_BODY_BYTES);

    ToolResult result = fetchUrl(tool, "http://mixed.example/");

    assertThat(result.text()).startsWith("web_fetch refused http://mixed.example/: mixed.example resolves to 192.168.0.7, which is a private "
        + "address (192.168.0.0/16).");
    assertThat(lookups).hasValue(1);
  }

  @Test
  void anInternationalizedHostNameIsCheckedInItsAsciiForm() {
    List<String> asked = new CopyOnWriteArrayList<>();
    WebFetch tool = new WebFetch(LoopbackAccess.REFUSE_LOOPBACK, host -> {
      asked.add(host);
      return List.of(InetAddress.getByName("10.9.8.7"));
    }, WebFetch.TIMEOUT, WebFetch.MAX_BODY_BYTES);

    ToolResult result = fetchUrl(tool, "https://b\u00fccher.example/r\u00e9sum\u00e9");

    assertThat(asked).containsExactly("xn--bcher-kva.example");
    assertThat(result.text()).startsWith("web_fetch refused https://xn--bcher-kva.example/r%C3%A9sum%C3%A9: xn--bcher-kva.example resolves to "
        + "10.9.8.7, which is a private address (10.0.0.0/8).");
  }

  @Test
  void theConnectionGoesToTheAddressThatWasCheckedNotToASecondAnswer() {
    AtomicInteger lookups = new AtomicInteger();
    // A rebinding resolver: the first answer is the test server, any later one an internal address.
    WebFetch tool = new WebFetch(LoopbackAccess.ALLOW_LOOPBACK, host -> List.of(InetAddress.getByName(
        lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1")), WebFetch.TIMEOUT, WebFetch.MAX_BODY_BYTES);
    int port = server.getAddress().getPort();

    ToolResult result = fetchUrl(tool, "http://rebind.example:" + port + "/text");

    assertThat(result.status()).isEqualTo(ToolResult.Status.OK);
    assertThat(result.text()).contains("line one\nline two");
    assertThat(lookups).hasValue(1);
    assertThat(requests).contains("/text Host=rebind.example:" + port);
  }

  @Test
  void aRedirectToAPrivateAddressIsRefused() {
    ToolResult result = fetchUrl(LOCAL, base + "/to-private");

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo("web_fetch refused the redirect to http://10.0.0.1/admin: 10.0.0.1 is a private address (10.0.0.0/8). "
        + "web_fetch only reaches the public internet; internal, loopback, link-local and cloud-metadata addresses are blocked to protect "
        + "the network it runs in.");
  }

  @Test
  void aRedirectToTheMetadataAddressOrToAnotherSchemeIsRefused() {
    assertThat(fetchUrl(LOCAL, base + "/to-metadata").text())
        .startsWith("web_fetch refused the redirect to http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a cloud metadata address");
    assertThat(fetchUrl(LOCAL, base + "/to-file").text())
        .isEqualTo("web_fetch refused the redirect from " + base + "/to-file to file:///etc/passwd: web_fetch fetches only http and https URLs, "
            + "not file:");
  }

  @Test
  void aLoopbackPageIsRefusedByDefaultEvenWhenTheServerIsUp() {
    assertThat(fetchUrl(GUARDED, base + "/page").text()).startsWith("web_fetch refused " + base + "/page: 127.0.0.1 is a loopback address");
  }

  @Test
  void anHtmlPageIsReducedToReadableTextUnderTheUntrustedHeader() {
    ToolResult result = fetchUrl(LOCAL, base + "/page");

    assertThat(result.status()).isEqualTo(ToolResult.Status.OK);
    assertThat(result.text()).isEqualTo(WebFetch.UNTRUSTED_HEADER + "\n"
        + "URL: " + base + "/page\n"
        + "Title: Fox facts\n"
        + "Content-Type: text/html\n"
        + "\n"
        + "Home [" + base + "/]\n"
        + "\n"
        + "# The quick fox\n"
        + "\n"
        + "Foxes are small omnivores. See more facts [" + base + "/more?x=1].\n"
        + "\n"
        + "- Red fox\n"
        + "- Arctic fox\n"
        + "  1. white in winter\n"
        + "\n"
        + "```\n"
        + "fox.jump(  dog );\n"
        + "  return;\n"
        + "```\n"
        + "\n"
        + "Use `fox --help`.\n"
        + "[end of web content]");
  }

  @Test
  void plainTextAndJsonArePassedThroughAndGzipIsUndone() {
    assertThat(fetchUrl(LOCAL, base + "/text").text()).isEqualTo(WebFetch.UNTRUSTED_HEADER + "\nURL: " + base + "/text\n"
        + "Content-Type: text/plain\n\nline one\nline two\n\n[end of web content]");
    assertThat(fetchUrl(LOCAL, base + "/json").text()).endsWith("Content-Type: application/json\n\n{\"a\": [1, 2]}\n[end of web content]");
    assertThat(fetchUrl(LOCAL, base + "/gzip").text()).endsWith("\n\nunzipped text\n[end of web content]");
  }

  @Test
  void otherContentTypesAreRefusedSayingWhatIsRead() {
    ToolResult result = fetchUrl(LOCAL, base + "/image");

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo(base + "/image is image/png (4 bytes), which web_fetch does not read; it reads HTML, plain text, JSON and XML.");
  }

  @Test
  void anErrorStatusIsAnErrorResultWithTheBodyMarkedUntrusted() {
    ToolResult result = fetchUrl(LOCAL, base + "/missing");

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo("HTTP 404 Not Found from " + base + "/missing\n\n" + WebFetch.UNTRUSTED_HEADER + "\nno such fox\n[end of web content]");
  }

  @Test
  void fiveRedirectsAreFollowedAndASixthIsRefused() {
    ToolResult five = fetchUrl(LOCAL, base + "/chain/5");
    ToolResult six = fetchUrl(LOCAL, base + "/chain/6");

    assertThat(five.text()).contains("URL: " + base + "/chain/0\n", "end of chain");
    assertThat(six.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(six.text()).isEqualTo("web_fetch stopped after 5 redirects; " + base + "/chain/1 redirects again, to /chain/0. "
        + "Fetch the final URL directly if you know it.");
  }

  @Test
  void aRelativeRedirectIsResolvedAgainstTheCurrentUrl() {
    assertThat(fetchUrl(LOCAL, base + "/relative").text()).contains("URL: " + base + "/text\n", "line one");
  }

  @Test
  void aBodyLargerThanTwoMebibytesIsReadUpToTheCapAndSaysSo() {
    ToolResult result = fetch(LOCAL, "{\"url\":\"" + base + "/big\",\"max_chars\":10}");

    assertThat(result.text()).isEqualTo(WebFetch.UNTRUSTED_HEADER + "\nURL: " + base + "/big\nContent-Type: text/plain\n"
        + "[the page is larger than 2 MiB; only its first 2097152 bytes were read]\n\n"
        + "aaaaaaaaaa\n[truncated: showing 10 of 2097152 characters; pass a larger max_chars (at most 50000) to see more]\n[end of web content]");
  }

  @Test
  void textBeyondMaxCharsIsCutWithANoteAndTheDefaultIsTwentyThousand() {
    ToolResult result = fetchUrl(LOCAL, base + "/long");

    assertThat(result.text()).contains("b".repeat(20_000) + "\n[truncated: showing 20000 of 30000 characters; pass a larger max_chars "
        + "(at most 50000) to see more]\n[end of web content]");
    assertThat(fetch(LOCAL, "{\"url\":\"" + base + "/long\",\"max_chars\":40000}").text()).doesNotContain("[truncated");
  }

  @Test
  void aFetchThatOutlivesTheTimeoutFails() {
    WebFetch impatient = new WebFetch(LoopbackAccess.ALLOW_LOOPBACK, WebFetch.Resolver.SYSTEM, Duration.ofMillis(300), WebFetch.MAX_BODY_BYTES);

    ToolResult result = fetchUrl(impatient, base + "/slow");

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo("fetching " + base + "/slow timed out: web_fetch gives a whole fetch 0.3 s");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      file:///etc/passwd         | web_fetch refused file:///etc/passwd: web_fetch fetches only http and https URLs, not file:
      ftp://example.com/x        | web_fetch refused ftp://example.com/x: web_fetch fetches only http and https URLs, not ftp:
      gopher://example.com:70/   | web_fetch refused gopher://example.com:70/: web_fetch fetches only http and https URLs, not gopher:
      example.com/page           | web_fetch refused example.com/page: "example.com/page" has no scheme; web_fetch fetches absolute http:// or https:// URLs
      http://user:pw@example.com/ | web_fetch refused http://user:pw@example.com/: URLs with credentials (user@host) are not fetched
      http://[fe80::1%25eth0]/   | web_fetch refused http://[fe80::1%25eth0]/: IPv6 zone ids ([fe80::1%25eth0]) are not fetched
      """)
  void otherSchemesAndMalformedUrlsAreRefused(String url, String message) {
    ToolResult result = fetchUrl(GUARDED, url);

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).isEqualTo(message);
  }

  @Test
  void badArgumentsAreErrorResults() {
    assertThat(fetch(GUARDED, "{}").text()).isEqualTo("web_fetch needs the argument \"url\"");
    assertThat(fetch(GUARDED, "{\"url\":\"http://example.com/\",\"selector\":\"p\"}").text())
        .isEqualTo("web_fetch has no argument \"selector\"; it accepts max_chars, url");
    assertThat(fetch(GUARDED, "{\"url\":\"http://example.com/\",\"max_chars\":0}").text())
        .isEqualTo("argument \"max_chars\" of web_fetch must be at least 1, not 0");
  }

  @Test
  void anAbortedCallIsCancelledBeforeItConnects() {
    ToolResult result = LOCAL.invoke(JSON.createObjectNode().put("url", base + "/text"), new ToolContext(new LocalFileSystem(dir), () -> true));

    assertThat(result.status()).isEqualTo(ToolResult.Status.CANCELLED);
  }
}
