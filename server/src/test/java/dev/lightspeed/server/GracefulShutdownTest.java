package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server answers the calls it holds instead of cutting them off or waiting them out. */
class GracefulShutdownTest {
  @TempDir Path home;

  @Test
  void aPendingLongPollIsAnsweredWhenTheServerStops() throws Exception {
    TestServer s = TestServer.scripted(home);
    try {
      s.rpc.call(Methods.SESSION_START, new SessionStartParams("stopping", null, null, null));
      long head = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams("stopping", null, null, null)).at("/headCursor/seq").asLong();
      CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(
          () -> s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams("stopping", new EventCursor(head), null, 25_000L)));
      Thread.sleep(300);
      assertThat(poll).isNotDone();

      long started = System.nanoTime();
      s.close();
      JsonNode page = poll.get(5, TimeUnit.SECONDS);
      assertThat(page.get("events")).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      s.close();
    }
  }
}
