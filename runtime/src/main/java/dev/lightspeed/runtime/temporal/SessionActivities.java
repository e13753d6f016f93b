package dev.lightspeed.runtime.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The session workflow's contact with the world. Every input and output is ids, blob refs, heads and small
 * facts: requests are rebuilt inside the activity from the event log at the given head, so Temporal's
 * history per turn does not grow with the transcript. Storage activities are idempotent.
 */
@ActivityInterface
public interface SessionActivities {

  /**
   * Folds the session's log into state inside the activity and returns it compactly.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, type {@value Failures#STATE_TOO_LARGE} above the
   *     size guard, or {@value Failures#SESSION_NOT_FOUND}
   */
  @ActivityMethod
  LoadedSession loadSession(String universe, String session);

  /** Appends canonical log entries after {@code expectedHead}; a retry of a committed append is confirmed. {@return the new head} */
  @ActivityMethod
  long appendEvents(String universe, String session, long expectedHead, List<String> entries);

  /** Stores UTF-8 text as a blob. {@return its ref} */
  @ActivityMethod
  String putBlob(String universe, String text);

  /**
   * Prepares run {@code run} as the log stood at {@code head} (see {@link RunPreparer}). {@return the encoded
   * result; an unchanged one when the run no longer waits for it}
   */
  @ActivityMethod
  String prepareRun(String universe, String session, long head, long run);

  /**
   * Rebuilds the request of turn {@code turn} of run {@code run} from the log at {@code head} and runs one
   * generation. Transient provider errors are thrown for Temporal to retry (with the provider's
   * Retry-After as the next delay); terminal ones come back as a failed result. An attempt that finds the
   * run ended or cancelling in the log (the workflow abandoned it) answers cancelled without calling the
   * provider. {@return the encoded result}
   */
  @ActivityMethod
  String generateTurn(String universe, String session, long head, long run, long turn);

  /** Runs the standalone compaction pending at {@code head}. {@return the encoded result} */
  @ActivityMethod
  String compactContext(String universe, String session, long head, long run);

  /**
   * Runs one tool call, dispatched when the log's head was {@code task.head()}; a call whose run has ended or is
   * cancelling by the time it starts is answered cancelled without running. {@return the encoded result}
   */
  @ActivityMethod
  String invokeToolCall(ToolCallTask task);
}
