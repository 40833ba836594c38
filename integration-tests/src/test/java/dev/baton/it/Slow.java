package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** A workflow with one activity whose implementation tests control. */
@Workflow(taskQueue = "slow")
public interface Slow {
  /** Runs {@link Work#run} and returns its result. */
  @WorkflowMethod
  String run(String input);

  /** The controlled activity. */
  @Activity
  interface Work {
    /** Does the work. */
    @ActivityMethod(startToClose = "PT30S")
    String run(String input);
  }

  /** Calls the activity once. */
  class Impl implements Slow {
    private final Slow_WorkStub work = Slow_WorkStub.create();

    @Override
    public String run(String input) {
      return work.run(input);
    }
  }
}
