package dev.baton.processor.model;

import com.palantir.javapoet.ClassName;

/** Names of generated classes: package siblings of the annotated type. */
final class GeneratedNames {
  private GeneratedNames() {}

  /** {@code a.b.XSuffix} for {@code a.b.X}, {@code a.b.Outer_InnerSuffix} for a nested type. */
  static ClassName sibling(ClassName type, String suffix) {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + suffix);
  }
}
