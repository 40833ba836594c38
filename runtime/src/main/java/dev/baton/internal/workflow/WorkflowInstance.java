package dev.baton.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.ActivityFailure;
import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.ApplicationFailure;
import dev.baton.CanceledFailure;
import dev.baton.ChildWorkflowFailure;
import dev.baton.NonDeterministicException;
import dev.baton.Promise;
import dev.baton.RetryOptions;
import dev.baton.WorkflowFailure;
import dev.baton.WorkflowInfo;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.history.RetryPolicyData;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.PayloadConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One run's workflow code in memory, brought up to date by replaying its history and advanced one
 * workflow task at a time.
 *
 * <p>History is read in segments: each {@code WorkflowTaskCompleted} event closes one. For a
 * completed segment the events the code had seen ({@code lastSeenEventId}) are delivered, the code
 * runs until every branch waits, and each command it issues must match the command events recorded
 * after the {@code WorkflowTaskCompleted}; a mismatch is a {@link NonDeterministicException}. The
 * events after the last segment are the new ones: delivered, the code runs, and its commands are
 * the task's result.
 */
public final class WorkflowInstance implements WorkflowContext {
  private final String runId;
  private final String workflowId;
  private final String taskQueue;
  private final WorkflowImplementation<?> implementation;
  private final PayloadConverter converter;
  private final Duration deadlockTimeout;
  private final DeterministicScheduler scheduler;

  private final Map<Integer, PendingActivity> pendingActivities = new HashMap<>();
  private final Map<Integer, PromiseImpl<Void>> pendingTimers = new HashMap<>();
  private final Map<Integer, PendingLocalActivity> pendingLocalActivities = new LinkedHashMap<>();
  private final Map<Integer, PendingLocalActivity> localRetryTimers = new HashMap<>();
  private LocalActivities localActivities = LocalActivities.NONE;
  private boolean onlyCompletedTasks;
  private final Map<Integer, PendingChild> pendingChildren = new HashMap<>();
  private final Map<Integer, PromiseImpl<Void>> pendingExternalSignals = new HashMap<>();
  private final Map<Integer, PromiseImpl<Void>> pendingExternalCancels = new HashMap<>();
  private final CancellationScopeImpl rootScope = CancellationScopeImpl.root();
  private final Map<String, Integer> versions = new HashMap<>();
  private final Random random;
  private @Nullable Object workflow;
  private long startTimeMillis;
  private int runAttempt = 1;
  private int taskAttempt = 1;
  private final List<Event> newCommands = new ArrayList<>();
  private List<Segment> segments = List.of();
  private int segmentIndex;
  private @Nullable ArrayDeque<StoredEvent> expectedCommands;
  private long segmentEndEventId;
  private int nextSeq = 1;
  private long nextEventId = 1;
  private long ownEventsFrom = Long.MAX_VALUE;
  private long ownEventsUntil = Long.MAX_VALUE;
  private boolean replaying;
  private boolean engineCommand;
  private long currentTimeMillis;
  private boolean closed;
  private @Nullable NonDeterministicException nonDeterminism;
  private @Nullable Throwable taskFailure;

  private static final String SIDE_EFFECT = "SideEffect";
  private static final String LOCAL_ACTIVITY = "LocalActivity";
  private static final String VERSION = "Version";

  private record PendingActivity(ActivityType<?> type, PromiseImpl<Object> promise) {}

  private record PendingChild(
      dev.baton.WorkflowType<?> type, String workflowId, PromiseImpl<Object> result) {
    /** Fails the parent's promise with the child's {@code failure}. */
    void fail(ApplicationFailure failure) {
      result.fail(new ChildWorkflowFailure(type.name(), workflowId, failure));
    }
  }

  /**
   * A local activity the code waits for: started by this worker when live ({@code launched}), or
   * awaiting its recorded marker when replaying.
   */
  private static final class PendingLocalActivity {
    final int seq;
    final ActivityType<?> type;
    final JsonNode input;
    final long scheduledTimeMillis;
    final long startToCloseMillis;
    final @Nullable Long scheduleToCloseMillis;
    final RetryPolicyData retry;
    final long localRetryThresholdMillis;
    final PromiseImpl<Object> promise;
    int attempt = 1;
    boolean launched;

    PendingLocalActivity(
        int seq,
        ActivityType<?> type,
        JsonNode input,
        long scheduledTimeMillis,
        long startToCloseMillis,
        @Nullable Long scheduleToCloseMillis,
        RetryPolicyData retry,
        long localRetryThresholdMillis,
        PromiseImpl<Object> promise) {
      this.seq = seq;
      this.type = type;
      this.input = input;
      this.scheduledTimeMillis = scheduledTimeMillis;
      this.startToCloseMillis = startToCloseMillis;
      this.scheduleToCloseMillis = scheduleToCloseMillis;
      this.retry = retry;
      this.localRetryThresholdMillis = localRetryThresholdMillis;
      this.promise = promise;
    }
  }

  /**
   * A stretch of history: the inputs a workflow task's code saw, the task's time, and the commands
   * it recorded ({@code null} for the live task, whose commands are new).
   */
  private record Segment(
      List<StoredEvent> inputs,
      long taskTime,
      @Nullable ArrayDeque<StoredEvent> recorded,
      long endEventId) {}

  /** An instance of a run not yet started in memory; its first task replays from event 1. */
  public WorkflowInstance(
      String runId,
      String workflowId,
      String taskQueue,
      WorkflowImplementation<?> implementation,
      PayloadConverter converter,
      Duration deadlockTimeout) {
    this.runId = runId;
    this.workflowId = workflowId;
    this.taskQueue = taskQueue;
    this.implementation = implementation;
    this.converter = converter;
    this.deadlockTimeout = deadlockTimeout;
    this.scheduler = new DeterministicScheduler("workflow-" + workflowId, this);
    this.random = new Random(seedOf(runId));
  }

  /** A 64-bit FNV-1a hash of the run id: the seed of the run's deterministic randomness. */
  private static long seedOf(String runId) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : runId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  /** Sets the attempt of the workflow task being processed, for {@code Workflows.getInfo()}. */
  public void setTaskAttempt(int attempt) {
    this.taskAttempt = attempt;
  }

