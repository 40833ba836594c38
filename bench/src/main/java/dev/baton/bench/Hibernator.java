package dev.baton.bench;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;

/** B7: the workflow of a typical harness test, which sleeps 30 days and then calls an activity. */
@Workflow(taskQueue = "bench-b7")
public interface Hibernator {
  /** Sleeps 30 days, then returns {@code id} stepped once. */
  @WorkflowMethod
  String run(String id);

  /** The implementation. */
  class Impl implements Hibernator {
    private final StepsStub steps = StepsStub.create();

    @Override
    public String run(String id) {
      Workflows.sleep(Duration.ofDays(30));
      return steps.step(id, 1);
    }
  }
}
