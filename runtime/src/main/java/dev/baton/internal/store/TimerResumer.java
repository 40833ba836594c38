package dev.baton.internal.store;

import java.util.List;
import java.util.Map;

/**
 * Works the workflow tasks due timers wake, before they fire, for runs a worker of this process
 * runs (see {@link TimerWorkflowTask}).
 */
@FunctionalInterface
public interface TimerResumer {
  /** Resumes no run: every timer fires alone and schedules a workflow task. */
  TimerResumer NONE = (timers, taskTime, histories) -> Map.of();

  /**
   * The workflow tasks of those of {@code timers} whose runs this resumer works, worked with {@code
   * taskTime} as now; the other timers fire alone. A run not held in memory is replayed from its
   * history, which {@code histories} reads for many runs at once.
   */
  Map<DueTimer, TimerWorkflowTask> resume(
      List<DueTimer> timers, long taskTime, Histories histories);

  /** Reads the stored histories of runs. */
  @FunctionalInterface
  interface Histories {
    /** Each run's stored events, in order, by run id; one query for all of them. */
    Map<String, List<dev.baton.internal.history.StoredEvent>> read(List<String> runIds);
  }
}
