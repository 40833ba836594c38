package dev.baton;

import java.util.List;
import java.util.Objects;

/**
 * A signal a workflow type accepts: its name and the types of its arguments. Generated {@code
 * XClient} classes hold one constant per {@link Signal} method.
 *
 * @param name the signal name stored in history
 * @param parameterTypes the signal method's parameter types, in order
 */
public record SignalType(String name, List<TypeRef<?>> parameterTypes) {
  /** Checks the components and copies the parameter list. */
  public SignalType {
    Objects.requireNonNull(name, "name");
    parameterTypes = List.copyOf(parameterTypes);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a signal name must not be blank");
    }
  }

  /** A signal with the given name and parameter types. */
  public static SignalType of(String name, TypeRef<?>... parameterTypes) {
    return new SignalType(
        name, List.of(java.util.Objects.requireNonNull(parameterTypes, "parameterTypes")));
  }
}
