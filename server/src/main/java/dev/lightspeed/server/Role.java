package dev.lightspeed.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a server process does. The default, {@link #BOTH}, serves the gateway and runs sessions in one
 * process, which is the only role embedded Temporal supports; the split roles scale gateways and workers
 * apart against a Temporal cluster.
 */
public enum Role {
  /** Gateway and worker in one process (default). */
  BOTH("both"),
  /** Only the HTTP gateway; sessions run in worker processes. */
  GATEWAY("gateway"),
  /** Only the worker that runs session workflows and their activities. */
  WORKER("worker"),
  /** Prepare the store's schema, then exit (nothing to do for the file store). */
  MIGRATE("migrate");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** {@return whether this role serves HTTP} */
  public boolean servesGateway() {
    return this == BOTH || this == GATEWAY;
  }

  /** {@return whether this role runs session workflows} */
  public boolean runsWorker() {
    return this == BOTH || this == WORKER;
  }

  /** {@return the role spelled {@code name}} @throws IllegalArgumentException listing the roles */
  public static Role parse(String name) {
    for (Role role : values()) if (role.wire.equals(name.toLowerCase(Locale.ROOT))) return role;
    throw new IllegalArgumentException("unknown role \"" + name + "\"; expected one of "
        + Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", ")));
  }
}
