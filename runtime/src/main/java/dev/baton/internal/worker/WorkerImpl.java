package dev.baton.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.ActivityDispatcher;
import dev.baton.SignalType;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDispatcher;
import dev.baton.internal.Services;
import dev.baton.internal.activity.ActivityExecutor;
import dev.baton.internal.activity.LocalActivityExecutor;
import dev.baton.internal.activity.NextWorkflowTask;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.EagerWorkflowTask;
import dev.baton.internal.store.RunSettings;
import dev.baton.internal.workflow.WorkflowImplementation;
import dev.baton.internal.workflow.WorkflowInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A worker polling one task queue for workflow and activity tasks. */
public final class WorkerImpl implements Worker {
  private static final Logger log = LoggerFactory.getLogger(WorkerImpl.class);

  private static final long QUERY_LEASE_MILLIS = 10_000;

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final Services services;
  private final String taskQueue;
  private final WorkerOptions options;
  private final String identity;
  private final Consumer<WorkerImpl> onClose;
  private final Registry registry = new Registry();
  private final WorkflowCache cache;
  private final Set<ClaimedWorkflowTask> runningWorkflowTasks = ConcurrentHashMap.newKeySet();
  private final Set<ClaimedActivityTask> runningActivities = ConcurrentHashMap.newKeySet();
  private final List<PollLoop<?>> loops = new ArrayList<>();
  private final List<Thread> pollThreads = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  private State state = State.NEW;
  private volatile @Nullable EagerWorkflowDispatch eagerStarts;
  private @Nullable TimerTasks timerTasks;

