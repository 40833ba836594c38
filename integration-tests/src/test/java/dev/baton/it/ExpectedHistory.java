package dev.baton.it;

import java.util.List;

/** Event types of the histories the tests expect. */
final class ExpectedHistory {
  private ExpectedHistory() {}

  /** A run of {@link Fulfilment}: three activities in sequence, then completion. */
  static final List<String> THREE_ACTIVITIES =
      List.of(
          "WorkflowExecutionStarted",
          "WorkflowTaskScheduled",
          "WorkflowTaskStarted",
          "WorkflowTaskCompleted",
          "ActivityTaskScheduled",
          "ActivityTaskStarted",
          "ActivityTaskCompleted",
          "WorkflowTaskScheduled",
          "WorkflowTaskStarted",
          "WorkflowTaskCompleted",
          "ActivityTaskScheduled",
          "ActivityTaskStarted",
          "ActivityTaskCompleted",
          "WorkflowTaskScheduled",
          "WorkflowTaskStarted",
          "WorkflowTaskCompleted",
          "ActivityTaskScheduled",
          "ActivityTaskStarted",
          "ActivityTaskCompleted",
          "WorkflowTaskScheduled",
          "WorkflowTaskStarted",
          "WorkflowTaskCompleted",
          "WorkflowExecutionCompleted");
}