  /** The run id. */
  public String runId() {
    return runId;
  }

  /** The id of the first history event this instance has not processed. */
  public long nextEventId() {
    return nextEventId;
  }

  /**
   * Processes a workflow task: {@code events} are the run's events from {@link #nextEventId()} on.
   *
   * @throws NonDeterministicException if the code does not replay its history
   * @throws WorkflowTaskFailure if the code failed the task
   * @throws PotentialDeadlockException if a workflow thread blocked outside Baton's API
   */
  public WorkflowTaskResult processTask(List<StoredEvent> events, long taskTime) {
    return processTask(events, taskTime, LocalActivities.NONE);
  }

  /**
   * Processes a workflow task whose local activities {@code localActivities} runs: the task ends
   * when every branch waits for something other than a local activity, or the run closes.
   *
   * @throws NonDeterministicException if the code does not replay its history
   * @throws WorkflowTaskFailure if the code failed the task
   * @throws PotentialDeadlockException if a workflow thread blocked outside Baton's API
   */
  public WorkflowTaskResult processTask(
      List<StoredEvent> events, long taskTime, LocalActivities localActivities) {
    this.localActivities = localActivities;
    try {
      return process(events, taskTime);
    } finally {
      this.localActivities = LocalActivities.NONE;
    }
  }

  /**
   * Brings a fresh instance to the state its run's last completed workflow task left, for a query:
   * replays {@code events} (the run's history up to that task's commands) and leaves out the inputs
   * no completed task saw yet (a signal that arrived while the last task ran is recorded before
   * that task's events), so that the answer is the state the workers hold, not one ahead of it.
   *
   * @throws NonDeterministicException if the code does not replay its history
   */
  public void replayCompletedTasks(List<StoredEvent> events) {
    onlyCompletedTasks = true;
    try {
      process(events, 0);
    } finally {
      onlyCompletedTasks = false;
    }
  }

  private WorkflowTaskResult process(List<StoredEvent> events, long taskTime) {
    requireContiguous(events);
    segments = split(events, taskTime);
    segmentIndex = -1;
    startNextSegment();
    while (true) {
      runCode();
      if (replaying ? takeRecordedLocalActivity() : awaitLocalActivity()) {
        continue; // a local activity's outcome let the code go on
      }
      if (segmentIndex == segments.size() - 1) {
        break;
      }
      finishSegment();
      startNextSegment();
    }
    long lastEventId = events.isEmpty() ? nextEventId - 1 : events.get(events.size() - 1).eventId();
    nextEventId = lastEventId + 1;
    segments = List.of();
    List<Event> commands = List.copyOf(newCommands);
    newCommands.clear();
    return new WorkflowTaskResult(commands, lastEventId, lastEventId + 1);
  }

  /**
   * Refuses events that do not run on from {@link #nextEventId()} without a gap (or from the end of
   * this instance's own last commit, for events handed over by the commit that leased the task).
   * History ids are contiguous, so a gap means the database lost events (as H2 once did after a
   * kill, keeping half of a commit); replayed, such a history would fail with a non-determinism
   * error that blames the code.
   */
  private void requireContiguous(List<StoredEvent> events) {
    long expected = nextEventId;
    if (!events.isEmpty() && events.get(0).eventId() == endOfProcessedHistory()) {
      expected = endOfProcessedHistory(); // its own events, already applied, are left out
    }
    for (StoredEvent event : events) {
      if (event.eventId() != expected) {
        throw new IllegalStateException(
            "The stored history of workflow "
                + workflowId
                + " (run "
                + runId
                + ") has event "
                + event.eventId()
                + " where event "
                + expected
                + " belongs: events are missing from the database, so the run cannot be"
                + " replayed");
      }
      expected++;
    }
  }

  /**
   * Cuts history into segments: one per recorded workflow task, holding the input events its code
   * had seen and the commands it recorded, and a last, live one with the new input events.
   */
  private List<Segment> split(List<StoredEvent> events, long taskTime) {
    List<Segment> result = new ArrayList<>();
    List<StoredEvent> inputs = new ArrayList<>();
    int i = 0;
    while (i < events.size()) {
      StoredEvent event = events.get(i);
      i++;
      if (event.eventId() >= ownEventsFrom && event.eventId() < ownEventsUntil) {
        continue; // This instance's own last commit: already applied in memory.
      }
      if (event.event() instanceof Event.WorkflowTaskCompleted completed) {
        ArrayDeque<StoredEvent> recorded = new ArrayDeque<>();
        while (i < events.size() && events.get(i).event().producedByCommand()) {
          recorded.add(events.get(i++));
        }
        List<StoredEvent> seen = new ArrayList<>();
        inputs.removeIf(e -> e.eventId() <= completed.lastSeenEventId() && seen.add(e));
        long end = recorded.isEmpty() ? event.eventId() + 1 : recorded.getLast().eventId() + 1;
        result.add(new Segment(seen, completed.taskTime(), recorded, end));
      } else if (isInput(event.event())) {
        inputs.add(event);
      }
    }
    result.add(new Segment(onlyCompletedTasks ? List.of() : inputs, taskTime, null, 0));
    return result;
  }

  /** Moves to the next segment: sets the replay state and delivers the segment's inputs. */
  private void startNextSegment() {
    Segment segment = segments.get(++segmentIndex);
    replaying = segment.recorded() != null;
    currentTimeMillis = segment.taskTime();
    expectedCommands = segment.recorded();
    segmentEndEventId = segment.endEventId();
    deliver(segment.inputs());
  }

  /** Checks that the code issued every command the finished segment recorded. */
  private void finishSegment() {
    StoredEvent unmatched = expectedCommands == null ? null : expectedCommands.peek();
    expectedCommands = null;
    if (unmatched != null) {
      throw new NonDeterministicException(
          unmatched.eventId(),
          describe(unmatched.event()),
          closed
              ? "no further command: the workflow method had already returned"
              : "no further command: the code waits for something else");
    }
  }

