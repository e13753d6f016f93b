package dev.lightspeed.engine.run;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;
import java.util.Optional;

/**
 * How a finished run ended.
 *
 * @param output the last assistant message, for completed runs that produced one
 * @param failure the failure kind, for failed runs
 * @param reason a blob explaining a failure or cancellation, if any
 */
public record RunOutcome(long id, String submissionId, RunStatus status, Optional<BlobRef> output, Optional<FailureKind> failure, Optional<BlobRef> reason) {
  public RunOutcome {
    Objects.requireNonNull(submissionId, "submissionId");
    if (!status.terminal()) throw new IllegalArgumentException("not a terminal status: " + status);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(reason, "reason");
  }
}
