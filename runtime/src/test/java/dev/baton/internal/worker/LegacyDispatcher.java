package dev.baton.internal.worker;

import dev.baton.TypeRef;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;

/** Written by hand under the name earlier processors generated, beside the workflow type. */
public final class LegacyDispatcher implements WorkflowDispatcher<Legacy> {
  static final WorkflowType<String> TYPE =
      WorkflowType.of("Legacy", "legacy", TypeRef.of(String.class), TypeRef.of(String.class));

  /** Found by its name. */
  public LegacyDispatcher() {}

  @Override
  public WorkflowType<?> type() {
    return TYPE;
  }

  @Override
  public Class<Legacy> workflowClass() {
    return Legacy.class;
  }

  @Override
  public Object execute(Legacy workflow, Object[] arguments) {
    return workflow.echo((String) arguments[0]);
  }
}
