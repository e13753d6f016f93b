/**
 * The file-system abstraction the file tools work through ({@link dev.lightspeed.tools.fs.FileSystem},
 * {@link dev.lightspeed.tools.fs.FileSession}) and its local-directory implementation.
 */
package dev.lightspeed.tools.fs;
