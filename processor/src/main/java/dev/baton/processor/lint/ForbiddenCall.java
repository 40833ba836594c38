package dev.baton.processor.lint;

import dev.baton.processor.Message;
import java.util.Set;

/**
 * A member of a JDK type that workflow code must not use, and the message that says why.
 *
 * @param owner the qualified name of the type that declares the member
 * @param names the method names; {@code <init>} for constructors; empty for every method
 * @param subtypes whether the member also matches when declared by or created as a subtype
 * @param message the error reported on a use
 */
record ForbiddenCall(String owner, Set<String> names, boolean subtypes, Message message) {
  static final String CONSTRUCTOR = "<init>";

  static ForbiddenCall method(String owner, Message message, String... names) {
    return new ForbiddenCall(owner, Set.of(names), false, message);
  }

  static ForbiddenCall methodOfSubtypes(String owner, Message message, String... names) {
    return new ForbiddenCall(owner, Set.of(names), true, message);
  }

  static ForbiddenCall constructor(String owner, Message message) {
    return new ForbiddenCall(owner, Set.of(CONSTRUCTOR), true, message);
  }

  boolean matchesName(String name) {
    return names.isEmpty() ? !name.equals(CONSTRUCTOR) : names.contains(name);
  }
}
