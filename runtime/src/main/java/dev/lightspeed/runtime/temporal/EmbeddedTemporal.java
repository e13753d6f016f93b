package dev.lightspeed.runtime.temporal;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal for local use without a cluster: the Java SDK's test server (real gRPC API, real time, no time
 * skipping) listening on a real address so standard Temporal clients can inspect it. It keeps workflows in
 * memory only; the session event log is what survives a restart.
 *
 * <p>It binds the host it is given (loopback by default) rather than every interface, as the SDK's own
 * port-bound variant does: the server has no authentication, so it must not be reachable from the network
 * unless someone asks for that. The services are assembled from the SDK's test-server parts for that reason.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private EmbeddedTemporal(TestServicesStarter services, Server server, WorkflowServiceStubs stubs, WorkflowClient client) {
    this.services = services;
    this.server = server;
    this.stubs = stubs;
    this.client = client;
  }

  /**
   * Starts the server on {@code host:port} (port 0 picks a free one; an empty host means loopback).
   *
   * @throws IllegalStateException when the address is taken, naming it
   */
  public static EmbeddedTemporal start(String host, int port) {
    String bindHost = host.isEmpty() ? "127.0.0.1" : host;
    TestServicesStarter services = new TestServicesStarter(true, 0);
    Server server;
    try {
      ServerBuilder<?> builder = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port));
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      services.close();
      throw new IllegalStateException("cannot start the embedded Temporal server on " + bindHost + ":" + port + " (is another Lightspeed "
          + "server running? set LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR to another address): " + e.getMessage(), e);
    }
    String target = (bindHost.equals("0.0.0.0") ? "127.0.0.1" : bindHost) + ":" + server.getPort();
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    return new EmbeddedTemporal(services, server, stubs, client);
  }

  public WorkflowClient client() {
    return client;
  }

  /** {@return the port the server listens on} */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
