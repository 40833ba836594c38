package dev.baton.internal;

import dev.baton.internal.store.DueTimer;
import dev.baton.internal.store.TimerResumer;
import dev.baton.internal.store.TimerWorkflowTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workers of this process that work the workflow task a due timer wakes before it fires, so
 * that the firing and the task commit together (workers with eager dispatch register here while
 * they run). The sweeper asks each in turn for the timers no other took.
 */
public final class TimerResumers implements TimerResumer {
  private final CopyOnWriteArrayList<TimerResumer> resumers = new CopyOnWriteArrayList<>();

  /** Adds {@code resumer}, until {@link #remove}. */
  public void add(TimerResumer resumer) {
    resumers.add(resumer);
  }

  /** Removes {@code resumer}. */
  public void remove(TimerResumer resumer) {
    resumers.remove(resumer);
  }

  @Override
  public Map<DueTimer, TimerWorkflowTask> resume(
      List<DueTimer> timers, long taskTime, Histories histories) {
    Map<DueTimer, TimerWorkflowTask> tasks = new HashMap<>();
    for (TimerResumer resumer : resumers) {
      List<DueTimer> left = timers.stream().filter(timer -> !tasks.containsKey(timer)).toList();
      if (left.isEmpty()) {
        break;
      }
      tasks.putAll(resumer.resume(left, taskTime, histories));
    }
    return tasks;
  }
}
