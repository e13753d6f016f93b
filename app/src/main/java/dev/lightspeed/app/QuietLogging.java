package dev.lightspeed.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps the embedded runtime's logging off the user's terminal: the server's log (slf4j-simple) goes to
 * {@code <logs>/lightspeed-chat.log}, java.util.logging (gRPC's) to {@code <logs>/lightspeed-chat-jul.log},
 * warnings and worse only. Takes effect only if nothing has logged yet in this process, and never overrides
 * an explicit {@code -Dorg.slf4j.simpleLogger.logFile}.
 */
final class QuietLogging {
  static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

  /** Where the embedded runtime's logs go. */
  enum Mode {
    /** Into files under {@code LIGHTSPEED_HOME/logs} (the default of the {@code lightspeed} command). */
    TO_FILES,
    /** Wherever the process's logging configuration sends them (tests). */
    AS_CONFIGURED
  }

  private QuietLogging() {}

  static void into(Path directory) {
    if (System.getProperty(LOG_FILE_PROPERTY) != null) return;
    try {
      Files.createDirectories(directory);
      System.setProperty(LOG_FILE_PROPERTY, directory.resolve("lightspeed-chat.log").toString());
      LogManager.getLogManager().reset();
      FileHandler jul = new FileHandler(directory.resolve("lightspeed-chat-jul.log").toString(), true);
      jul.setFormatter(new SimpleFormatter());
      Logger root = Logger.getLogger("");
      root.setLevel(Level.WARNING);
      root.addHandler(jul);
    } catch (IOException e) {
      // the home is not writable: logs stay where they were; the runtime's own start reports the store problem
    }
  }
}
