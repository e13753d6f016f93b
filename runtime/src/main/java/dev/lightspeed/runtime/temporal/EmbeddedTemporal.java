package dev.lightspeed.runtime.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Temporal for local use without a cluster: the Java SDK's in-process server (real gRPC API, real time, no
 * time skipping) bound to a port so standard Temporal clients can inspect it. It keeps workflows in memory
 * only; the session event log is what survives a restart.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  private final TestServer.PortBoundTestServer server;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final int port;

  private EmbeddedTemporal(TestServer.PortBoundTestServer server, WorkflowServiceStubs stubs, WorkflowClient client, int port) {
    this.server = server;
    this.stubs = stubs;
    this.client = client;
    this.port = port;
  }

  /**
   * Starts the server on {@code host:port} (port 0 picks a free one).
   *
   * @throws IllegalStateException when the port is taken, naming it
   */
  public static EmbeddedTemporal start(String host, int port) {
    int chosen = port == 0 ? freePort() : port;
    TestServer.PortBoundTestServer server;
    try {
      server = TestServer.createPortBoundServer(chosen);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start the embedded Temporal server on port " + chosen + " (is another Lightspeed server "
          + "running? set LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR to another address): " + e.getMessage(), e);
    }
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget((host.isEmpty() ? "127.0.0.1" : host) + ":" + chosen).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    return new EmbeddedTemporal(server, stubs, client, chosen);
  }

  public WorkflowClient client() {
    return client;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    server.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port for the embedded Temporal server", e);
    }
  }
}
