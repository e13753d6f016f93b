package dev.lightspeed.server;

import dev.lightspeed.runtime.temporal.EmbeddedTemporal;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The process's link to Temporal: an in-process server it owns (embedded mode) or a connection to a
 * cluster. Closing it stops the embedded server, or just the connection.
 */
final class TemporalConnection implements AutoCloseable {
  private final WorkflowClient client;
  private final HostPort address;
  private final Optional<EmbeddedTemporal> embedded;

  private TemporalConnection(WorkflowClient client, HostPort address, Optional<EmbeddedTemporal> embedded) {
    this.client = client;
    this.address = address;
    this.embedded = embedded;
  }

  /** Starts or connects to Temporal as {@code config} says. */
  static TemporalConnection open(ServerConfig.Temporal config) {
    if (config.embedded()) {
      EmbeddedTemporal temporal = EmbeddedTemporal.start(config.embeddedAddress().host(), config.embeddedAddress().port());
      return new TemporalConnection(temporal.client(), new HostPort(config.embeddedAddress().host(), temporal.port()), Optional.of(temporal));
    }
    HostPort address = config.address().orElseThrow();
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address.toString()).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(config.namespace()).build());
    return new TemporalConnection(client, address, Optional.empty());
  }

  WorkflowClient client() {
    return client;
  }

  /** {@return the frontend address, with the port actually bound in embedded mode} */
  HostPort address() {
    return address;
  }

  boolean embedded() {
    return embedded.isPresent();
  }

  /** Asks the frontend for its system info within two seconds; throws when it does not answer. */
  void ping() {
    client.getWorkflowServiceStubs().blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
  }

  @Override
  public void close() {
    if (embedded.isPresent()) {
      embedded.get().close();
    } else {
      client.getWorkflowServiceStubs().shutdown();
    }
  }
}
