package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** A workflow whose two activities are served by two different workers of one task queue. */
@Workflow(taskQueue = "shared")
public interface Shared {
  /** Calls {@link Left#left} and {@link Right#right}. */
  @WorkflowMethod
  String run(String input);

  /** Served by the workflow's worker. */
  @Activity
  interface Left {
    /** Tags the input. */
    @ActivityMethod(startToClose = "PT10S")
    String left(String input);
  }

  /** Served by another worker on the same queue. */
  @Activity
  interface Right {
    /** Tags the input. */
    @ActivityMethod(startToClose = "PT10S")
    String right(String input);
  }

  /** The implementation. */
  class Impl implements Shared {
    private final Shared_LeftStub left = Shared_LeftStub.create();
    private final Shared_RightStub right = Shared_RightStub.create();

    @Override
    public String run(String input) {
      return right.right(left.left(input));
    }
  }
}
