package dev.baton.it;

import dev.baton.CanceledFailure;
import dev.baton.CancellationScope;
import dev.baton.Promise;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.time.Duration;

/** A workflow that is cancelled while it sleeps, waits or runs an activity. */
@Workflow(taskQueue = "chores")
public interface Cancellable {
  /** Runs {@code scenario}; says how it ended. */
  @WorkflowMethod
  String run(String scenario);

  /** Lets the "scope" scenario go on. */
  @Signal
  void approve();

  /** The implementation. */
  class Impl implements Cancellable {
    private final Chores_WorkStub work = Chores_WorkStub.create();
    private boolean approved;

    @Override
    public String run(String scenario) {
      switch (scenario) {
        case "sleep-then-clean-up" -> {
          try {
            Workflows.sleep(Duration.ofDays(30));
            return "slept";
          } catch (CanceledFailure e) {
            // Clean-up that must run although the workflow is cancelled.
            Workflows.newDetachedCancellationScope(() -> work.sleepy(0)).run();
            throw e;
          }
        }
        case "scope" -> {
          CancellationScope reminder =
              Workflows.newCancellationScope(() -> Workflows.sleep(Duration.ofDays(3)));
          Promise<Void> reminded = Workflows.async(reminder::run);
          Workflows.await(() -> approved);
          reminder.cancel();
          try {
            reminded.get();
            return "reminded";
          } catch (CanceledFailure e) {
            return "reminder cancelled before it fired";
          }
        }
        case "activity" -> {
          try {
            return work.heartbeatUntilCancelled();
          } catch (CanceledFailure e) {
            // Stay open a while, so the activity hears of its cancellation, not of a closed run.
            Workflows.newDetachedCancellationScope(() -> Workflows.sleep(Duration.ofSeconds(2)))
                .run();
            return "stopped: " + e.getMessage();
          }
        }
        default -> throw new IllegalArgumentException("no scenario " + scenario);
      }
    }

    @Override
    public void approve() {
      approved = true;
    }
  }
}
