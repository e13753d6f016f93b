package dev.lightspeed.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunsState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunViewsTest {
  @Test
  void theFirstQueuedRunOfAnIdleSessionIsRunningAndTheRestAreQueued() {
    RunsState idle = new RunsState(Optional.empty(), List.of(run(1), run(2)), Map.of(), Map.of(), 3, 1, 1, 1);

    assertThat(RunViews.status(idle, 1)).isEqualTo(RunStatus.RUNNING);
    assertThat(RunViews.status(idle, 2)).isEqualTo(RunStatus.QUEUED);
  }

  @Test
  void aRunBehindAnActiveRunIsQueued() {
    RunsState busy = new RunsState(Optional.of(run(1)), List.of(run(2)), Map.of(), Map.of(), 3, 1, 1, 1);

    assertThat(RunViews.status(busy, 2)).isEqualTo(RunStatus.QUEUED);
  }

  private static Run run(long id) {
    return Run.queued(id, "sub-" + id, List.of(), Json.Obj.EMPTY);
  }
}