  /**
   * The replay fast path, called by a branch about to wait: when it is the only branch and the
   * segment it replays is over, it moves on to the next segment itself, so a call whose result is
   * already in history returns without handing the thread back. This is exactly what the driver
   * would do next, since no other branch could run first. Returns whether it moved on.
   */
  boolean advanceReplayInline() {
    if (!replaying
        || nonDeterminism != null
        || taskFailure != null
        || segmentIndex >= segments.size() - 1
        || !scheduler.isOnlyLiveBranch()) {
      return false;
    }
    try {
      if (takeRecordedLocalActivity()) {
        return true;
      }
      finishSegment();
      startNextSegment();
    } catch (NonDeterministicException e) {
      nonDeterminism = e;
      return false;
    } catch (RuntimeException e) {
      taskFailure = e;
      return false;
    }
    return true;
  }

  /**
   * Notes that this instance's commands were committed as events {@code [firstEventId,
   * nextEventId)}, so the next task does not replay them.
   */
  public void committed(long firstEventId, long nextEventIdAfterCommit) {
    ownEventsFrom = firstEventId;
    ownEventsUntil = nextEventIdAfterCommit;
  }

  /**
   * Whether this instance has processed every event of the run before {@code eventId}: those it
   * read, and then its own last commit's.
   */
  public boolean hasProcessedAllBefore(long eventId) {
    return nextEventId == eventId || endOfProcessedHistory() == eventId;
  }

  /**
   * The run's {@code next_event_id} as this instance knows it, when it has processed the run's
   * whole history as of its own last commit; {@code -1} when events it has not seen may have come
   * before that commit.
   */
  public long endOfProcessedHistory() {
    return nextEventId == ownEventsFrom ? ownEventsUntil : -1;
  }

  /** Whether the code has issued a command that closes the run. */
  public boolean isClosed() {
    return closed;
  }

  /** How many times workflow code handed its thread back while waiting. For tests. */
  long yields() {
    return scheduler.yields();
  }

  /** Unwinds the workflow threads. The instance cannot be used afterwards. */
  public void destroy() {
    scheduler.destroy();
  }

  private static boolean isInput(Event event) {
    return event instanceof Event.WorkflowExecutionStarted
        || event instanceof Event.TimerFired
        || event instanceof Event.SignalReceived
        || event instanceof Event.ActivityTaskCompleted
        || event instanceof Event.ActivityTaskFailed
        || event instanceof Event.ActivityTaskTimedOut
        || event instanceof Event.ChildWorkflowExecutionStarted
        || event instanceof Event.StartChildWorkflowExecutionFailed
        || event instanceof Event.ChildWorkflowExecutionCompleted
        || event instanceof Event.ChildWorkflowExecutionFailed
        || event instanceof Event.ChildWorkflowExecutionTerminated
        || event instanceof Event.ExternalWorkflowExecutionSignaled
        || event instanceof Event.SignalExternalWorkflowExecutionFailed
        || event instanceof Event.WorkflowExecutionCancelRequested
        || event instanceof Event.ChildWorkflowExecutionCanceled
        || event instanceof Event.ChildWorkflowExecutionTimedOut
        || event instanceof Event.ExternalWorkflowExecutionCancelRequested
        || event instanceof Event.RequestCancelExternalWorkflowExecutionFailed;
  }

  private void deliver(List<StoredEvent> inputs) {
    if (inputs.isEmpty()) {
      return;
    }
    for (StoredEvent input : inputs) {
      Event event = input.event();
      if (event instanceof Event.TimerFired fired && localRetryTimers.containsKey(fired.seq())) {
        PendingLocalActivity retry = localRetryTimers.remove(fired.seq());
        pendingLocalActivities.put(retry.seq, retry); // runs again, attempt already advanced
      } else if (event instanceof Event.WorkflowExecutionStarted started) {
        startTimeMillis = input.time();
        runAttempt = started.attempt() == null ? 1 : started.attempt();
        scheduler.newBranch("main", rootScope, () -> runWorkflowMethod(started));
      } else if (event instanceof Event.TimerFired fired) {
        PromiseImpl<Void> timer = pendingTimers.remove(fired.seq());
        if (timer != null) { // null: cancelled in the same task it fired
          timer.complete(null);
        }
      } else if (event instanceof Event.SignalReceived signal) {
        Object[] arguments = decodeSignal(signal);
        // Signal handlers run before the branches already waiting, in the order received.
        scheduler.newPriorityBranch(
            "signal-" + signal.signalName(),
            rootScope,
            () -> {
              try {
                implementation.signal(workflow(), signal.signalName(), arguments);
              } catch (DestroyWorkflowThreadError e) {
                throw e;
              } catch (Throwable e) {
                taskFailure = e;
              }
            });
      } else if (event instanceof Event.ActivityTaskCompleted done) {
        PendingActivity pending = takeActivity(done.seq(), input);
        pending.promise.complete(
            converter.decode(
                "result of activity " + pending.type.name(),
                done.result(),
                pending.type.resultType().type()));
      } else if (event instanceof Event.ActivityTaskFailed failed) {
        PendingActivity pending = takeActivity(failed.seq(), input);
        pending.promise.fail(
            new ActivityFailure(
                pending.type.name(), failed.attempt(), failed.failure().toApplicationFailure()));
      } else if (event instanceof Event.WorkflowExecutionCancelRequested) {
        rootScope.cancel();
      } else if (event instanceof Event.ChildWorkflowExecutionTimedOut timedOut) {
        PendingChild child = takeChild(timedOut.seq(), input);
        child.fail(
            ApplicationFailure.newNonRetryableFailure(
                "the child ran out of its execution timeout", "TimeoutFailure"));
      } else if (event instanceof Event.ChildWorkflowExecutionCanceled canceled) {
        PendingChild child = takeChild(canceled.seq(), input);
        child.fail(
            ApplicationFailure.newNonRetryableFailure(
                "the child was cancelled", "CanceledFailure"));
      } else if (event instanceof Event.ExternalWorkflowExecutionCancelRequested requested) {
        PromiseImpl<Void> sent = pendingExternalCancels.remove(requested.seq());
        if (sent != null) {
          sent.complete(null);
        }
      } else if (event instanceof Event.RequestCancelExternalWorkflowExecutionFailed failed) {
        PromiseImpl<Void> sent = pendingExternalCancels.remove(failed.seq());
        if (sent != null) {
          sent.fail(ApplicationFailure.newNonRetryableFailure(failed.message(), failed.cause()));
        }
      } else if (event instanceof Event.ChildWorkflowExecutionStarted) {
        // The child runs; its close will be delivered.
      } else if (event instanceof Event.StartChildWorkflowExecutionFailed failed) {
        PendingChild child = takeChild(failed.seq(), input);
        child.fail(ApplicationFailure.newNonRetryableFailure(failed.message(), failed.cause()));
      } else if (event instanceof Event.ChildWorkflowExecutionCompleted done) {
        PendingChild child = takeChild(done.seq(), input);
        child.result.complete(
            converter.decode(
                "result of child workflow " + child.type.name(),
                done.result(),
                child.type.resultType().type()));
      } else if (event instanceof Event.ChildWorkflowExecutionFailed failed) {
        PendingChild child = takeChild(failed.seq(), input);
        child.fail(failed.failure().toApplicationFailure());
      } else if (event instanceof Event.ChildWorkflowExecutionTerminated terminated) {
        PendingChild child = takeChild(terminated.seq(), input);
        child.fail(
            ApplicationFailure.newNonRetryableFailure(
                "terminated: " + terminated.reason(), "TerminatedFailure"));
      } else if (event instanceof Event.ExternalWorkflowExecutionSignaled signaled) {
        PromiseImpl<Void> sent = pendingExternalSignals.remove(signaled.seq());
        if (sent != null) {
          sent.complete(null);
        }
      } else if (event instanceof Event.SignalExternalWorkflowExecutionFailed failed) {
        PromiseImpl<Void> sent = pendingExternalSignals.remove(failed.seq());
        if (sent != null) {
          sent.fail(ApplicationFailure.newNonRetryableFailure(failed.message(), failed.cause()));
        }
      } else if (event instanceof Event.ActivityTaskTimedOut timedOut) {
        PendingActivity pending = takeActivity(timedOut.seq(), input);
        FailureData timeout =
            new FailureData(
                "TimeoutFailure",
                "Activity " + pending.type.name() + " timed out (" + timedOut.timeoutType() + ")",
                null,
                null,
                true);
        pending.promise.fail(
            new ActivityFailure(
                pending.type.name(), timedOut.attempt(), timeout.toApplicationFailure()));
      }
    }
  }

