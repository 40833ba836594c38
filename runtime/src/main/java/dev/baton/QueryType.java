package dev.baton;

import java.util.List;
import java.util.Objects;

/**
 * A query a workflow type answers: its name, the types of its arguments and of its answer.
 * Generated {@code XClient} classes hold one constant per {@link Query} method.
 *
 * @param name the query name
 * @param resultType the query method's return type
 * @param parameterTypes the query method's parameter types, in order
 * @param <R> the answer type
 */
public record QueryType<R>(String name, TypeRef<R> resultType, List<TypeRef<?>> parameterTypes) {
  /** Checks the components and copies the parameter list. */
  public QueryType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resultType, "resultType");
    parameterTypes = List.copyOf(parameterTypes);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a query name must not be blank");
    }
  }

  /** A query with the given name, answer type and parameter types. */
  public static <R> QueryType<R> of(
      String name, TypeRef<R> resultType, TypeRef<?>... parameterTypes) {
    return new QueryType<>(
        name,
        resultType,
        List.of(java.util.Objects.requireNonNull(parameterTypes, "parameterTypes")));
  }
}
