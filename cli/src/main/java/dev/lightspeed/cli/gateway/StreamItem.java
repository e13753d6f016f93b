package dev.lightspeed.cli.gateway;

import dev.lightspeed.api.events.SessionEventView;
import java.util.Objects;

/** One thing a session's live stream delivered, in the order it arrived. */
public sealed interface StreamItem {
  /** A piece of the text or reasoning the model is generating now; never stored, may be lost on reconnect. */
  record Delta(String turnId, Kind kind, String text) implements StreamItem {
    /** Which output a delta belongs to. */
    public enum Kind {
      TEXT,
      REASONING
    }

    public Delta {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A new entry of the session's event log; every one arrives exactly once, in seq order. */
  record Logged(SessionEventView event) implements StreamItem {
    public Logged {
      Objects.requireNonNull(event, "event");
    }
  }

  /** The stream broke and could not be restored; nothing more will arrive. */
  record Lost(GatewayUnreachableException reason) implements StreamItem {
    public Lost {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