  /** A worker for {@code taskQueue}; {@code onClose} is told when it has shut down. */
  public WorkerImpl(
      Services services,
      String taskQueue,
      WorkerOptions options,
      String identity,
      Consumer<WorkerImpl> onClose) {
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("A worker needs a non-blank task queue name");
    }
    this.services = services;
    this.taskQueue = taskQueue;
    this.options = Objects.requireNonNull(options, "options");
    this.identity = identity;
    this.onClose = onClose;
    this.cache = new WorkflowCache(options.maxCachedWorkflows());
  }

  @Override
  public String taskQueue() {
    return taskQueue;
  }

  /** This worker's identity, recorded in history with the tasks it completes. */
  public String identity() {
    return identity;
  }

  @Override
  public synchronized Worker registerWorkflow(Class<?> implementationClass) {
    Objects.requireNonNull(implementationClass, "implementationClass");
    checkNew();
    registry.addWorkflow(implementationClass);
    return this;
  }

  @Override
  public synchronized <T> Worker registerWorkflow(
      WorkflowDispatcher<T> dispatcher, Supplier<? extends T> factory) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(factory, "factory");
    checkNew();
    registry.addWorkflow(dispatcher, factory);
    return this;
  }

  @Override
  public synchronized Worker registerActivities(Object... implementations) {
    Objects.requireNonNull(implementations, "implementations");
    checkNew();
    for (Object implementation : implementations) {
      registry.addActivities(Objects.requireNonNull(implementation, "activity implementation"));
    }
    return this;
  }

  @Override
  public synchronized <T> Worker registerActivities(
      ActivityDispatcher<T> dispatcher, T implementation) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(implementation, "implementation");
    checkNew();
    registry.addActivities(dispatcher, implementation);
    return this;
  }

  private void checkNew() {
    if (state != State.NEW) {
      throw new IllegalStateException(
          "Register workflows and activities before starting the worker");
    }
  }

  @Override
  public synchronized Worker start() {
    checkNew();
    if (registry.workflows().isEmpty() && !registry.hasActivities()) {
      throw new IllegalStateException(
          "Worker for task queue "
              + taskQueue
              + " has nothing registered: call registerWorkflow"
              + " or registerActivities before start()");
    }
    for (WorkflowImplementation<?> implementation : registry.workflows().values()) {
      String defaultQueue = implementation.dispatcher().type().taskQueue();
      if (!defaultQueue.equals(taskQueue)) {
        log.warn(
            "Workflow type {} defaults to task queue '{}' but this worker polls '{}': starts that"
                + " do not name task queue '{}' will not reach this worker",
            implementation.typeName(),
            defaultQueue,
            taskQueue,
            taskQueue);
      }
      services
          .workflows()
          .registerWorkflowType(
              implementation.typeName(),
              taskQueue,
              implementation.dispatcher().signalTypes().stream().map(SignalType::name).toList());
    }
    long maxPoll = options.maxPollInterval().toMillis();
    boolean eager = options.eagerDispatch() && !registry.workflows().isEmpty();
    EagerWorkflowDispatch eagerWorkflowTasks =
        new EagerWorkflowDispatch(
            services, cache, identity, options.workflowTaskTimeout().toMillis());
    PollLoop<ClaimedActivityTask> activityLoop = null;
    if (registry.hasActivities()) {
      ActivityExecutor executor =
          new ActivityExecutor(
              services,
              eager ? eagerWorkflowTasks : NextWorkflowTask.NONE,
              services.committer(options.groupCommit()));
      Set<String> activityTypes = registry.activityTypes();
      activityLoop =
          startLoop(
              "activity",
              options.activitySlots(),
              n -> services.activities().claim(taskQueue, activityTypes, identity, n),
              task -> runActivities(executor, task),
              services.wakeups().activityTasks(),
              maxPoll);
    }
    if (!registry.workflows().isEmpty()) {
      long lease = options.workflowTaskTimeout().toMillis();
      ExecutorService localThreads =
          Executors.newCachedThreadPool(threads("baton-local-activity-" + taskQueue));
      WorkflowTaskHandler handler =
          new WorkflowTaskHandler(
              services,
              registry,
              cache,
              identity,
              taskQueue,
              options.deadlockDetectionTimeout(),
              new LocalActivityRunner(
                  registry,
                  new LocalActivityExecutor(services.converter(), localThreads),
                  localThreads),
              lease,
              new EagerActivityDispatch(
                  services,
                  options.eagerDispatch() ? activityLoop : null,
                  identity,
                  taskQueue,
                  registry.activityTypes()),
              services.committer(options.groupCommit()));
      PollLoop<ClaimedWorkflowTask> workflowLoop =
          startLoop(
              "workflow",
              options.workflowSlots(),
              n -> services.workflows().claim(taskQueue, identity, n, lease),
              task -> track(runningWorkflowTasks, task, () -> handler.handle(task)),
              services.wakeups().workflowTasks(),
              maxPoll);
      eagerWorkflowTasks.attach(workflowLoop, handler);
      if (eager) {
        eagerStarts = eagerWorkflowTasks;
        timerTasks = new TimerTasks(handler);
        services.timerResumers().add(timerTasks);
      }
      executors.add(localThreads); // after the workflow tasks' pool, so it stops after them
      QueryHandler queries =
          new QueryHandler(
              services, registry, cache, identity, taskQueue, options.deadlockDetectionTimeout());
      startLoop(
          "query",
          options.workflowSlots(),
          n -> services.queries().claim(taskQueue, identity, n, QUERY_LEASE_MILLIS),
          queries::handle,
          services.wakeups().queries(),
          maxPoll);
    }
    state = State.RUNNING;
    log.info("Worker {} started on task queue {}", identity, taskQueue);
    return this;
  }

  /**
   * For a start in this process: when this worker runs {@code workflowType} on {@code taskQueue}
   * with eager dispatch and has a free workflow slot, sets the slot aside and returns what the
   * start should ask for, so that the run's first task is leased to this worker in the start's
   * commit; {@code null} otherwise. Hand the task over with {@link #runFirstTask}, or give the slot
   * back with {@link #cancelFirstTask}.
   */
  public @Nullable EagerWorkflowTask reserveFirstTask(String workflowType, String taskQueue) {
    EagerWorkflowDispatch dispatch = eagerStarts;
    if (dispatch == null
        || !this.taskQueue.equals(taskQueue)
        || registry.workflow(workflowType) == null) {
      return null;
    }
    return dispatch.reserveNewRun();
  }

  /**
   * Starts a run whose first workflow task this worker works before the start commits, in the slot
   * {@link #reserveFirstTask} set aside, so that the start and the task commit together. Returns
   * the run id once the start has committed, or {@code null}, having recorded nothing and freed the
   * slot, when that cannot be done: start the run the usual way then.
   *
   * @throws dev.baton.WorkflowAlreadyStartedException as a start does
   */
  public @Nullable String startWithFirstTask(
      String workflowId,
      String workflowType,
      JsonNode input,
      String requestId,
      RunSettings settings) {
    return Objects.requireNonNull(eagerStarts, "no slot was set aside")
        .startWithFirstTask(workflowId, workflowType, input, requestId, settings);
  }

  /** Works the first task of a run its start leased to this worker, in the slot set aside. */
  public void runFirstTask(ClaimedWorkflowTask task) {
    Objects.requireNonNull(eagerStarts, "no slot was set aside").run(task);
  }

  /** Gives back the slot {@link #reserveFirstTask} set aside: the start leased no task. */
  public void cancelFirstTask() {
    Objects.requireNonNull(eagerStarts, "no slot was set aside").cancel();
  }

  /**
   * Runs {@code task} in its slot, and then, in the same slot and thread, each activity that the
   * commit of the previous one leased to this worker for it (the next step of its workflow).
   */
  private void runActivities(ActivityExecutor executor, ClaimedActivityTask task) {
    ClaimedActivityTask next = task;
    while (next != null) {
      ClaimedActivityTask current = next;
      runningActivities.add(current);
      try {
        next = runActivity(executor, current);
      } finally {
        runningActivities.remove(current);
      }
    }
  }

  private @Nullable ClaimedActivityTask runActivity(
      ActivityExecutor executor, ClaimedActivityTask task) {
    Registry.RegisteredActivity activity = registry.activity(task.activityType());
    if (activity == null) {
      executor.failUnknownType(
          task,
          "Activity type " + task.activityType() + " is not registered on worker " + identity);
      return null;
    }
    return executor.execute(
        task, activity.type(), activity.dispatcher(), activity.implementation());
  }

  private static <T> void track(Set<T> running, T task, Runnable work) {
    running.add(task);
    try {
      work.run();
    } finally {
      running.remove(task);
    }
  }

  private <T> PollLoop<T> startLoop(
      String kind,
      int slots,
      java.util.function.IntFunction<List<T>> claim,
      Consumer<T> handler,
      dev.baton.internal.Wakeup wakeup,
      long maxPollMillis) {
    ExecutorService executor =
        Executors.newFixedThreadPool(slots, threads("baton-" + kind + "-" + taskQueue));
    PollLoop<T> loop =
        new PollLoop<>(
            kind + " poller of " + taskQueue,
            slots,
            claim,
            handler,
            executor,
            wakeup,
            maxPollMillis);
    Thread thread = new Thread(loop, "baton-" + kind + "-poller-" + taskQueue);
    thread.setDaemon(true);
    executors.add(executor);
    loops.add(loop);
    pollThreads.add(thread);
    thread.start();
    return loop;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public boolean shutdown(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("The timeout must not be negative: " + timeout);
    }
    synchronized (this) {
      if (state != State.RUNNING) {
        state = State.STOPPED;
        return true;
      }
      state = State.STOPPED;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    if (timerTasks != null) {
      services.timerResumers().remove(timerTasks);
    }
    loops.forEach(PollLoop::stop);
    for (Thread thread : pollThreads) {
      thread.interrupt();
      join(thread);
    }
    boolean finished = true;
    for (ExecutorService executor : executors) {
      executor.shutdown();
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        finished &= executor.awaitTermination(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        finished = false;
      }
    }
    if (!finished) {
      releaseUnfinished();
      executors.forEach(ExecutorService::shutdownNow);
    }
    if (timerTasks != null) {
      timerTasks.awaitNone(deadline);
    }
    cache.clear().forEach(WorkflowInstance::destroy);
    onClose.accept(this);
    log.info(
        "Worker {} on task queue {} stopped{}",
        identity,
        taskQueue,
        finished ? "" : " (unfinished tasks released)");
    return finished;
  }

  private void releaseUnfinished() {
    for (ClaimedActivityTask task : runningActivities) {
      try {
        services.activities().release(task.token());
      } catch (RuntimeException e) {
        log.warn(
            "Could not release activity task {}; its lease will expire", task.token().text(), e);
      }
    }
    for (ClaimedWorkflowTask task : runningWorkflowTasks) {
      try {
        services.workflows().release(task);
      } catch (RuntimeException e) {
        log.warn(
            "Could not release the workflow task of {}; its lease will expire",
            task.workflowId(),
            e);
      }
    }
    services.wakeups().workflowTasks().signal();
    services.wakeups().activityTasks().signal();
  }

  private static void join(Thread thread) {
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(options.shutdownGracePeriod());
  }
}
