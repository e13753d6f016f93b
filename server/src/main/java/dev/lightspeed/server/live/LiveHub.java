package dev.lightspeed.server.live;

import dev.lightspeed.llm.LiveListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans the deltas the LLM adapters stream out to whoever watches the session, as the worker's
 * {@link LiveListener}. Deltas nobody watches are dropped; a watcher that falls behind loses deltas, never
 * blocks the generation. Only turns generated in this process are seen. Safe for concurrent use.
 */
public final class LiveHub implements LiveListener {
  /** One piece of a live turn's output. */
  public record Delta(String session, long turn, Kind kind, String text) {
    /** Which stream a delta belongs to. */
    public enum Kind {
      TEXT("text"),
      REASONING("reasoning");

      private final String wire;

      Kind(String wire) {
        this.wire = wire;
      }

      public String wire() {
        return wire;
      }
    }
  }

  /** A registered watcher; closing it unregisters. */
  public interface Watching extends AutoCloseable {
    @Override
    void close();
  }

  private final Map<String, List<Consumer<Delta>>> watchers = new ConcurrentHashMap<>();

  @Override
  public void onTextDelta(String session, long turn, String text) {
    publish(new Delta(session, turn, Delta.Kind.TEXT, text));
  }

  @Override
  public void onReasoningDelta(String session, long turn, String text) {
    publish(new Delta(session, turn, Delta.Kind.REASONING, text));
  }

  /**
   * Calls {@code watcher} with each delta of session {@code session} until the returned handle is closed.
   * The watcher runs on the generating thread: it must be fast and must not throw.
   */
  public Watching watch(String session, Consumer<Delta> watcher) {
    Objects.requireNonNull(watcher, "watcher");
    watchers.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(watcher);
    return () -> {
      watchers.computeIfPresent(session, (s, list) -> {
        list.remove(watcher);
        return list.isEmpty() ? null : list;
      });
    };
  }

  private void publish(Delta delta) {
    List<Consumer<Delta>> list = watchers.get(delta.session());
    if (list == null) return;
    for (Consumer<Delta> watcher : list) watcher.accept(delta);
  }
}
