package dev.baton.it;

import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.util.ArrayList;
import java.util.List;

/**
 * A workflow whose code changes while runs are open: which version of the code is deployed is
 * {@link #deployed}, so one test can play three deployments in turn.
 */
@Workflow(taskQueue = "upgrades")
public interface Upgradable {
  /** Echoes "a", waits for {@code proceed}, echoes "b"; version 2 adds "c" after "a". */
  @WorkflowMethod
  List<String> run();

  /** Lets the run go on. */
  @Signal
  void proceed();

  /** The deployed code: 1 (before the change), 2 (with it), 3 (old runs no longer supported). */
  int[] DEPLOYED = {1};

  /** The implementation, as deployed. */
  class Impl implements Upgradable {
    private final Durable_EchoStub echo = Durable_EchoStub.create();
    private boolean proceed;

    @Override
    public List<String> run() {
      List<String> out = new ArrayList<>();
      out.add(echo.echo(1));
      int deployed = DEPLOYED[0];
      if (deployed >= 2) {
        int min = deployed == 2 ? Workflows.DEFAULT_VERSION : 1;
        if (Workflows.getVersion("add-step-c", min, 1) == 1) {
          out.add(echo.echo(3));
        }
      }
      Workflows.await(() -> proceed);
      out.add(echo.echo(2));
      return out;
    }

    @Override
    public void proceed() {
      proceed = true;
    }
  }
}
