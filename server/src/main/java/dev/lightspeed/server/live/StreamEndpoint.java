package dev.lightspeed.server.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.server.events.AppendSignal;
import dev.lightspeed.server.events.EventReader;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.log.SessionNotFoundException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /sessions/{id}/stream}: server-sent events for one session. {@code event: delta} carries the
 * text and reasoning deltas of the turn generating now ({@code {"sessionId","turnId","kind","text"}});
 * {@code event: event} carries each new log event as a {@code SessionEventView}, its seq as the SSE id, so
 * a client reconnects with {@code Last-Event-ID} (or {@code ?after=SEQ}) and misses nothing durable.
 * Without either it starts at the current head. A first {@code event: ready} tells the client it is
 * subscribed. The stream ends when the client goes away or the gateway stops.
 */
public final class StreamEndpoint implements Handler {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final int PAGE = 128;
  private static final int QUEUE = 4_096;
  private static final Object WAKE = new Object();

  private final Sessions sessions;
  private final EventReader reader;
  private final AppendSignal appends;
  private final LiveHub hub;
  private volatile boolean stopped;

  public StreamEndpoint(Sessions sessions, EventReader reader, AppendSignal appends, LiveHub hub) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.appends = Objects.requireNonNull(appends, "appends");
    this.hub = Objects.requireNonNull(hub, "hub");
  }

  /** Ends every open stream within {@link #POLL}; the gateway calls it before it stops. */
  public void stop() {
    stopped = true;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    SessionId session;
    long cursor;
    try {
      session = sessions.id(ctx.pathParam("id"));
      long head = sessions.summary(session).head();
      cursor = start(ctx, head);
    } catch (RpcException e) {
      boolean missing = e.error().code() == ErrorCodes.NOT_FOUND;
      ctx.status(missing ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST).contentType("application/json")
          .result(ApiJson.toJson(Map.of("error", e.error())));
      return;
    }
    ctx.res().setStatus(HttpStatus.OK.getCode());
    ctx.res().setContentType("text/event-stream;charset=utf-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    stream(session, cursor, new SseWriter(ctx.res().getOutputStream()));
  }

  private void stream(SessionId session, long cursor, SseWriter out) throws InterruptedException {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    LiveHub.Watching deltas = hub.watch(session.value(), queue::offer);
    AppendSignal.Listening wakes = appends.listen(sessions.universe(), session, () -> queue.offer(WAKE));
    try {
      out.event("ready", null, ApiJson.toJson(JsonNodeFactory.instance.objectNode().put("sessionId", session.value()).put("cursor", cursor)));
      long quietSince = System.nanoTime();
      while (!stopped) {
        Object first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
        List<Object> items = new ArrayList<>();
        if (first != null) items.add(first);
        queue.drainTo(items);
        boolean wrote = false;
        for (Object item : items) {
          if (item instanceof LiveHub.Delta delta) {
            out.event("delta", null, ApiJson.toJson(JsonNodeFactory.instance.objectNode().put("sessionId", delta.session())
                .put("turnId", String.valueOf(delta.turn())).put("kind", delta.kind().wire()).put("text", delta.text())));
            wrote = true;
          }
        }
        while (sessions.log().head(sessions.universe(), session) > cursor) {
          EventReader.Page page = reader.read(session, cursor, PAGE);
          for (SessionEventView view : page.events()) {
            out.event("event", String.valueOf(view.cursor().seq()), ApiJson.toJson(view));
          }
          wrote |= !page.events().isEmpty();
          if (page.next() == cursor) break;
          cursor = page.next();
        }
        if (wrote) {
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > HEARTBEAT.toNanos()) {
          out.comment("keep-alive");
          quietSince = System.nanoTime();
        }
      }
    } catch (IOException | RpcException | SessionNotFoundException clientGoneOrSessionDeleted) {
      // the client disconnected or the session was deleted: the stream simply ends
    } finally {
      wakes.close();
      deltas.close();
    }
  }

  private static long start(Context ctx, long head) {
    String raw = ctx.queryParam("after");
    if (raw == null) raw = ctx.header("Last-Event-ID");
    if (raw == null || raw.isBlank()) return head;
    try {
      long after = Long.parseLong(raw.strip());
      if (after >= 0 && after <= head) return after;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RpcException.invalidParams("after \"" + raw + "\" must be a seq between 0 and the session's head " + head);
  }
}
