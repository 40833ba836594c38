package dev.baton;

import java.util.List;
import java.util.Objects;

/**
 * The contract of a workflow type as the client and worker see it: its name, its default task
 * queue, and the types of its input and result. Generated {@code XClient} classes hold one in
 * {@code TYPE}; code that does not use the annotation processor builds one with {@link #of}.
 *
 * @param name the workflow type name stored in history
 * @param taskQueue the task queue runs go to unless the start options name another
 * @param resultType the workflow method's return type ({@code Void} for {@code void})
 * @param parameterTypes the workflow method's parameter types, in order
 * @param <R> the result type
 */
public record WorkflowType<R>(
    String name, String taskQueue, TypeRef<R> resultType, List<TypeRef<?>> parameterTypes) {

  /** Checks the components and copies the parameter list. */
  public WorkflowType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taskQueue, "taskQueue");
    Objects.requireNonNull(resultType, "resultType");
    parameterTypes = List.copyOf(parameterTypes);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a workflow type name must not be blank");
    }
  }

  /** A workflow type with the given name, default task queue, result and parameter types. */
  public static <R> WorkflowType<R> of(
      String name, String taskQueue, TypeRef<R> resultType, TypeRef<?>... parameterTypes) {
    return new WorkflowType<>(
        name,
        taskQueue,
        resultType,
        List.of(java.util.Objects.requireNonNull(parameterTypes, "parameterTypes")));
  }
}
