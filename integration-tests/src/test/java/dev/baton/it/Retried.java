package dev.baton.it;

import dev.baton.ApplicationFailure;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;

/** A workflow whose early runs fail, for the workflow retry policy tests. */
@Workflow(taskQueue = "retried")
public interface Retried {
  /**
   * Fails with type {@code failureType} while its run attempt is below {@code succeedOnAttempt};
   * then returns which attempt succeeded.
   */
  @WorkflowMethod
  String run(int succeedOnAttempt, String failureType);

  /** The implementation. */
  class Impl implements Retried {
    @Override
    public String run(int succeedOnAttempt, String failureType) {
      int attempt = Workflows.getInfo().runAttempt();
      if (attempt < succeedOnAttempt) {
        throw ApplicationFailure.newFailure("attempt " + attempt + " failed", failureType);
      }
      return "succeeded on attempt " + attempt;
    }
  }
}
