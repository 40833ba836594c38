package dev.baton.processor.lint;

import dev.baton.Activity;
import dev.baton.Workflow;
import dev.baton.processor.Mirrors;
import java.lang.annotation.Annotation;
import javax.annotation.processing.Generated;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Tells workflow implementations from activity implementations and generated classes. */
final class WorkflowClasses {
  private final Types types;

  WorkflowClasses(Types types) {
    this.types = types;
  }

  /** A class annotated {@code @Workflow} or implementing a {@code @Workflow} type. */
  boolean isWorkflowImplementation(TypeElement type) {
    return type.getKind() != ElementKind.INTERFACE
        && hasSupertypeWith(type.asType(), Workflow.class);
  }

  /** A class implementing an {@code @Activity} interface. */
  boolean isActivityImplementation(TypeElement type) {
    return type.getKind() != ElementKind.INTERFACE
        && hasSupertypeWith(type.asType(), Activity.class);
  }

  /** A class written by an annotation processor, such as Baton's own stubs. */
  boolean isGenerated(TypeElement type) {
    return Mirrors.has(type, Generated.class);
  }

  /** Whether {@code type} or one of its supertypes carries {@code annotation}. */
  private boolean hasSupertypeWith(TypeMirror type, Class<? extends Annotation> annotation) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (Mirrors.has(element, annotation)) {
      return true;
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (hasSupertypeWith(supertype, annotation)) {
        return true;
      }
    }
    return false;
  }
}
