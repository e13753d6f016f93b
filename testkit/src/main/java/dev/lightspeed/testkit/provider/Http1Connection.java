package dev.lightspeed.testkit.provider;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of one HTTP/1.1 connection: reads requests, writes {@link FakeResponse}s. Written on a plain
 * socket rather than {@code com.sun.net.httpserver} because the fake must notice a client that went away
 * while it waits (a delay, a hang) without writing anything, and must be able to end a connection in the
 * middle of a body; {@code HttpServer} offers neither. One thread uses an instance at a time.
 */
final class Http1Connection {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 200;
  private static final int MAX_BODY = 256 * 1024 * 1024;

  /** A request as read off the wire. */
  record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
    boolean wantsClose() {
      return headers.stream()
          .anyMatch(h -> h.getKey().equalsIgnoreCase("connection")
              && h.getValue().toLowerCase(Locale.ROOT).contains("close"));
    }
  }

  /** A request that could not be parsed; the server answers 400 and closes. */
  static final class MalformedRequestException extends IOException {
    MalformedRequestException(String message) {
      super(message);
    }
  }

  private final Socket socket;
  private final BufferedInputStream in;
  private final OutputStream out;

  Http1Connection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  /** {@return the next request, or empty when the client closed the connection between requests} */
  Optional<Request> readRequest() throws IOException {
    String requestLine = readLine(true);
    if (requestLine == null) return Optional.empty();
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new MalformedRequestException("malformed request line: " + requestLine);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
      int colon = line.indexOf(':');
      if (colon <= 0) throw new MalformedRequestException("malformed header line: " + line);
      if (headers.size() == MAX_HEADERS) throw new MalformedRequestException("more than " + MAX_HEADERS + " headers");
      headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
    if (headerValue(headers, "expect").filter(v -> v.equalsIgnoreCase("100-continue")).isPresent()) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    byte[] body = readBody(headers);
    return Optional.of(new Request(parts[0], parts[1], List.copyOf(headers), body));
  }

  /**
   * Sends {@code response} with its delays and its ending.
   *
   * @return whether the connection may carry another request; false when the client went away, or the
   *     response was dropped or hung on purpose
   */
  boolean send(FakeResponse response) throws IOException {
    if (!stillThereAfter(response.delayBeforeHeaders())) return false;
    List<byte[]> events = response.eventBytes();
    writeHead(response);
    out.flush();
    int sent = response.ending() == FakeResponse.Ending.COMPLETE ? events.size() : response.endingAfter();
    for (int i = 0; i < sent; i++) {
      if (i > 0 && !stillThereAfter(response.delayBetweenEvents())) return false;
      byte[] event = events.get(i);
      if (response.isSse()) {
        if (event.length == 0) continue; // an empty chunk would end the body
        out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(event);
        out.write('\r');
        out.write('\n');
      } else {
        out.write(event);
      }
      out.flush();
    }
    switch (response.ending()) {
      case COMPLETE -> {
        if (response.isSse()) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        return true;
      }
      case DROP -> {
        return false;
      }
      case HANG -> {
        awaitClientGone(null);
        return false;
      }
    }
    throw new AssertionError(response.ending());
  }

  /** Answers a request that could not be parsed; the caller closes the connection afterwards. */
  void sendBadRequest(String message) throws IOException {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** Waits {@code delay} unless the client goes away first; {@return whether the client is still there} */
  private boolean stillThereAfter(Duration delay) {
    if (delay.isZero()) return true;
    return !awaitClientGone(delay);
  }

  /**
   * Blocks until the client closes the connection or {@code timeout} passes ({@code null}: no timeout).
   * The client sends nothing while it waits for a response, so a read returns only when it closes; any
   * byte it does send counts as going away, since HTTP/1.1 clients do not pipeline. Closing the socket from
   * another thread (server shutdown) also ends the wait.
   *
   * @return true when the client went away, false when the timeout passed
   */
  private boolean awaitClientGone(Duration timeout) {
    try {
      socket.setSoTimeout(timeout == null ? 0 : timeoutMillis(timeout));
      in.read();
      return true;
    } catch (SocketTimeoutException timedOut) {
      return false;
    } catch (IOException closed) {
      return true;
    } finally {
      try {
        socket.setSoTimeout(0);
      } catch (IOException ignored) {
        // the socket is closed; the next write fails and ends the exchange
      }
    }
  }

  private static int timeoutMillis(Duration timeout) {
    long millis = timeout.toMillis() + (timeout.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  private void writeHead(FakeResponse response) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
    for (Map.Entry<String, String> h : response.headerList()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (response.isSse()) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      int length = response.eventBytes().stream().mapToInt(e -> e.length).sum();
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] readBody(List<Map.Entry<String, String>> headers) throws IOException {
    Optional<String> transferEncoding = headerValue(headers, "transfer-encoding");
    if (transferEncoding.isPresent() && transferEncoding.get().toLowerCase(Locale.ROOT).contains("chunked")) {
      return readChunkedBody();
    }
    Optional<String> contentLength = headerValue(headers, "content-length");
    if (contentLength.isEmpty()) return new byte[0];
    long length;
    try {
      length = Long.parseLong(contentLength.get());
    } catch (NumberFormatException e) {
      throw new MalformedRequestException("bad Content-Length: " + contentLength.get());
    }
    if (length < 0 || length > MAX_BODY) throw new MalformedRequestException("bad Content-Length: " + length);
    return readExactly((int) length);
  }

  private byte[] readChunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(false);
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new MalformedRequestException("bad chunk size: " + sizeLine);
      }
      if (size < 0 || body.size() + (long) size > MAX_BODY) throw new MalformedRequestException("body too large");
      if (size == 0) {
        while (!readLine(false).isEmpty()) {
          // skip trailers
        }
        return body.toByteArray();
      }
      body.writeBytes(readExactly(size));
      if (!readLine(false).isEmpty()) throw new MalformedRequestException("missing CRLF after chunk");
    }
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) throw new EOFException("request body ended after " + bytes.length + " of " + length);
    return bytes;
  }

  /** Reads a CRLF- or LF-terminated line; null at end of stream only when {@code eofAllowed} and nothing read. */
  private String readLine(boolean eofAllowed) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    InputStream stream = in;
    while (true) {
      int b = stream.read();
      if (b < 0) {
        if (eofAllowed && line.size() == 0) return null;
        throw new EOFException("connection closed in the middle of a request");
      }
      if (b == '\n') break;
      if (line.size() == MAX_LINE) throw new MalformedRequestException("line longer than " + MAX_LINE + " bytes");
      line.write(b);
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }

  private static Optional<String> headerValue(List<Map.Entry<String, String>> headers, String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 529 -> "Site Overloaded";
      default -> "Status " + status;
    };
  }
}
