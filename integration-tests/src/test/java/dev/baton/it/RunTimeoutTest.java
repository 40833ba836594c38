package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's execution timeout ends it as timed out; more than 365 days is refused. */
class RunTimeoutTest {
  @TempDir Path folder;

  @AllDatabases
  void aRunPastItsExecutionTimeoutEndsTimedOut(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().timeSource(clock).build())) {
      baton
          .newWorker("chores")
          .registerWorkflow(Cancellable.Impl.class)
          .registerActivities(new Chores.WorkImpl())
          .start();
      WorkflowHandle<String> run =
          CancellableClient.of(baton)
              .start(
                  WorkflowOptions.newBuilder("bounded")
                      .executionTimeout(Duration.ofDays(10))
                      .build(),
                  "sleep-then-clean-up");
      SignalTest.waitForEvent(baton, "bounded", "TimerStarted");
      clock.advance(Duration.ofDays(9));
      Thread.sleep(1_500);
      assertThat(run.status()).isEqualTo(WorkflowStatus.RUNNING);

      clock.advance(Duration.ofDays(1));

      assertThatThrownBy(() -> run.result(Duration.ofSeconds(30)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("TIMED_OUT");
      List<HistoryEvent> history = baton.history("bounded");
      assertThat(history.get(history.size() - 1).type()).isEqualTo("WorkflowExecutionTimedOut");
      assertThat(history.get(history.size() - 1).attributesJson()).contains("864000000");
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_timers")).isZero();
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_workflow_tasks")).isZero();
    }
  }

  @Test
  void anExecutionTimeoutOverAYearIsRefused() {
    assertThatThrownBy(
            () -> WorkflowOptions.newBuilder("w").executionTimeout(Duration.ofDays(366)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 365 days")
        .hasMessageContaining("continue as new");
    assertThatThrownBy(() -> WorkflowOptions.newBuilder("w").executionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThat(WorkflowOptions.of("w").executionTimeout()).isEqualTo(Duration.ofDays(365));
  }
}
