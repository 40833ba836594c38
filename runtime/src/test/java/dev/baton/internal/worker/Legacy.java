package dev.baton.internal.worker;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** A workflow type whose dispatcher is a sibling class, {@link LegacyDispatcher}. */
@Workflow(taskQueue = "legacy")
public interface Legacy {
  /** Returns {@code text}. */
  @WorkflowMethod
  String echo(String text);

  /** The implementation a worker registers. */
  final class Impl implements Legacy {
    @Override
    public String echo(String text) {
      return text;
    }
  }
}
