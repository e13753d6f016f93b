package dev.lightspeed.cli.sessions;

import dev.lightspeed.api.session.SessionSummaryView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How sessions are shown in lists: one aligned line each (id, status, last update, name). */
public final class SessionTable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private SessionTable() {}

  /** {@return the header line matching {@link #row}} */
  public static String header() {
    return String.format("%-36s  %-6s  %-16s  %s", "ID", "STATUS", "UPDATED", "NAME");
  }

  /** {@return {@code session} as one line} */
  public static String row(SessionSummaryView session) {
    return String.format("%-36s  %-6s  %-16s  %s", session.id(), session.lifecycleStatus().wire(), time(session.updatedAtMs()),
        session.displayName() == null ? "" : session.displayName());
  }

  /** {@return {@code epochMs} as local date and time to the minute} */
  public static String time(long epochMs) {
    return TIME.format(Instant.ofEpochMilli(epochMs));
  }
}
