package dev.lightspeed.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The production timings of the session workflow are the ones the hosting design promises. */
class WorkflowTuningTest {

  @Test
  void theDefaultsAreTheDesignsFigures() {
    WorkflowTuning t = WorkflowTuning.DEFAULT;
    assertThat(t.historyThreshold()).as("continue-as-new threshold").isEqualTo(10_000);
    assertThat(t.forceCancelAfterMs()).as("force-cancel after").isEqualTo(60_000);
    assertThat(t.llmInitialRetryMs()).isEqualTo(2_000);
    assertThat(t.llmMaxRetryMs()).isEqualTo(60_000);
    assertThat(t.llmMaxAttempts()).isEqualTo(15);
    assertThat(t.llmScheduleToCloseMs()).isEqualTo(Duration.ofMinutes(15).toMillis());
    assertThat(t.heartbeatTimeoutMs()).isEqualTo(10_000);
    assertThat(Heartbeating.interval(Duration.ofMillis(t.heartbeatTimeoutMs()))).as("heartbeat every").isEqualTo(Duration.ofSeconds(2));
    assertThat(SessionWorker.WORKFLOW_CACHE_SIZE).as("sticky cache for thousands of parked sessions").isGreaterThanOrEqualTo(1_000);
  }

  @Test
  void aShortHeartbeatTimeoutBeatsFourTimesPerTimeout() {
    assertThat(Heartbeating.interval(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(500));
    assertThat(Heartbeating.interval(Duration.ZERO)).isEqualTo(Heartbeating.MAX_INTERVAL);
  }

  @Test
  void aThresholdOrAttemptCountBelowOneIsRefused() {
    assertThatThrownBy(() -> WorkflowTuning.DEFAULT.withHistoryThreshold(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkflowTuning.DEFAULT.withLlmRetry(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
