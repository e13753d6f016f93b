package dev.lightspeed.tools.web;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 {@code GET} sent to an address chosen and checked beforehand, over a plain socket (TLS for
 * https, with SNI and certificate checks against the URL's host name).
 *
 * <p><b>Why not {@code java.net.http}.</b> The SSRF guard must check the address the request actually goes
 * to. {@code HttpClient} resolves the host itself, when it connects, so a name could resolve to a public
 * address for the check and to {@code 127.0.0.1} for the connection (DNS rebinding); it has no per-client
 * resolver to pin the answer. Requesting the IP instead with a {@code Host} header does not work either:
 * {@code Host} is a restricted header there, and for https the TLS server name and the certificate check
 * would then be done against the IP. So this class takes the already-checked address, connects the socket to
 * it, and sets the host name itself where it belongs: the {@code Host} header, SNI and the endpoint
 * identification of the TLS handshake. No proxy is used (a proxy would resolve the name again).
 *
 * <p>The exchange is deliberately small: one request per connection ({@code Connection: close}), no
 * keep-alive, no redirects (the caller follows them, re-checking each target), bodies framed by
 * {@code Transfer-Encoding: chunked}, {@code Content-Length} or the end of the connection, and {@code gzip}
 * the only content coding undone. Every read is bounded by the deadline, checks the abort signal, and the body
 * stops at {@code maxBody} bytes (decoded, so a compressed bomb cannot get past it). Stateless; each call uses
 * its own socket.
 */
final class PinnedHttp {
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  static final String USER_AGENT = "Lightspeed-web_fetch/1";

  private PinnedHttp() {}

  /**
   * What came back: status, headers by lower-case name, and up to {@code maxBody} body bytes.
   *
   * @param truncated whether the body was longer than what was read
   */
  record Reply(int status, String reason, Map<String, List<String>> headers, byte[] body, boolean truncated) {
    Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /**
   * Sends {@code GET url} to {@code address} and reads the reply.
   *
   * @param tls makes the TLS layer of https requests (the JVM's default trusts the JVM's CA certificates)
   * @throws SocketTimeoutException when {@code deadlineNanos} (a {@link System#nanoTime()} value) passes first
   * @throws CancellationException when {@code aborted} turns true
   * @throws IOException when the connection, the TLS handshake or the reply fails
   */
  static Reply get(WebUrl url, InetAddress address, SSLSocketFactory tls, long deadlineNanos, int maxBody, BooleanSupplier aborted)
      throws IOException {
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress(address, url.port()), remainingMillis(deadlineNanos));
      Socket socket = url.tls() ? tls(tls, raw, url) : raw;
      try {
        socket.setSoTimeout(remainingMillis(deadlineNanos));
        if (socket instanceof SSLSocket ssl) ssl.startHandshake();
        OutputStream out = socket.getOutputStream();
        out.write(request(url).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = new Bounded(socket, socket.getInputStream(), deadlineNanos, aborted);
        return read(in, maxBody);
      } finally {
        if (socket != raw) socket.close();
      }
    }
  }

  private static Socket tls(SSLSocketFactory factory, Socket raw, WebUrl url) throws IOException {
    SSLSocket ssl = (SSLSocket) factory.createSocket(raw, url.host(), url.port(), true);
    SSLParameters params = ssl.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (url.literal().isEmpty()) params.setServerNames(List.of(new SNIHostName(url.host())));
    ssl.setSSLParameters(params);
    return ssl;
  }

  private static String request(WebUrl url) {
    return "GET " + url.requestTarget() + " HTTP/1.1\r\n"
        + "Host: " + url.hostHeader() + "\r\n"
        + "User-Agent: " + USER_AGENT + "\r\n"
        + "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.9,*/*;q=0.5\r\n"
        + "Accept-Encoding: gzip\r\n"
        + "Connection: close\r\n"
        + "\r\n";
  }

  private static Reply read(InputStream in, int maxBody) throws IOException {
    int[] headerBudget = {MAX_HEADER_BYTES};
    while (true) {
      String statusLine = line(in, headerBudget);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
        throw new IOException("the server did not answer with HTTP/1.x (status line \"" + abbreviate(statusLine) + "\")");
      }
      int status = Integer.parseInt(parts[1]);
      Map<String, List<String>> headers = headers(in, headerBudget);
      if (status >= 100 && status < 200) continue;
      String reason = parts.length > 2 ? parts[2] : "";
      if (status == 204 || status == 304) return new Reply(status, reason, headers, new byte[0], false);
      InputStream body = framed(in, headers);
      if (first(headers, "content-encoding").map(e -> e.strip().equalsIgnoreCase("gzip")).orElse(false)) body = new GZIPInputStream(body);
      byte[] bytes = body.readNBytes(maxBody);
      boolean truncated = bytes.length == maxBody && body.read() >= 0;
      return new Reply(status, reason, headers, bytes, truncated);
    }
  }

  private static InputStream framed(InputStream in, Map<String, List<String>> headers) throws IOException {
    if (first(headers, "transfer-encoding").map(t -> t.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) return new Chunked(in);
    Optional<String> length = first(headers, "content-length");
    if (length.isPresent()) {
      String value = length.get().strip();
      if (!value.matches("\\d{1,18}")) throw new IOException("the server sent an invalid Content-Length \"" + abbreviate(value) + "\"");
      return new Limited(in, Long.parseLong(value));
    }
    return in;
  }

  private static Map<String, List<String>> headers(InputStream in, int[] budget) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in, budget); !line.isEmpty(); line = line(in, budget)) {
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
    }
    return headers;
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@return one header-section line without its CR LF (a bare LF is accepted)} */
  private static String line(InputStream in, int[] budget) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) throw new EOFException("the connection closed in the middle of the reply's headers");
      if (--budget[0] < 0) throw new IOException("the reply's headers are longer than " + MAX_HEADER_BYTES / 1024 + " KiB");
      if (b == '\n') break;
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
    long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remaining <= 0) throw new SocketTimeoutException("the deadline passed");
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  /** The socket's stream, with each read bounded by what is left until the deadline and checking the abort signal. */
  private static final class Bounded extends FilterInputStream {
    private final Socket socket;
    private final long deadlineNanos;
    private final BooleanSupplier aborted;

    Bounded(Socket socket, InputStream in, long deadlineNanos, BooleanSupplier aborted) {
      super(in);
      this.socket = socket;
      this.deadlineNanos = deadlineNanos;
      this.aborted = aborted;
    }

    private void before() throws IOException {
      if (aborted.getAsBoolean()) throw new CancellationException("aborted");
      socket.setSoTimeout(remainingMillis(deadlineNanos));
    }

    @Override
    public int read() throws IOException {
      before();
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      before();
      return in.read(b, off, len);
    }
  }

  /** Exactly {@code length} bytes of the underlying stream, then end of stream. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) return -1;
      int b = in.read();
      if (b < 0) throw new EOFException("the connection closed before the whole body (Content-Length) arrived");
      left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) throw new EOFException("the connection closed before the whole body (Content-Length) arrived");
      left -= n;
      return n;
    }
  }

  /** The body of a {@code Transfer-Encoding: chunked} reply, decoded; trailers are read and ignored. */
  private static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) return -1;
      if (left == 0) {
        int[] budget = {MAX_HEADER_BYTES};
        String size = line(in, budget);
        int semicolon = size.indexOf(';');
        String hex = (semicolon < 0 ? size : size.substring(0, semicolon)).strip();
        if (!hex.matches("[0-9A-Fa-f]{1,15}")) throw new IOException("the server sent an invalid chunk size \"" + abbreviate(hex) + "\"");
        left = Long.parseLong(hex, 16);
        if (left == 0) {
          String trailer;
          do trailer = line(in, budget); while (!trailer.isEmpty()); // trailer fields carry nothing web_fetch uses
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) throw new EOFException("the connection closed in the middle of a chunk");
      left -= n;
      if (left == 0) {
        int[] budget = {2};
        if (!line(in, budget).isEmpty()) throw new IOException("a chunk was not followed by CR LF");
      }
      return n;
    }
  }
}
