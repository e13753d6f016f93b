package dev.lightspeed.engine.event;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.InputItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A run was accepted, started, steered, cancelled or finished. */
public sealed interface RunEvent extends Event {
  long run();

  @Override
  default Joins joins() {
    return Joins.run(run());
  }

  /**
   * A run request was admitted; it starts at once when the session is idle, else it waits in the queue.
   *
   * @param config the run's sparse overrides (limits, generation)
   * @param inputDigest fingerprint of input + config, to recognise a retried submission
   */
  record Accepted(long run, String submissionId, List<InputItem> input, Json.Obj config, String inputDigest) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.accepted";

    public Accepted {
      Objects.requireNonNull(submissionId, "submissionId");
      input = List.copyOf(input);
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(inputDigest, "inputDigest");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return Joins.run(run).withSubmission(submissionId);
    }
  }

  /** The run became the active run; its input entered the context. */
  record Started(long run) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.started";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /**
   * The host prepared the active run before its first turn: context entries it derives from the world (the
   * file catalog from the current workspace heads, later instruction files and skill catalogs) were brought
   * up to date, {@code applied} upserted by key and {@code removedKeys} removed. Both may be empty.
   */
  record Prepared(long run, List<ContextItem> applied, List<String> removedKeys) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.prepared";
    /** The source recorded on entries a preparation applied. */
    public static final EntrySource SOURCE = new EntrySource.Runtime("run preparation");

    public Prepared {
      applied = List.copyOf(applied);
      removedKeys = List.copyOf(removedKeys);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** A steering message was accepted for the active run; it enters the context at the next turn boundary. */
  record SteeringAccepted(long run, long steering, List<InputItem> input) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.steering_accepted";

    public SteeringAccepted {
      input = List.copyOf(input);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Every pending steering message up to {@code throughSteering} entered the context. */
  record SteeringDelivered(long run, long throughSteering) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.steering_delivered";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Cancellation was asked for; the run is cancelling until in-flight effects come back. */
  record CancellationRequested(long run) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.cancellation_requested";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The run finished; {@code output} is its last assistant message, if it produced one. */
  record Completed(long run, Optional<BlobRef> output) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.completed";

    public Completed {
      Objects.requireNonNull(output, "output");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The run failed; any open tool calls got the cancelled result. */
  record Failed(long run, FailureKind failure, BlobRef reason, String message) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.failed";

    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** A cancelling run came to rest. */
  record Cancelled(long run) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.cancelled";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** A queued run was cancelled before it started. */
  record QueuedCancelled(long run) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.queued_cancelled";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /**
   * The active run was ended at once, without waiting for in-flight effects: its open turn closed, pending
   * tool calls got the cancelled result, and late results are ignored.
   */
  record ForceCancelled(long run) implements RunEvent {
    public static final String KIND = "lightspeed.core.run.force_cancelled";

    @Override
    public String kind() {
      return KIND;
    }
  }
}
