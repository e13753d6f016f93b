package dev.lightspeed.tools.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.fs.LocalFileSystem;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code web_fetch} over https to a server on loopback whose self-signed certificate (made with keytool here)
 * names only {@code fox.test}: the socket goes to the checked address while SNI and certificate checks use
 * the URL's host name.
 */
class WebFetchHttpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  static HttpsServer server;
  static SSLContext trustingTheTestCertificate;
  static final List<String> serverNames = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("fox.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", "fox", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=fox.test", "-ext", "SAN=dns:fox.test",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(keys);
    trustingTheTestCertificate = SSLContext.getInstance("TLS");
    trustingTheTestCertificate.init(null, tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/hello", x -> {
      serverNames.add(x.getRequestHeaders().getFirst("Host"));
      byte[] body = "hello over tls".getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "text/plain");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static ToolResult fetch(WebFetch tool, String url) {
    return tool.invoke(JSON.createObjectNode().put("url", url), ToolContext.of(new LocalFileSystem(dir)));
  }

  private static WebFetch fetcher(SSLContext tls) {
    return new WebFetch(LoopbackAccess.ALLOW_LOOPBACK, host -> List.of(InetAddress.getByName("127.0.0.1")), WebFetch.TIMEOUT,
        WebFetch.MAX_BODY_BYTES, tls.getSocketFactory());
  }

  @Test
  void theCertificateIsCheckedAgainstTheHostNameWhileTheSocketGoesToTheCheckedAddress() {
    int port = server.getAddress().getPort();

    ToolResult result = fetch(fetcher(trustingTheTestCertificate), "https://fox.test:" + port + "/hello");

    assertThat(result.status()).isEqualTo(ToolResult.Status.OK);
    assertThat(result.text()).contains("URL: https://fox.test:" + port + "/hello\n", "\nhello over tls\n");
    assertThat(serverNames).contains("fox.test:" + port);
  }

  @Test
  void aCertificateThatDoesNotNameTheHostFailsTheFetch() {
    int port = server.getAddress().getPort();

    ToolResult result = fetch(fetcher(trustingTheTestCertificate), "https://127.0.0.1:" + port + "/hello");

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).startsWith("cannot fetch https://127.0.0.1:" + port + "/hello: the TLS connection failed (")
        .contains("127.0.0.1");
  }

  @Test
  void anUntrustedCertificateFailsTheFetch() throws Exception {
    int port = server.getAddress().getPort();

    ToolResult result = fetch(fetcher(SSLContext.getDefault()), "https://fox.test:" + port + "/hello");

    assertThat(result.status()).isEqualTo(ToolResult.Status.ERROR);
    assertThat(result.text()).startsWith("cannot fetch https://fox.test:" + port + "/hello: the TLS connection failed (");
  }
}
