package dev.baton.processor;

import com.palantir.javapoet.TypeName;
import dev.baton.processor.model.MethodModel;
import dev.baton.processor.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Reads method signatures as members of an annotated type, with its type arguments applied. */
public final class Methods {
  private Methods() {}

  /** {@code method} as seen from {@code type}, such as {@code T} resolved to {@code String}. */
  public static ExecutableType asMemberOf(Types types, TypeElement type, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method);
  }

  /** The model of {@code method} as a member of {@code type}. */
  public static MethodModel model(Types types, TypeElement type, ExecutableElement method) {
    ExecutableType signature = asMemberOf(types, type, method);
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add(
          new Parameter(
              method.getParameters().get(i).getSimpleName().toString(),
              TypeName.get(signature.getParameterTypes().get(i))));
    }
    return new MethodModel(
        method.getSimpleName().toString(),
        TypeName.get(signature.getReturnType()),
        parameters,
        method.isVarArgs());
  }

  /** The first unresolved type in the signature of {@code method} as a member of {@code type}. */
  public static Optional<TypeMirror> unresolvedType(
      Types types, TypeElement type, ExecutableElement method) {
    ExecutableType signature = asMemberOf(types, type, method);
    return Stream.concat(
            Stream.of(signature.getReturnType()), signature.getParameterTypes().stream())
        .flatMap(t -> Mirrors.unresolved(t).stream())
        .findFirst();
  }

  /** The first unresolved direct supertype of {@code type}. */
  public static Optional<TypeMirror> unresolvedSupertype(TypeElement type) {
    return Stream.concat(Stream.of(type.getSuperclass()), type.getInterfaces().stream())
        .flatMap(t -> Mirrors.unresolved(t).stream())
        .findFirst();
  }

  /** {@code Type.method}, for messages. */
  public static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }

  /** {@code <T, U>}, for messages about type parameters. */
  public static String typeParameters(List<? extends TypeParameterElement> parameters) {
    return parameters.stream()
        .map(p -> p.getSimpleName().toString())
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /**
   * The constant for method {@code name} in generated classes: {@code printLabel} becomes {@code
   * PRINT_LABEL}.
   */
  public static String constantName(String name) {
    StringBuilder constant = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean wordStart =
          i > 0
              && Character.isUpperCase(c)
              && (!Character.isUpperCase(name.charAt(i - 1))
                  || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))))
              && name.charAt(i - 1) != '_';
      if (wordStart) {
        constant.append('_');
      }
      constant.append(Character.toUpperCase(c));
    }
    return constant.toString();
  }
}
