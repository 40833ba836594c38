package dev.baton.it.greeter;

import dev.baton.ApplicationFailure;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.Workflows;
import java.util.ArrayList;
import java.util.List;

/**
 * A child workflow for the child workflow tests, in a package of its own so that a worker JVM can
 * run it with only this package on its class path.
 */
@Workflow(taskQueue = "greeters")
public interface Greeter {
  /** Greets {@code name}; fails for "fail"; for "wait:N" waits for N pokes and returns them. */
  @WorkflowMethod
  String greet(String name);

  /** A note for a waiting greeter. */
  @Signal
  void poke(String note);

  /** The implementation. */
  class Impl implements Greeter {
    private final List<String> pokes = new ArrayList<>();

    @Override
    public String greet(String name) {
      if (name.equals("fail")) {
        throw ApplicationFailure.newFailure("child says no", "ChildRefused");
      }
      if (name.startsWith("wait:")) {
        int count = Integer.parseInt(name.substring("wait:".length()));
        Workflows.await(() -> pokes.size() >= count);
        return "poked: " + String.join(",", pokes);
      }
      return "hello " + name + " from " + Workflows.getInfo().taskQueue();
    }

    @Override
    public void poke(String note) {
      pokes.add(note);
    }
  }
}
