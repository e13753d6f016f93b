package dev.lightspeed.cli.gateway;

/**
 * A local directory cannot be used as asked: it exceeds the VFS limits, cannot be read or written, or is not
 * a safe place to write a snapshot into. The message says which and what to do.
 */
public final class LocalFilesException extends ClientException {
  public LocalFilesException(String message) {
    super(message, null);
  }

  public LocalFilesException(String message, Throwable cause) {
    super(message, cause);
  }
}