  private Object[] decodeSignal(Event.SignalReceived signal) {
    for (var type : implementation.dispatcher().signalTypes()) {
      if (type.name().equals(signal.signalName())) {
        return converter.decodeArguments(
            "signal " + signal.signalName(), type.parameterTypes(), signal.input());
      }
    }
    throw new IllegalStateException(
        "Workflow type "
            + implementation.typeName()
            + " has no signal named '"
            + signal.signalName()
            + "'; was the signal method removed while runs were open?");
  }

  /** The workflow object, created by the first branch that needs it. */
  private Object workflow() {
    if (workflow == null) {
      workflow = implementation.newWorkflow();
    }
    return workflow;
  }

  private PendingChild takeChild(int seq, StoredEvent event) {
    PendingChild child = pendingChildren.remove(seq);
    if (child == null) {
      throw new NonDeterministicException(
          event.eventId(),
          describe(event.event()),
          "no child workflow with sequence number " + seq + " was started by the code");
    }
    return child;
  }

  private PendingActivity takeActivity(int seq, StoredEvent event) {
    PendingActivity pending = pendingActivities.remove(seq);
    if (pending == null) {
      throw new NonDeterministicException(
          event.eventId(),
          describe(event.event()),
          "no activity with sequence number " + seq + " was scheduled by the code");
    }
    return pending;
  }

  private void runCode() {
    scheduler.runUntilBlocked(deadlockTimeout);
    if (nonDeterminism != null) {
      throw nonDeterminism;
    }
    if (taskFailure != null) {
      throw new WorkflowTaskFailure(
          "Workflow "
              + implementation.typeName()
              + " ("
              + workflowId
              + ") failed its workflow task: "
              + taskFailure
              + ". An exception that is not a WorkflowFailure (or listed in"
              + " @WorkflowMethod(failRunOn)) is treated as a bug: the task is retried until fixed"
              + " code is deployed.",
          taskFailure);
    }
  }

  private void runWorkflowMethod(Event.WorkflowExecutionStarted started) {
    Object[] arguments;
    try {
      arguments =
          converter.decodeArguments(
              "input of workflow " + implementation.typeName(),
              implementation.dispatcher().type().parameterTypes(),
              started.input());
    } catch (RuntimeException e) {
      taskFailure = e;
      return;
    }
    Object result;
    try {
      result = implementation.run(workflow(), arguments);
    } catch (DestroyWorkflowThreadError e) {
      throw e;
    } catch (ContinueAsNewError e) {
      return; // its command is issued
    } catch (Throwable e) {
      if (e instanceof CanceledFailure && rootScope.isCancelRequested()) {
        addCommand(new Event.WorkflowExecutionCanceled(String.valueOf(e.getMessage())));
      } else if (e instanceof WorkflowFailure || implementation.dispatcher().failsRun(e)) {
        addCommand(new Event.WorkflowExecutionFailed(FailureData.of(e)));
      } else {
        taskFailure = e;
      }
      return;
    }
    Event close;
    try {
      close =
          new Event.WorkflowExecutionCompleted(converter.encodeChecked("workflow result", result));
    } catch (RuntimeException e) {
      close = new Event.WorkflowExecutionFailed(FailureData.of(e));
    }
    addCommand(close);
  }

  /** A branch ended with an exception that escaped Baton's own handling. */
  void branchFailed(Throwable failure) {
    if (taskFailure == null && nonDeterminism == null) {
      taskFailure = failure;
    }
  }

