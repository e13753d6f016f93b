package dev.lightspeed.tools.port;

import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.tools.fs.FileSystem;

/**
 * Finds the file system of the session a tool call belongs to. The host implements it from the session's
 * config ({@code features.vfs}, see {@link dev.lightspeed.tools.vfs.VfsFeature}); tests pass a fixed one.
 * Must be safe for concurrent use; may throw (an unusable config, a store failure), and the call then fails
 * with the exception's message.
 */
@FunctionalInterface
public interface FileSystemProvider {
  FileSystem fileSystem(EffectContext context);
}
