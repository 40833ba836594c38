package dev.baton.internal;

/** The in-process wake-up signals of one {@code Baton} instance. */
public final class Wakeups {
  private final Wakeup workflowTasks = new Wakeup();
  private final Wakeup activityTasks = new Wakeup();
  private final Wakeup runsClosed = new Wakeup();
  private final Wakeup queries = new Wakeup();
  private final Wakeup queriesAnswered = new Wakeup();
  private final Wakeup outbox = new Wakeup();
  private final Wakeup timers = new Wakeup();

  /** Signalled when timers were started, so the sweeper learns of an earlier due time. */
  public Wakeup timers() {
    return timers;
  }

  /** Signalled when actions on other runs were committed to the outbox. */
  public Wakeup outbox() {
    return outbox;
  }

  /** Signalled when a query task is waiting. */
  public Wakeup queries() {
    return queries;
  }

  /** Signalled when a query was answered. */
  public Wakeup queriesAnswered() {
    return queriesAnswered;
  }

  /** Signalled when a workflow task may be available. */
  public Wakeup workflowTasks() {
    return workflowTasks;
  }

  /** Signalled when an activity task may be available. */
  public Wakeup activityTasks() {
    return activityTasks;
  }

  /** Signalled when a run closed. */
  public Wakeup runsClosed() {
    return runsClosed;
  }

  /** Signals everything: the clock moved, so anything may have become due. */
  public void all() {
    workflowTasks.signal();
    activityTasks.signal();
    runsClosed.signal();
    outbox.signal();
    timers.signal();
  }
}