  /**
   * Issues a command: recorded as new when live; when replaying, matched against the recorded
   * command, which is returned.
   */
  private @Nullable Event addCommand(Event command) {
    if (command instanceof Event.WorkflowExecutionCompleted
        || command instanceof Event.WorkflowExecutionFailed
        || command instanceof Event.WorkflowExecutionCanceled
        || command instanceof Event.WorkflowExecutionContinuedAsNew) {
      closed = true;
    }
    if (!replaying) {
      newCommands.add(command);
      return null;
    }
    StoredEvent expected = expectedCommands == null ? null : expectedCommands.poll();
    if (expected == null || !matches(expected.event(), command)) {
      nonDeterminism =
          new NonDeterministicException(
              expected == null ? segmentEndEventId : expected.eventId(),
              expected == null
                  ? "no further command in this workflow task"
                  : describe(expected.event()),
              describeCommand(command));
      if (engineCommand || DeterministicScheduler.currentBranch() == null) {
        throw nonDeterminism; // issued by the engine, not the code: the task fails at once
      }
      scheduler.await(() -> false); // Park this branch; the task fails with the mismatch.
    }
    return expected.event();
  }

  private static boolean matches(Event recorded, Event command) {
    if (recorded instanceof Event.ActivityTaskScheduled r
        && command instanceof Event.ActivityTaskScheduled c) {
      return r.seq() == c.seq() && r.activityType().equals(c.activityType());
    }
    if (recorded instanceof Event.TimerStarted r && command instanceof Event.TimerStarted c) {
      return r.seq() == c.seq();
    }
    if (recorded instanceof Event.TimerCanceled r && command instanceof Event.TimerCanceled c) {
      return r.seq() == c.seq();
    }
    if (recorded instanceof Event.StartChildWorkflowExecutionInitiated r
        && command instanceof Event.StartChildWorkflowExecutionInitiated c) {
      return r.seq() == c.seq() && r.workflowType().equals(c.workflowType());
    }
    if (recorded instanceof Event.SignalExternalWorkflowExecutionInitiated r
        && command instanceof Event.SignalExternalWorkflowExecutionInitiated c) {
      return r.seq() == c.seq()
          && r.signalName().equals(c.signalName())
          && r.workflowId().equals(c.workflowId());
    }
    if (recorded instanceof Event.ActivityTaskCancelRequested r
        && command instanceof Event.ActivityTaskCancelRequested c) {
      return r.seq() == c.seq();
    }
    if (recorded instanceof Event.RequestCancelExternalWorkflowExecutionInitiated r
        && command instanceof Event.RequestCancelExternalWorkflowExecutionInitiated c) {
      return r.seq() == c.seq() && r.workflowId().equals(c.workflowId());
    }
    if (recorded instanceof Event.MarkerRecorded r && command instanceof Event.MarkerRecorded c) {
      return r.seq() == c.seq() && r.markerName().equals(c.markerName());
    }
    return recorded.getClass() == command.getClass();
  }

  private static String describeCommand(Event command) {
    if (command instanceof Event.ActivityTaskScheduled s) {
      return "schedule activity " + s.activityType() + " (activity #" + s.seq() + ")";
    }
    if (command instanceof Event.TimerStarted t) {
      return "start a timer of " + Duration.ofMillis(t.durationMillis()) + " (#" + t.seq() + ")";
    }
    if (command instanceof Event.TimerCanceled t) {
      return "cancel timer #" + t.seq();
    }
    if (command instanceof Event.MarkerRecorded m) {
      return "record " + m.markerName() + " (#" + m.seq() + ")";
    }
    if (command instanceof Event.StartChildWorkflowExecutionInitiated c) {
      return "start child workflow " + c.workflowType() + " (#" + c.seq() + ")";
    }
    if (command instanceof Event.SignalExternalWorkflowExecutionInitiated c) {
      return "signal " + c.signalName() + " to workflow " + c.workflowId() + " (#" + c.seq() + ")";
    }
    if (command instanceof Event.ActivityTaskCancelRequested c) {
      return "cancel activity #" + c.seq();
    }
    if (command instanceof Event.RequestCancelExternalWorkflowExecutionInitiated c) {
      return "cancel workflow " + c.workflowId() + " (#" + c.seq() + ")";
    }
    if (command instanceof Event.WorkflowExecutionCanceled) {
      return "end the workflow as cancelled";
    }
    if (command instanceof Event.WorkflowExecutionCompleted) {
      return "complete the workflow";
    }
    if (command instanceof Event.WorkflowExecutionFailed) {
      return "fail the workflow";
    }
    return command.typeName();
  }

  static String describe(Event event) {
    if (event instanceof Event.ActivityTaskScheduled s) {
      return "ActivityTaskScheduled " + s.activityType() + " (activity #" + s.seq() + ")";
    }
    if (event instanceof Event.TimerStarted t) {
      return "TimerStarted " + Duration.ofMillis(t.durationMillis()) + " (#" + t.seq() + ")";
    }
    if (event instanceof Event.MarkerRecorded m) {
      return "MarkerRecorded "
          + m.markerName()
          + (m.markerName().equals(LOCAL_ACTIVITY) ? " " + localActivityTypeOf(m) : "")
          + " (#"
          + m.seq()
          + ")";
    }
    if (event instanceof Event.ActivityTaskCompleted c) {
      return "ActivityTaskCompleted (activity #" + c.seq() + ")";
    }
    if (event instanceof Event.StartChildWorkflowExecutionInitiated c) {
      return "StartChildWorkflowExecutionInitiated " + c.workflowType() + " (#" + c.seq() + ")";
    }
    if (event instanceof Event.SignalExternalWorkflowExecutionInitiated c) {
      return "SignalExternalWorkflowExecutionInitiated "
          + c.signalName()
          + " to "
          + c.workflowId()
          + " (#"
          + c.seq()
          + ")";
    }
    return event.typeName();
  }

