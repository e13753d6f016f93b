package dev.lightspeed.cli;

import dev.lightspeed.cli.gateway.ClientException;
import dev.lightspeed.cli.gateway.GatewayException;
import dev.lightspeed.cli.gateway.GatewayUnreachableException;
import dev.lightspeed.cli.gateway.LocalFilesException;
import dev.lightspeed.cli.gateway.LocalServerException;
import dev.lightspeed.cli.gateway.NoProviderException;

/**
 * The exit codes of every client command, decided here and nowhere else, so scripts can rely on them. The
 * {@code HELP_*} lines are what {@code --help} lists ({@code code:meaning}, picocli's exit code list format).
 */
public final class ExitCodes {
  private ExitCodes() {}

  /** The command did what it was asked; for {@code chat}, the run completed. */
  public static final int OK = 0;
  /** The run failed (the reason is printed), or an unexpected error. */
  public static final int FAILED = 1;
  /** Bad usage or configuration: an unknown option, a malformed value, no model provider configured, an unusable local directory. */
  public static final int USAGE = 2;
  /** The run was cancelled (Ctrl-C, {@code /stop} or another client). */
  public static final int CANCELLED = 3;
  /** The gateway refused a call; the line names the error kind ({@code not_found}, {@code rejected}, ...). */
  public static final int GATEWAY_ERROR = 4;
  /** No gateway answers at the URL (or the embedded runtime could not start). */
  public static final int UNREACHABLE = 5;

  public static final String HEADING = "%nExit codes:%n";
  public static final String HELP_OK = "0:success (chat: the run completed)";
  public static final String HELP_FAILED = "1:the run failed, or an unexpected error";
  public static final String HELP_USAGE = "2:bad usage or configuration (e.g. no model provider configured, a directory over the VFS limits)";
  public static final String HELP_CANCELLED = "3:the run was cancelled";
  public static final String HELP_GATEWAY_ERROR = "4:the gateway refused a call (the message names the error kind)";
  public static final String HELP_UNREACHABLE = "5:the gateway is unreachable, or the embedded runtime could not start";

  /** {@return the exit code for {@code failure}} */
  public static int of(ClientException failure) {
    return switch (failure) {
      case GatewayException e -> GATEWAY_ERROR;
      case GatewayUnreachableException e -> UNREACHABLE;
      case NoProviderException e -> USAGE;
      case LocalFilesException e -> USAGE;
      case LocalServerException e -> switch (e.reason()) {
        case CONFIGURATION -> USAGE;
        case UNAVAILABLE -> UNREACHABLE;
      };
    };
  }
}
