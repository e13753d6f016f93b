package dev.lightspeed.server.events;

import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.engine.core.LogCorruptionException;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a page of a session's log as event views, folding from the nearest cached position so a reader
 * that follows the log pays only for the new entries. Shared by {@code session/events/read} and the live
 * stream.
 */
public final class EventReader {
  /**
   * A page of views.
   *
   * @param next the seq of the last event returned, or the requested cursor when there is none
   * @param head the log's head when the page was read
   */
  public record Page(List<SessionEventView> events, long next, long head) {
    public Page {
      events = List.copyOf(events);
    }
  }

  private final Sessions sessions;

  public EventReader(Sessions sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /**
   * {@return up to {@code limit} events after seq {@code after}}
   *
   * @throws RpcException when the session does not exist or its log cannot be replayed
   */
  public Page read(SessionId session, long after, int limit) {
    LogPage page;
    try {
      page = sessions.log().readAfter(sessions.universe(), session, after, limit);
    } catch (SessionNotFoundException e) {
      throw Sessions.notFound(session);
    }
    if (page.entries().isEmpty()) return new Page(List.of(), after, page.head());
    Projection projection = sessions.at(session, after);
    List<SessionEventView> views = new ArrayList<>(page.entries().size());
    try {
      for (LogEntry entry : page.entries()) {
        Projection next = projection.apply(entry);
        views.add(EventViews.view(session.value(), entry, projection.state(), next.state()));
        projection = next;
      }
    } catch (LogCorruptionException e) {
      throw RpcException.internal("the event log of session \"" + session + "\" cannot be replayed: " + e.getMessage());
    }
    sessions.projections().remember(sessions.universe(), session, projection);
    return new Page(views, projection.head(), page.head());
  }
}
