package dev.lightspeed.app;

import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.server.ServerConfigException;
import dev.lightspeed.server.StoreSchema;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Model.CommandSpec;

/** What the schema commands share: reading the environment once and keeping the libraries' logs quiet. */
final class SchemaCommands {
  private SchemaCommands() {}

  static int run(CommandSpec spec, ToIntFunction<StoreSchema> action) {
    // An operator command prints its one-line result; the pool's and Flyway's progress notes are noise here.
    quiet("com.zaxxer.hikari");
    quiet("org.flywaydb");
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(System.getenv());
    } catch (ServerConfigException e) {
      spec.commandLine().getErr().println("lightspeed server " + spec.name() + ": configuration error: " + e.getMessage());
      return 2;
    }
    return action.applyAsInt(new StoreSchema(config, spec.commandLine().getOut(), spec.commandLine().getErr()));
  }

  private static void quiet(String logger) {
    String property = "org.slf4j.simpleLogger.log." + logger;
    if (System.getProperty(property) == null) System.setProperty(property, "warn");
  }
}