  @Override
  public <R> Promise<R> executeActivity(
      ActivityType<R> type, ActivityOptions options, Object[] arguments) {
    CancellationScopeImpl scope = currentCancellationScope();
    if (scope.isCancelRequested()) {
      return cancelled("Activity " + type.name() + " was not started: its scope is cancelled");
    }
    ActivityOptions merged = type.options().mergedWith(options);
    Duration startToClose = merged.startToClose();
    if (startToClose == null) {
      startToClose =
          merged.scheduleToClose() != null
              ? merged.scheduleToClose()
              : ActivityOptions.DEFAULT_START_TO_CLOSE;
    }
    if (merged.heartbeat() != null && merged.heartbeat().compareTo(startToClose) >= 0) {
      throw new IllegalArgumentException(
          "Activity "
              + type.name()
              + " has a heartbeat timeout of "
              + merged.heartbeat()
              + ", not shorter than its start-to-close timeout of "
              + startToClose
              + ": it could never time out by heartbeat. Make the heartbeat timeout shorter, or"
              + " drop it.");
    }
    RetryOptions retry = merged.retry() != null ? merged.retry() : RetryOptions.getDefault();
    int seq = nextSeq++;
    Event.ActivityTaskScheduled command =
        new Event.ActivityTaskScheduled(
            seq,
            type.name(),
            merged.taskQueue() != null ? merged.taskQueue() : taskQueue,
            converter.encodeArguments("activity " + type.name(), type.parameterTypes(), arguments),
            startToClose.toMillis(),
            millis(merged.scheduleToClose()),
            millis(merged.scheduleToStart()),
            millis(merged.heartbeat()),
            RetryPolicyData.of(retry));
    PromiseImpl<Object> promise = new PromiseImpl<>(scheduler);
    pendingActivities.put(seq, new PendingActivity(type, promise));
    addCommand(command);
    promise.cancelWith(
        scope,
        () -> {
          addCommand(new Event.ActivityTaskCancelRequested(seq));
          promise.fail(new CanceledFailure("Activity " + type.name() + " was cancelled"));
        });
    @SuppressWarnings("unchecked")
    Promise<R> typed = (Promise<R>) (Promise<?>) promise;
    return typed;
  }

  @Override
  public <R> Promise<R> executeLocalActivity(
      ActivityType<R> type, dev.baton.LocalActivityOptions options, Object[] arguments) {
    ActivityOptions declared = type.options();
    Duration scheduleToClose =
        options.scheduleToClose() != null ? options.scheduleToClose() : declared.scheduleToClose();
    Duration startToClose =
        options.startToClose() != null ? options.startToClose() : declared.startToClose();
    if (startToClose == null) {
      startToClose =
          scheduleToClose != null ? scheduleToClose : ActivityOptions.DEFAULT_START_TO_CLOSE;
    }
    RetryOptions retry =
        options.retry() != null
            ? options.retry()
            : declared.retry() != null ? declared.retry() : RetryOptions.getDefault();
    Duration threshold =
        options.localRetryThreshold() != null
            ? options.localRetryThreshold()
            : dev.baton.LocalActivityOptions.DEFAULT_LOCAL_RETRY_THRESHOLD;
    JsonNode input =
        converter.encodeArguments(
            "local activity " + type.name(), type.parameterTypes(), arguments);
    PromiseImpl<Object> promise = new PromiseImpl<>(scheduler);
    int seq = nextSeq++;
    pendingLocalActivities.put(
        seq,
        new PendingLocalActivity(
            seq,
            type,
            input,
            currentTimeMillis,
            startToClose.toMillis(),
            millis(scheduleToClose),
            RetryPolicyData.of(retry),
            threshold.toMillis(),
            promise));
    @SuppressWarnings("unchecked")
    Promise<R> typed = (Promise<R>) (Promise<?>) promise;
    return typed;
  }

  /**
   * When live and local activities are pending: starts those not yet started, waits for the next
   * one to end, records its marker and hands its outcome to the code. Returns whether it did.
   */
  private boolean awaitLocalActivity() {
    if (closed || pendingLocalActivities.isEmpty()) {
      return false;
    }
    for (PendingLocalActivity pending : pendingLocalActivities.values()) {
      if (!pending.launched) {
        launch(pending);
      }
    }
    LocalActivityOutcome outcome = localActivities.next();
    PendingLocalActivity pending = pendingLocalActivities.get(outcome.seq());
    if (pending == null || pending.attempt > outcome.attempt()) {
      throw new IllegalStateException("Unexpected local activity outcome " + outcome);
    }
    ObjectNode value = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    value.put("activityType", pending.type.name());
    value.put("attempt", outcome.attempt());
    if (outcome.result() != null) {
      value.set("result", outcome.result());
    }
    if (outcome.retryAfterMillis() > 0) {
      value.put("retryAfterMillis", outcome.retryAfterMillis());
    }
    Event.MarkerRecorded marker =
        new Event.MarkerRecorded(pending.seq, LOCAL_ACTIVITY, value, outcome.failure());
    addCommand(marker);
    applyLocalActivityMarker(pending, marker);
    return true;
  }

  private void launch(PendingLocalActivity pending) {
    if (!localActivities.isRegistered(pending.type.name())) {
      throw new WorkflowTaskFailure(
          "Workflow "
              + implementation.typeName()
              + " ("
              + workflowId
              + ") calls local activity "
              + pending.type.name()
              + ", which is not registered on this worker: a local activity runs on the worker"
              + " that runs the workflow, so register its implementation there with"
              + " registerActivities",
          null);
    }
    long remaining =
        pending.scheduleToCloseMillis == null
            ? Long.MAX_VALUE
            : pending.scheduledTimeMillis + pending.scheduleToCloseMillis - currentTimeMillis;
    localActivities.start(
        new LocalActivityRequest(
            workflowId,
            runId,
            pending.seq,
            pending.type.name(),
            pending.input,
            pending.attempt,
            pending.scheduledTimeMillis,
            pending.startToCloseMillis,
            Math.max(0, remaining),
            pending.retry,
            pending.localRetryThresholdMillis));
    pending.launched = true;
  }

