package dev.baton;

import java.util.List;
import java.util.Objects;

/**
 * A {@link WorkflowDispatcher} that holds what describes the workflow type (the type, its class,
 * its signals and queries), so that a subclass only calls the methods. Generated {@code
 * XClient.Dispatcher}s extend it; a hand-written dispatcher may too.
 *
 * @param <T> the workflow type (the annotated interface or class)
 */
public abstract class AbstractWorkflowDispatcher<T> implements WorkflowDispatcher<T> {
  private final WorkflowType<?> type;
  private final Class<T> workflowClass;
  private final List<SignalType> signalTypes;
  private final List<QueryType<?>> queryTypes;

  /**
   * A dispatcher for {@code type}, implemented by {@code workflowClass}, with the given signals and
   * queries, each sorted by name.
   */
  protected AbstractWorkflowDispatcher(
      WorkflowType<?> type,
      Class<T> workflowClass,
      SignalType[] signalTypes,
      QueryType<?>[] queryTypes) {
    this.type = Objects.requireNonNull(type, "type");
    this.workflowClass = Objects.requireNonNull(workflowClass, "workflowClass");
    // Arrays, not lists, so that generated dispatchers call no List.of: its twelve overloads cost
    // javac an inference each, for every workflow type it compiles (B8).
    this.signalTypes = List.of(signalTypes);
    this.queryTypes = List.of(queryTypes);
  }

  @Override
  public final WorkflowType<?> type() {
    return type;
  }

  @Override
  public final Class<T> workflowClass() {
    return workflowClass;
  }

  @Override
  public final List<SignalType> signalTypes() {
    return signalTypes;
  }

  @Override
  public final List<QueryType<?>> queryTypes() {
    return queryTypes;
  }
}
