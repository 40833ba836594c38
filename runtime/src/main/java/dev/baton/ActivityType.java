package dev.baton;

import java.util.List;
import java.util.Objects;

/**
 * The contract of one activity: its type name, the types of its input and result, and the options
 * its annotation declares. Generated {@code YStub} classes hold one constant per activity method.
 *
 * @param name the activity type name stored in history, {@code Interface.method} by default
 * @param resultType the method's return type ({@code Void} for {@code void})
 * @param parameterTypes the method's parameter types, in order
 * @param options the options declared on the method; a stub's own options override them
 * @param <R> the result type
 */
public record ActivityType<R>(
    String name, TypeRef<R> resultType, List<TypeRef<?>> parameterTypes, ActivityOptions options) {

  /** Checks the components and copies the parameter list. */
  public ActivityType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(options, "options");
    parameterTypes = List.copyOf(parameterTypes);
    if (name.isBlank()) {
      throw new IllegalArgumentException("an activity type name must not be blank");
    }
  }

  /** An activity type with the given name, declared options, result and parameter types. */
  public static <R> ActivityType<R> of(
      String name, ActivityOptions options, TypeRef<R> resultType, TypeRef<?>... parameterTypes) {
    return new ActivityType<>(
        name,
        resultType,
        List.of(java.util.Objects.requireNonNull(parameterTypes, "parameterTypes")),
        options);
  }
}
