package dev.baton.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The signature of a workflow or activity method, as seen from the annotated type.
 *
 * @param name the method name
 * @param returnType the return type, {@link TypeName#VOID} for {@code void}
 * @param parameters the parameters, in order
 * @param varargs whether the last parameter is variable-arity
 */
public record MethodModel(
    String name, TypeName returnType, List<Parameter> parameters, boolean varargs) {

  /** Copies the parameter list. */
  public MethodModel {
    parameters = List.copyOf(parameters);
  }

  /** Whether the method returns {@code void}. */
  public boolean returnsVoid() {
    return returnType.equals(TypeName.VOID);
  }
}
