package dev.lightspeed.engine.run;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.CallState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run that was accepted and not yet finished: queued, running or cancelling.
 *
 * @param config the run's sparse overrides ({@code limits}, {@code generation}), as admitted
 * @param turns how many turns the run has started
 * @param toolRounds how many tool batches the run has started
 * @param lastTurnFinal true when the last turn ended without tool calls (the run is done unless steered)
 * @param lastOutput the content of the last assistant message, which becomes the run's output
 * @param prepared true once the host prepared the run (refreshed the context entries it derives from the
 *     world, such as the file catalog) before its first turn; see {@code RunEvent.Prepared}
 */
public record Run(
    long id,
    String submissionId,
    List<InputItem> input,
    Json.Obj config,
    RunStatus status,
    int turns,
    int toolRounds,
    Optional<Turn> openTurn,
    List<Steering> pendingSteering,
    boolean lastTurnFinal,
    Optional<BlobRef> lastOutput,
    boolean prepared) {

  public Run {
    Objects.requireNonNull(submissionId, "submissionId");
    input = List.copyOf(input);
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openTurn, "openTurn");
    pendingSteering = List.copyOf(pendingSteering);
    Objects.requireNonNull(lastOutput, "lastOutput");
  }

  public static Run queued(long id, String submissionId, List<InputItem> input, Json.Obj config) {
    return new Run(id, submissionId, input, config, RunStatus.QUEUED, 0, 0, Optional.empty(), List.of(), false, Optional.empty(), false);
  }

  public Run withStatus(RunStatus s) {
    return new Run(id, submissionId, input, config, s, turns, toolRounds, openTurn, pendingSteering, lastTurnFinal, lastOutput, prepared);
  }

  public Run withOpenTurn(Turn turn) {
    return new Run(id, submissionId, input, config, status, turns, toolRounds, Optional.of(turn), pendingSteering, lastTurnFinal, lastOutput, prepared);
  }

  public Run startTurn(Turn turn) {
    return new Run(id, submissionId, input, config, status, turns + 1, toolRounds, Optional.of(turn), pendingSteering, false, lastOutput, prepared);
  }

  public Run countToolRound() {
    return new Run(id, submissionId, input, config, status, turns, toolRounds + 1, openTurn, pendingSteering, lastTurnFinal, lastOutput, prepared);
  }

  public Run closeTurn(boolean wasFinal) {
    return new Run(id, submissionId, input, config, status, turns, toolRounds, Optional.empty(), pendingSteering, wasFinal, lastOutput, prepared);
  }

  public Run withPendingSteering(List<Steering> steering) {
    return new Run(id, submissionId, input, config, status, turns, toolRounds, openTurn, steering, lastTurnFinal, lastOutput, prepared);
  }

  public Run withLastOutput(BlobRef output) {
    return new Run(id, submissionId, input, config, status, turns, toolRounds, openTurn, pendingSteering, lastTurnFinal, Optional.of(output), prepared);
  }

  public Run withPrepared() {
    return new Run(id, submissionId, input, config, status, turns, toolRounds, openTurn, pendingSteering, lastTurnFinal, lastOutput, true);
  }

  public Turn turn() {
    return openTurn.orElseThrow(() -> new IllegalStateException("run " + id + " has no open turn"));
  }

  /** {@return the calls of the open turn's batch that wait for an approve or deny decision, in call order} */
  public List<CallState> awaitingApproval() {
    if (openTurn.isEmpty() || openTurn.get().batch().isEmpty()) return List.of();
    return openTurn.get().batch().get().calls().stream().filter(CallState::awaitingApproval).toList();
  }
}
