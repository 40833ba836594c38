package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityFailure;
import dev.baton.ActivityMethod;
import dev.baton.ApplicationFailure;
import dev.baton.Retry;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** A workflow that fails in the way its input names, for the failure tests. */
@Workflow(taskQueue = "failing")
public interface Failing {
  /** Fails (or not) as {@code mode} says. */
  @WorkflowMethod(failRunOn = IllegalArgumentException.class)
  String run(String mode);

  /** An activity that fails as told. */
  @Activity
  interface Flaky {
    /** Fails {@code failures} times, then returns. */
    @ActivityMethod(
        startToClose = "PT30S",
        retry = @Retry(initialInterval = "PT0.05S", maximumAttempts = 4))
    String call(String mode, int failures);
  }

  /** The implementation. */
  class Impl implements Failing {
    private final Failing_FlakyStub flaky = Failing_FlakyStub.create();

    @Override
    public String run(String mode) {
      switch (mode) {
        case "bug" -> throw new IllegalStateException("a bug in workflow code");
        case "declared" -> throw new IllegalArgumentException("declared in failRunOn");
        case "application" -> throw ApplicationFailure.newFailure("order is void", "OrderVoid");
        case "caught" -> {
          try {
            return flaky.call("transient", 10);
          } catch (ActivityFailure e) {
            return "caught " + e.getCause().type() + " after " + e.attempt() + " attempts";
          }
        }
        default -> {
          return flaky.call(mode, 2);
        }
      }
    }
  }
}
