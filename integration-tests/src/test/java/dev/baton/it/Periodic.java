package dev.baton.it;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;

/** A periodic job that works and continues as a new run, {@code total} times. */
@Workflow(taskQueue = "periodic")
public interface Periodic {
  /** Runs round {@code round} of {@code total}; the last returns the sum of the rounds' work. */
  @WorkflowMethod
  long run(int round, int total, long sum);

  /** The implementation. */
  class Impl implements Periodic {
    private final Durable_EchoStub echo = Durable_EchoStub.create();

    @Override
    public long run(int round, int total, long sum) {
      long done = sum + echo.echo(round).length();
      if (round < total) {
        Workflows.continueAsNew(round + 1, total, done);
      }
      return done;
    }
  }
}
