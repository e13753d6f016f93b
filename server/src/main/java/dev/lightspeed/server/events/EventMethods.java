package dev.lightspeed.server.events;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.events.SessionEventsReadResponse;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.log.SessionNotFoundException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code session/events/read}: a page of {@code limit} events (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}) after the cursor. With {@code waitMs} and nothing to return it holds the call until
 * an event lands or the wait (capped at {@link #MAX_WAIT}) runs out, then answers a normal page. The log
 * keeps every event, so no page reports a gap.
 */
public final class EventMethods {
  public static final int DEFAULT_LIMIT = 128;
  public static final int MAX_LIMIT = 512;
  public static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Sessions sessions;
  private final EventReader reader;
  private final AppendSignal appends;

  public EventMethods(Sessions sessions, EventReader reader, AppendSignal appends) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.appends = Objects.requireNonNull(appends, "appends");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.EVENTS_READ, SessionEventsReadParams.class, this::read);
  }

  private SessionEventsReadResponse read(SessionEventsReadParams params) {
    SessionId session = sessions.id(params.sessionId());
    long limit = params.limit() == null ? DEFAULT_LIMIT : params.limit();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw RpcException.invalidParams("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    long after = params.after() == null ? 0 : params.after().seq();
    long head = sessions.summary(session).head();
    if (after > head) {
      throw RpcException.invalidParams("after.seq " + after + " is past the end of session \"" + session + "\" (head " + head
          + "); continue from the headCursor of an earlier page");
    }
    long waitMs = params.waitMs() == null ? 0 : Math.min(params.waitMs(), MAX_WAIT.toMillis());
    if (after == head && waitMs > 0) {
      try {
        appends.awaitAfter(sessions.universe(), session, after, Duration.ofMillis(waitMs));
      } catch (SessionNotFoundException e) {
        throw Sessions.notFound(session);
      }
    }
    EventReader.Page page = reader.read(session, after, (int) limit);
    return new SessionEventsReadResponse(page.events(), new EventCursor(page.next()), new EventCursor(page.head()),
        page.next() >= page.head(), null);
  }
}
