package dev.baton.internal.client;

import dev.baton.WorkflowDescription.Step;
import dev.baton.WorkflowDescription.StepKind;
import dev.baton.WorkflowDescription.StepState;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a run's steps — activities, local activities, timers, children — from its history. */
final class RunSteps {
  private final Map<String, Step> steps = new LinkedHashMap<>();

  private RunSteps() {}

  /** The steps of {@code history}, in the order they were started. */
  static List<Step> of(List<StoredEvent> history) {
    RunSteps reader = new RunSteps();
    history.forEach(reader::read);
    return new ArrayList<>(reader.steps.values());
  }

  private void read(StoredEvent stored) {
    Instant time = Instant.ofEpochMilli(stored.time());
    Event event = stored.event();
    if (event instanceof Event.ActivityTaskScheduled s) {
      start(StepKind.ACTIVITY, s.seq(), s.activityType(), time);
    } else if (event instanceof Event.ActivityTaskCompleted e) {
      end(StepKind.ACTIVITY, e.seq(), StepState.SUCCEEDED, time);
    } else if (event instanceof Event.ActivityTaskFailed e) {
      end(StepKind.ACTIVITY, e.seq(), StepState.FAILED, time);
    } else if (event instanceof Event.ActivityTaskTimedOut e) {
      end(StepKind.ACTIVITY, e.seq(), StepState.TIMED_OUT, time);
    } else if (event instanceof Event.ActivityTaskCancelRequested e) {
      end(StepKind.ACTIVITY, e.seq(), StepState.CANCELLED, time);
    } else if (event instanceof Event.TimerStarted s) {
      start(StepKind.TIMER, s.seq(), "timer of " + Duration.ofMillis(s.durationMillis()), time);
    } else if (event instanceof Event.TimerFired e) {
      end(StepKind.TIMER, e.seq(), StepState.SUCCEEDED, time);
    } else if (event instanceof Event.TimerCanceled e) {
      end(StepKind.TIMER, e.seq(), StepState.CANCELLED, time);
    } else if (event instanceof Event.StartChildWorkflowExecutionInitiated s) {
      start(StepKind.CHILD_WORKFLOW, s.seq(), s.workflowType() + " " + s.workflowId(), time);
    } else if (event instanceof Event.ChildWorkflowExecutionCompleted e) {
      end(StepKind.CHILD_WORKFLOW, e.seq(), StepState.SUCCEEDED, time);
    } else if (event instanceof Event.ChildWorkflowExecutionFailed e) {
      end(StepKind.CHILD_WORKFLOW, e.seq(), StepState.FAILED, time);
    } else if (event instanceof Event.StartChildWorkflowExecutionFailed e) {
      end(StepKind.CHILD_WORKFLOW, e.seq(), StepState.FAILED, time);
    } else if (event instanceof Event.ChildWorkflowExecutionTerminated e) {
      end(StepKind.CHILD_WORKFLOW, e.seq(), StepState.FAILED, time);
    } else if (event instanceof Event.ChildWorkflowExecutionCanceled e) {
      end(StepKind.CHILD_WORKFLOW, e.seq(), StepState.CANCELLED, time);
    } else if (event instanceof Event.ChildWorkflowExecutionTimedOut e) {
      end(StepKind.CHILD_WORKFLOW, e.seq(), StepState.TIMED_OUT, time);
    } else if (event instanceof Event.MarkerRecorded m && m.markerName().equals("LocalActivity")) {
      String type = m.value() == null ? "?" : m.value().path("activityType").asText("?");
      start(StepKind.LOCAL_ACTIVITY, m.seq(), type, time);
      boolean retried = m.value() != null && m.value().path("retryAfterMillis").asLong(0) > 0;
      if (m.failure() == null) {
        end(StepKind.LOCAL_ACTIVITY, m.seq(), StepState.SUCCEEDED, time);
      } else if (!retried) {
        end(StepKind.LOCAL_ACTIVITY, m.seq(), StepState.FAILED, time);
      }
    }
  }

  private void start(StepKind kind, int id, String name, Instant time) {
    steps.putIfAbsent(kind + ":" + id, new Step(kind, id, name, StepState.IN_PROGRESS, time, null));
  }

  /** Ends a step in progress; a later event of a step that ended already changes nothing. */
  private void end(StepKind kind, int id, StepState state, Instant time) {
    Step step = steps.get(kind + ":" + id);
    if (step != null && step.state() == StepState.IN_PROGRESS) {
      steps.put(kind + ":" + id, new Step(kind, id, step.name(), state, step.started(), time));
    }
  }
}
