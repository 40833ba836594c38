package dev.baton.bench;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** B1, B2, B3, B6: three sequential activities returning short strings. */
@Workflow(taskQueue = "bench")
public interface Chain {
  @WorkflowMethod
  String run(String id);

  /** The result every run must return for {@code id}. */
  static String expected(String id) {
    return id + ":1:2:3";
  }
}