  /**
   * When replaying and the next recorded command is a local activity's marker: hands its outcome to
   * the code, at the point where the live run recorded it (every branch waiting). Returns whether
   * it did.
   */
  private boolean takeRecordedLocalActivity() {
    StoredEvent next = expectedCommands == null ? null : expectedCommands.peek();
    if (next == null
        || !(next.event() instanceof Event.MarkerRecorded marker)
        || !marker.markerName().equals(LOCAL_ACTIVITY)) {
      return false;
    }
    PendingLocalActivity pending = pendingLocalActivities.get(marker.seq());
    if (pending == null || !pending.type.name().equals(localActivityTypeOf(marker))) {
      throw new NonDeterministicException(
          next.eventId(),
          describe(marker),
          pending == null
              ? "no local activity #" + marker.seq() + " is running"
              : "local activity " + pending.type.name() + " (#" + pending.seq + ")");
    }
    expectedCommands.poll();
    applyLocalActivityMarker(pending, marker);
    return true;
  }

  private static String localActivityTypeOf(Event.MarkerRecorded marker) {
    return marker.value() == null ? "?" : marker.value().path("activityType").asText("?");
  }

  /** Completes or fails the code's promise, or starts the timer before the next attempt. */
  private void applyLocalActivityMarker(PendingLocalActivity pending, Event.MarkerRecorded marker) {
    pendingLocalActivities.remove(pending.seq);
    JsonNode value = marker.value();
    int attempt = value == null ? pending.attempt : value.path("attempt").asInt(pending.attempt);
    long retryAfter = value == null ? 0 : value.path("retryAfterMillis").asLong(0);
    if (marker.failure() == null) {
      pending.promise.complete(
          converter.decode(
              "result of local activity " + pending.type.name(),
              value != null && value.has("result")
                  ? value.get("result")
                  : com.fasterxml.jackson.databind.node.NullNode.getInstance(),
              pending.type.resultType().type()));
    } else if (retryAfter > 0) {
      pending.attempt = attempt + 1;
      pending.launched = false;
      int timerSeq = nextSeq++;
      localRetryTimers.put(timerSeq, pending);
      engineCommand = true;
      try {
        addCommand(new Event.TimerStarted(timerSeq, retryAfter));
      } finally {
        engineCommand = false;
      }
    } else {
      pending.promise.fail(
          new ActivityFailure(
              pending.type.name(), attempt, marker.failure().toApplicationFailure()));
    }
  }

  /** A promise failed with a {@link CanceledFailure}, for an operation a cancelled scope skips. */
  private <R> Promise<R> cancelled(String message) {
    PromiseImpl<R> promise = new PromiseImpl<>(scheduler);
    promise.fail(new CanceledFailure(message));
    return promise;
  }

  /** The cancellation scope of the workflow code running on this thread. */
  CancellationScopeImpl currentCancellationScope() {
    DeterministicScheduler.Branch branch = DeterministicScheduler.currentBranch();
    return branch == null ? rootScope : branch.scope();
  }

  private static @Nullable Long millis(@Nullable Duration duration) {
    return duration == null ? null : duration.toMillis();
  }

  @Override
  public <R> Promise<R> executeChildWorkflow(
      dev.baton.WorkflowType<R> type, dev.baton.ChildWorkflowOptions options, Object[] arguments) {
    String childId =
        options.workflowId() != null ? options.workflowId() : workflowId + "/" + randomUUID();
    // (The same rule as Workflows.newChildWorkflowId(), which generated child stubs use.)
    if (childId.length() > 255) {
      throw new IllegalArgumentException(
          "The child's default workflow id (the parent's id, a slash and a UUID) is over 255"
              + " characters; set one with ChildWorkflowOptions.workflowId");
    }
    JsonNode input =
        converter.encodeArguments(
            "child workflow " + type.name(), type.parameterTypes(), arguments);
    CancellationScopeImpl scope = currentCancellationScope();
    if (scope.isCancelRequested()) {
      return cancelled(
          "Child workflow " + type.name() + " was not started: its scope is cancelled");
    }
    int seq = nextSeq++;
    PromiseImpl<Object> result = new PromiseImpl<>(scheduler);
    pendingChildren.put(seq, new PendingChild(type, childId, result));
    result.cancelWith(
        scope,
        () -> {
          requestCancelExternalWorkflow(childId);
          result.fail(
              new CanceledFailure(
                  "Child workflow " + type.name() + " (" + childId + ") cancelled"));
        });
    addCommand(
        new Event.StartChildWorkflowExecutionInitiated(
            seq,
            type.name(),
            childId,
            options.taskQueue() != null ? options.taskQueue() : type.taskQueue(),
            input,
            options.parentClosePolicy().name(),
            options.retry() == null ? null : RetryPolicyData.of(options.retry()),
            options.executionTimeout().toMillis()));
    @SuppressWarnings("unchecked")
    Promise<R> typed = (Promise<R>) (Promise<?>) result;
    return typed;
  }

  @Override
  public Promise<Void> signalExternalWorkflow(
      String targetWorkflowId, dev.baton.SignalType signal, Object[] arguments) {
    JsonNode input =
        converter.encodeArguments("signal " + signal.name(), signal.parameterTypes(), arguments);
    int seq = nextSeq++;
    PromiseImpl<Void> sent = new PromiseImpl<>(scheduler);
    pendingExternalSignals.put(seq, sent);
    addCommand(
        new Event.SignalExternalWorkflowExecutionInitiated(
            seq, targetWorkflowId, signal.name(), input));
    return sent;
  }

  @Override
  public void continueAsNew(Object[] arguments) {
    JsonNode input =
        converter.encodeArguments(
            "continue-as-new of " + implementation.typeName(),
            implementation.dispatcher().type().parameterTypes(),
            arguments);
    addCommand(new Event.WorkflowExecutionContinuedAsNew(input));
    throw new ContinueAsNewError();
  }

  @Override
  public int getVersion(String changeId, int minSupported, int maxSupported) {
    Integer version = versions.get(changeId);
    if (version == null) {
      version = replaying ? recordedVersion(changeId) : recordVersion(changeId, maxSupported);
      versions.put(changeId, version);
    }
    if (version < minSupported || version > maxSupported) {
      throw new IllegalStateException(
          "Workflow "
              + implementation.typeName()
              + " ("
              + workflowId
              + ") uses version "
              + version
              + (version == dev.baton.Workflows.DEFAULT_VERSION
                  ? " (recorded before the change)"
                  : "")
              + " of change '"
              + changeId
              + "', but this code supports only "
              + minSupported
              + ".."
              + maxSupported
              + ". Deploy code that still supports it, or let such runs finish before removing"
              + " support.");
    }
    return version;
  }

