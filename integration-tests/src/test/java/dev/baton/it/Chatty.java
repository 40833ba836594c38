package dev.baton.it;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** A workflow that calls activities forever, so its history grows without bound. */
@Workflow(taskQueue = "chatty")
public interface Chatty {
  /** Never returns. */
  @WorkflowMethod
  String talk();

  /** The implementation. */
  class Impl implements Chatty {
    private final Durable_EchoStub echo = Durable_EchoStub.create();

    @Override
    public String talk() {
      for (int i = 0; ; i++) {
        echo.echo(i);
      }
    }
  }
}
