package dev.lightspeed.server;

import dev.lightspeed.llm.config.ConfigurationException;
import dev.lightspeed.store.pg.SchemaMismatchException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java dev.lightspeed.server.ServerMain [both|gateway|worker|migrate]}: reads the environment,
 * starts the role (default {@code both}), prints where it listens, and runs until SIGTERM or SIGINT, when
 * it shuts down gracefully. Exit code 2 means bad usage or configuration, 1 a failure to start.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Started started = start(args, System.getenv(), System.out, System.err);
    if (started.server() == null) System.exit(started.exitCode());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("lightspeed server: shutting down");
      started.server().close();
      stopped.countDown();
    }, "lightspeed-shutdown"));
    stopped.await();
  }

  /** What {@link #start} did: a running server, or none and the exit code to leave with. */
  record Started(LightspeedServer server, int exitCode) {}

  /** {@return a writer that prefixes every line with "lightspeed server: "} */
  private static PrintWriter prefixed(PrintWriter target) {
    return new PrintWriter(target, true) {
      @Override
      public void println(String line) {
        super.println("lightspeed server: " + line);
      }
    };
  }

  /** Starts what {@code args} ask for, reporting to {@code out} and {@code err}; never exits the JVM. */
  static Started start(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Role role;
    try {
      if (args.length > 1) throw new IllegalArgumentException("expected at most one argument, the role");
      role = args.length == 0 ? Role.BOTH : Role.parse(args[0]);
    } catch (IllegalArgumentException e) {
      err.println("lightspeed server: " + e.getMessage());
      err.println("usage: lightspeed server [both|gateway|worker|migrate]");
      return new Started(null, 2);
    }
    ServerConfig config;
    Effects effects;
    try {
      config = ServerConfig.fromEnvironment(env);
      effects = Effects.fromEnvironment(env);
    } catch (ServerConfigException | ConfigurationException e) {
      err.println("lightspeed server: configuration error: " + e.getMessage());
      return new Started(null, 2);
    }
    if (role == Role.MIGRATE) {
      PrintWriter o = new PrintWriter(out, true);
      PrintWriter e = new PrintWriter(err, true);
      int code = new StoreSchema(config, prefixed(o), prefixed(e)).migrate();
      return new Started(null, code);
    }
    try {
      LightspeedServer server = LightspeedServer.start(config, role, effects, config.temporal().tuning());
      out.println("lightspeed server: role " + role.wire() + ", store " + server.storeDescription());
      out.println("lightspeed server: Temporal " + (server.embeddedTemporal() ? "embedded at " : "at ") + server.temporalAddress()
          + " (namespace " + config.temporal().namespace() + ", task queue " + config.temporal().taskQueue() + ")");
      if (role.servesGateway()) {
        out.println("lightspeed server: gateway listening on http://" + new HostPort(config.gatewayAddress().host(), server.gatewayPort())
            + " (POST /rpc, GET /sessions/{id}/stream, GET /health, GET /ready)");
      }
      return new Started(server, 0);
    } catch (ServerConfigException e) {
      err.println("lightspeed server: configuration error: " + e.getMessage());
      return new Started(null, 2);
    } catch (SchemaMismatchException e) {
      err.println("lightspeed server: cannot start: " + e.getMessage());
      return new Started(null, 1);
    } catch (RuntimeException e) {
      err.println("lightspeed server: failed to start: " + e.getMessage());
      return new Started(null, 1);
    }
  }
}
