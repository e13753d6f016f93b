package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake LLM provider on loopback: an HTTP/1.1 server on {@code 127.0.0.1} and a free port that answers
 * each request with the next queued {@link FakeResponse} and records what was sent. Adapters under test
 * point their base URL at {@link #baseUrl()} and append {@code /v1/responses}, {@code /v1/chat/completions},
 * {@code /v1/messages?beta=true}, {@code /v1/models} and so on; the server does not route, it serves what
 * the test queued, whatever the path.
 *
 * <p>Queues: {@link #enqueue(FakeResponse)} adds to the shared queue; {@link #enqueue(String, FakeResponse)}
 * adds to a queue for one path prefix. A request takes the head of the non-empty path queue with the longest
 * prefix matching its path (compared without the query, on segment boundaries: {@code /v1/responses} matches
 * {@code /v1/responses/compact} but not {@code /v1/responsesX}), otherwise the head of the shared queue. A
 * request that finds nothing gets a 500 whose OpenAI-shaped error body says
 * {@code fake provider: no response queued for POST /v1/...}, so an under-scripted test fails loudly.
 *
 * <p>Every request is recorded when it has been read, before its response is sent, so a test can
 * {@link #takeRequest()} while the response is still delayed or hanging.
 *
 * <p>Each connection is served on its own virtual thread, with keep-alive. A connection whose response was
 * dropped or hung, or whose client went away, is closed. The server notices a client that closes the
 * connection during a delay or a hang and stops at once. Thread-safe. {@link #close()} closes every
 * connection, which also ends hung responses.
 */
public final class FakeProviderServer implements AutoCloseable {
  /** How long {@link #takeRequest()} waits. */
  public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(5);

  private final ServerSocket serverSocket;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Object queueLock = new Object();
  private final ArrayDeque<FakeResponse> sharedQueue = new ArrayDeque<>();
  private final Map<String, ArrayDeque<FakeResponse>> pathQueues = new LinkedHashMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closed;

  private FakeProviderServer(ServerSocket serverSocket) {
    this.serverSocket = serverSocket;
  }

  /** Starts a server on {@code 127.0.0.1} and a free port. */
  public static FakeProviderServer start() {
    ServerSocket socket;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the fake provider to 127.0.0.1", e);
    }
    FakeProviderServer server = new FakeProviderServer(socket);
    server.threads.submit(server::acceptLoop);
    return server;
  }

  /** {@return {@code http://127.0.0.1:PORT}, without a trailing slash} */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
  }

  /** {@return {@link #baseUrl()} followed by {@code path}, e.g. {@code url("/v1/responses")}} */
  public URI url(String path) {
    if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/': " + path);
    return URI.create(baseUrl() + path);
  }

  /** Queues {@code response} for the next request that no path queue serves. */
  public FakeProviderServer enqueue(FakeResponse response) {
    Objects.requireNonNull(response, "response");
    synchronized (queueLock) {
      sharedQueue.add(response);
    }
    return this;
  }

  /**
   * Queues {@code response} for the next request whose path (without the query) is {@code pathPrefix} or
   * lies below it. These queues are checked before the shared one.
   */
  public FakeProviderServer enqueue(String pathPrefix, FakeResponse response) {
    Objects.requireNonNull(response, "response");
    if (!pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException("path prefix must start with '/': " + pathPrefix);
    }
    synchronized (queueLock) {
      pathQueues.computeIfAbsent(pathPrefix, p -> new ArrayDeque<>()).add(response);
    }
    return this;
  }

  /** {@return how many queued responses no request has taken yet} */
  public int queuedCount() {
    synchronized (queueLock) {
      return sharedQueue.size() + pathQueues.values().stream().mapToInt(ArrayDeque::size).sum();
    }
  }

  /**
   * {@return the oldest request not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}}
   *
   * @throws AssertionError when no request arrives in time
   */
  public RecordedRequest takeRequest() {
    return takeRequest(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * {@return the oldest request not yet taken, waiting up to {@code timeout}}
   *
   * @throws AssertionError when no request arrives in time
   */
  public RecordedRequest takeRequest(Duration timeout) {
    RecordedRequest request;
    try {
      request = untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a request", e);
    }
    if (request == null) {
      throw new AssertionError(
          "fake provider: no request arrived within " + timeout + " (" + requestCount() + " received in all)");
    }
    return request;
  }

  /** {@return every request received so far, in arrival order, taken or not} */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public int requestCount() {
    synchronized (requests) {
      return requests.size();
    }
  }

  /**
   * {@return how many responses are being sent right now, including ones that are delayed or hung} It drops
   * when a response is complete or its client went away, so it tells whether a client really abandoned a
   * stream it cancelled.
   */
  public int responsesInFlight() {
    return inFlight.get();
  }

  /** Stops accepting, closes every connection (ending delayed and hung responses) and waits for the threads. */
  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : connections) closeQuietly(socket);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.add(socket);
      if (closed) {
        closeQuietly(socket);
        return;
      }
      threads.submit(() -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      Http1Connection connection = new Http1Connection(socket);
      while (!closed) {
        Optional<Http1Connection.Request> read;
        try {
          read = connection.readRequest();
        } catch (Http1Connection.MalformedRequestException e) {
          connection.sendBadRequest(e.getMessage());
          return;
        }
        if (read.isEmpty()) return;
        Http1Connection.Request request = read.get();
        RecordedRequest recorded = record(request);
        FakeResponse response = dispatch(recorded);
        inFlight.incrementAndGet();
        boolean reusable;
        try {
          reusable = connection.send(response);
        } finally {
          inFlight.decrementAndGet();
        }
        if (!reusable || request.wantsClose()) return;
      }
    } catch (IOException e) {
      // the client went away mid-exchange, or close() closed the socket: nothing left to serve
    } finally {
      connections.remove(socket);
    }
  }

  private RecordedRequest record(Http1Connection.Request request) {
    RecordedRequest recorded;
    synchronized (requests) {
      recorded = new RecordedRequest(
          requests.size(), request.method(), request.target(), request.headers(), request.body());
      requests.add(recorded);
    }
    untaken.add(recorded);
    return recorded;
  }

  private FakeResponse dispatch(RecordedRequest request) {
    String path = request.pathWithoutQuery();
    synchronized (queueLock) {
      String best = null;
      for (Map.Entry<String, ArrayDeque<FakeResponse>> queue : pathQueues.entrySet()) {
        String prefix = queue.getKey();
        boolean longer = best == null || prefix.length() > best.length();
        if (longer && !queue.getValue().isEmpty() && matches(prefix, path)) best = prefix;
      }
      if (best != null) return pathQueues.get(best).remove();
      if (!sharedQueue.isEmpty()) return sharedQueue.remove();
    }
    return nothingQueued(request);
  }

  private static boolean matches(String prefix, String path) {
    if (!path.startsWith(prefix)) return false;
    return path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/';
  }

  private static FakeResponse nothingQueued(RecordedRequest request) {
    Json.Obj error = Json.Obj.builder()
        .put("message", "fake provider: no response queued for " + request.method() + " " + request.path())
        .put("type", "fake_provider_error")
        .put("param", Json.NULL)
        .put("code", Json.NULL)
        .build();
    return FakeResponse.error(500, WireJson.write(Json.Obj.builder().put("error", error).build()));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
