package dev.baton.processor;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Validates and generates the types carrying one annotation, one type at a time. */
public interface Step {
  /** The annotation whose types this step processes. */
  Class<? extends Annotation> annotation();

  /**
   * A type that {@code type}'s contract refers to but that is not resolved yet (perhaps another
   * processor generates it in a later round), or empty if {@code type} can be processed now.
   */
  Optional<TypeMirror> unresolvedType(TypeElement type);

  /** Reports what is wrong with {@code type}, or generates its classes if nothing is. */
  void process(TypeElement type) throws IOException;
}
