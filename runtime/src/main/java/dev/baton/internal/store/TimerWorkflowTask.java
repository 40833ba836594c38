package dev.baton.internal.store;

import dev.baton.internal.history.Event;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The workflow task a due timer wakes, worked before the timer fires by the worker that holds the
 * run, so that the firing and the task commit together: the code ran on the run's events from
 * {@code expectedNextEventId} on ({@code TimerFired}, then a scheduled workflow task), with {@code
 * taskTime} as now.
 *
 * @param expectedNextEventId the run's {@code next_event_id} the code ran on
 * @param taskTime the task's time, epoch milliseconds on the database's clock
 * @param identity the worker's identity
 * @param requestId recorded with the task's start, so that a retry of the commit recognises it
 * @param commands what the code asked for
 * @param grant the activities the worker may start at once
 * @param afterCommit told, once the firing committed, how the task ended, or {@code null} when the
 *     firing was recorded without the task (the run moved on, or another process fired the timer)
 *     or the firing failed; the task's commands are dropped then, and a later task runs them
 */
public record TimerWorkflowTask(
    long expectedNextEventId,
    long taskTime,
    String identity,
    String requestId,
    List<Event> commands,
    EagerActivities grant,
    Consumer<@Nullable CompletionResult> afterCommit) {
  /** This task, with {@code then} run after its {@link #afterCommit}, whatever that does. */
  public TimerWorkflowTask andThen(Runnable then) {
    return new TimerWorkflowTask(
        expectedNextEventId,
        taskTime,
        identity,
        requestId,
        commands,
        grant,
        completion -> {
          try {
            afterCommit.accept(completion);
          } finally {
            then.run();
          }
        });
  }
}
