package dev.lightspeed.store.fs;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.json.JsonSyntaxException;
import dev.lightspeed.store.log.LogCorruptedException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

/**
 * The content of {@code meta.json}: the session's summary plus an incarnation token, a random id chosen at
 * create. The token tells a cached index of a deleted and re-created session apart from the current one even
 * when the file system reuses the file's inode.
 */
record SessionMeta(SessionSummary summary, String incarnation) {
  SessionMeta {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(incarnation, "incarnation");
  }

  SessionMeta withSummary(SessionSummary next) {
    return new SessionMeta(next, incarnation);
  }

  /**
   * Reads the session's meta file.
   *
   * @throws NoSuchFileException when the session does not exist
   * @throws LogCorruptedException when the file is not a meta document of this session
   */
  static SessionMeta read(SessionFiles files) throws IOException {
    String text = Files.readString(files.meta(), StandardCharsets.UTF_8);
    try {
      Json.Obj obj = CanonicalJson.parseObject(text);
      if (!obj.string("universe").equals(files.universe().value()) || !obj.string("session").equals(files.session().value())) {
        throw new JsonShapeException("it names session \"" + obj.string("session") + "\" in universe \""
            + obj.string("universe") + "\"");
      }
      SessionSummary summary = new SessionSummary(
          files.universe(),
          files.session(),
          SessionLifecycle.fromWireName(obj.string("lifecycle")),
          obj.number("head"),
          obj.number("createdAtMs"),
          obj.number("updatedAtMs"),
          obj.number("closedAtSeq"));
      return new SessionMeta(summary, obj.string("incarnation"));
    } catch (JsonSyntaxException | JsonShapeException | IllegalArgumentException e) {
      throw new LogCorruptedException(files.universe(), files.session(), 0, "meta.json is unreadable: " + e.getMessage(), e);
    }
  }

  /** Replaces the meta file atomically. */
  void write(SessionFiles files) throws IOException {
    AtomicFileWrite.write(files.meta(), (CanonicalJson.write(toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  Json.Obj toJson() {
    return Json.Obj.builder()
        .put("universe", summary.universe().value())
        .put("session", summary.id().value())
        .put("incarnation", incarnation)
        .put("lifecycle", summary.lifecycle().wireName())
        .put("head", summary.head())
        .put("createdAtMs", summary.createdAtMs())
        .put("updatedAtMs", summary.updatedAtMs())
        .put("closedAtSeq", summary.closedAtSeq())
        .build();
  }
}
