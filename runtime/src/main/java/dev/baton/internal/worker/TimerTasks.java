package dev.baton.internal.worker;

import dev.baton.internal.store.DueTimer;
import dev.baton.internal.store.TimerResumer;
import dev.baton.internal.store.TimerWorkflowTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's part in firing timers with their workflow tasks: works the tasks due timers wake for
 * runs of this worker ({@link WorkflowTaskHandler#resumeForTimers}), and counts those whose firing
 * has not ended yet, so that the worker stops after them.
 */
final class TimerTasks implements TimerResumer {
  private final WorkflowTaskHandler handler;
  private int pending;
  private boolean stopped;

  TimerTasks(WorkflowTaskHandler handler) {
    this.handler = handler;
  }

  @Override
  public Map<DueTimer, TimerWorkflowTask> resume(
      List<DueTimer> timers, long taskTime, Histories histories) {
    synchronized (this) {
      if (stopped) {
        return Map.of();
      }
      pending++; // until the tasks are counted: the worker must not stop meanwhile
    }
    try {
      Map<DueTimer, TimerWorkflowTask> tasks = new HashMap<>();
      handler
          .resumeForTimers(timers, taskTime, histories)
          .forEach((timer, task) -> tasks.put(timer, counted(task)));
      return tasks;
    } finally {
      ended();
    }
  }

  /** {@code task}, counted as pending until its firing has ended. */
  private TimerWorkflowTask counted(TimerWorkflowTask task) {
    synchronized (this) {
      pending++;
    }
    return task.andThen(this::ended);
  }

  private synchronized void ended() {
    pending--;
    notifyAll();
  }

  /**
   * Takes no more tasks, and waits until the firings of those taken have ended or {@code
   * deadlineNanos} ({@link System#nanoTime()}) has passed.
   */
  synchronized void awaitNone(long deadlineNanos) {
    stopped = true;
    long left;
    while (pending > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