  /** On replay: the version the marker at this point recorded, or none when it predates it. */
  private int recordedVersion(String changeId) {
    StoredEvent next = expectedCommands == null ? null : expectedCommands.peek();
    if (next != null
        && next.event() instanceof Event.MarkerRecorded marker
        && marker.markerName().equals(VERSION)
        && marker.value() != null
        && changeId.equals(marker.value().path("changeId").asText())) {
      nextSeq++;
      expectedCommands.poll();
      return marker.value().path("version").asInt();
    }
    return dev.baton.Workflows.DEFAULT_VERSION;
  }

  private int recordVersion(String changeId, int version) {
    ObjectNode value = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    value.put("changeId", changeId).put("version", version);
    addCommand(new Event.MarkerRecorded(nextSeq++, VERSION, value, null));
    return version;
  }

  @Override
  public Promise<Void> requestCancelExternalWorkflow(String targetWorkflowId) {
    int seq = nextSeq++;
    PromiseImpl<Void> sent = new PromiseImpl<>(scheduler);
    pendingExternalCancels.put(seq, sent);
    addCommand(new Event.RequestCancelExternalWorkflowExecutionInitiated(seq, targetWorkflowId));
    return sent;
  }

  @Override
  public dev.baton.CancellationScope newCancellationScope(boolean detached, Runnable body) {
    return CancellationScopeImpl.create(detached ? null : currentCancellationScope(), body);
  }

  @Override
  public dev.baton.CancellationScope currentScope() {
    return currentCancellationScope();
  }

  @Override
  public Promise<Void> newTimer(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A timer's duration must not be negative: " + duration);
    }
    PromiseImpl<Void> timer = new PromiseImpl<>(scheduler);
    CancellationScopeImpl scope = currentCancellationScope();
    if (scope.isCancelRequested()) {
      return cancelled("The timer was not started: its scope is cancelled");
    }
    if (duration.isZero()) {
      timer.complete(null);
      return timer;
    }
    int seq = nextSeq++;
    pendingTimers.put(seq, timer);
    addCommand(new Event.TimerStarted(seq, duration.toMillis()));
    timer.cancelWith(
        scope,
        () -> {
          cancelTimer(timer);
          timer.fail(new CanceledFailure("The timer of " + duration + " was cancelled"));
        });
    return timer;
  }

  @Override
  public void await(BooleanSupplier condition) {
    CancellationScopeImpl scope = currentCancellationScope();
    scheduler.await(() -> condition.getAsBoolean() || scope.isCancelRequested());
    if (!condition.getAsBoolean()) {
      throw new CanceledFailure("The wait for a condition was cancelled");
    }
  }

  @Override
  public boolean await(Duration timeout, BooleanSupplier condition) {
    if (condition.getAsBoolean()) {
      return true;
    }
    Promise<Void> timer = newTimer(timeout);
    scheduler.await(() -> condition.getAsBoolean() || timer.isCompleted());
    boolean met = condition.getAsBoolean();
    if (met && !timer.isCompleted()) {
      cancelTimer(timer);
    }
    if (!met && currentScope().isCancelRequested()) {
      throw new CanceledFailure("The wait for a condition was cancelled");
    }
    return met;
  }

  private void cancelTimer(Promise<Void> timer) {
    for (var entry : pendingTimers.entrySet()) {
      if (entry.getValue() == timer) {
        int seq = entry.getKey();
        pendingTimers.remove(seq);
        addCommand(new Event.TimerCanceled(seq));
        return;
      }
    }
  }

  @Override
  public <R> Promise<R> async(java.util.function.Supplier<R> body) {
    PromiseImpl<R> promise = new PromiseImpl<>(scheduler);
    scheduler.newBranch(
        "async",
        currentCancellationScope(),
        () -> {
          try {
            promise.complete(body.get());
          } catch (DestroyWorkflowThreadError e) {
            throw e;
          } catch (RuntimeException e) {
            promise.fail(e);
          }
        });
    return promise;
  }

  @Override
  public <R> R sideEffect(dev.baton.TypeRef<R> type, java.util.function.Supplier<R> body) {
    int seq = nextSeq++;
    JsonNode value;
    if (replaying) {
      Event recorded = addCommand(new Event.MarkerRecorded(seq, SIDE_EFFECT, null, null));
      value = ((Event.MarkerRecorded) recorded).value();
    } else {
      value = converter.encodeChecked("side effect", body.get());
      addCommand(new Event.MarkerRecorded(seq, SIDE_EFFECT, value, null));
    }
    @SuppressWarnings("unchecked")
    R result = (R) converter.decode("side effect", value, type.type());
    return result;
  }

  @Override
  public UUID randomUUID() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(most, least);
  }

  @Override
  public Random newRandom() {
    return new Random(random.nextLong());
  }

  @Override
  public WorkflowInfo info() {
    return new WorkflowInfo(
        workflowId,
        runId,
        implementation.typeName(),
        taskQueue,
        taskAttempt,
        Instant.ofEpochMilli(startTimeMillis),
        runAttempt);
  }

  /**
   * Answers a query from the workflow's current state, on the calling thread.
   *
   * @throws IllegalStateException if the workflow has not run its first task yet
   */
  public Object query(String name, Object[] arguments) throws Exception {
    if (workflow == null) {
      throw new IllegalStateException("The workflow has not run its first workflow task yet");
    }
    return implementation.query(workflow, name, arguments);
  }

  /** The workflow implementation this instance runs. */
  public WorkflowImplementation<?> implementation() {
    return implementation;
  }

  @Override
  public Instant currentTime() {
    return Instant.ofEpochMilli(currentTimeMillis);
  }

  @Override
  public boolean isReplaying() {
    return replaying;
  }
}
