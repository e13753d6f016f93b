package dev.lightspeed.server.instructions;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The built-in instruction layer every session starts with ({@value #KEY}): how a Lightspeed agent works and
 * answers. Keyed and first in key order, so the prompt's stable prefix starts with it and later layers
 * (profile, session, the project's instruction files) refine it.
 */
public final class DefaultInstructions {
  public static final String KEY = "instructions.default";
  private static final String TEXT = load();

  private DefaultInstructions() {}

  /** {@return the built-in instructions} */
  public static String text() {
    return TEXT;
  }

  /** {@return the command that puts the built-in layer into a session, its text stored in {@code blobs}} */
  public static Command.UpsertContext command(BlobStore blobs, UniverseId universe) {
    Objects.requireNonNull(blobs, "blobs");
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    ContextItem item = new ContextItem(KEY, EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, blobs.put(universe, bytes), "text/markdown", null,
        "Lightspeed's built-in instructions", Math.max(1, bytes.length / 4), null, false);
    return new Command.UpsertContext(OptionalLong.empty(), List.of(item));
  }

  private static String load() {
    try (InputStream in = DefaultInstructions.class.getResourceAsStream("default-instructions.md")) {
      if (in == null) throw new IllegalStateException("default-instructions.md is missing from the server jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
