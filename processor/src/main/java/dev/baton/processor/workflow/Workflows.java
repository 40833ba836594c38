package dev.baton.processor.workflow;

import dev.baton.Query;
import dev.baton.Signal;
import dev.baton.WorkflowMethod;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Which methods of a {@code @Workflow} type are signals and queries, and what they are called. */
final class Workflows {
  private Workflows() {}

  /** The annotations that give a method its role, in the order messages list them. */
  static final List<Class<? extends Annotation>> ROLES =
      List.of(WorkflowMethod.class, Signal.class, Query.class);

  /** The roles {@code method} is annotated with, in the order of {@link #ROLES}. */
  static List<Class<? extends Annotation>> roles(ExecutableElement method) {
    return ROLES.stream().filter(role -> Mirrors.has(method, role)).toList();
  }

  /**
   * The methods of {@code type}, declared or inherited, annotated with {@code role} and no other
   * role; each once even when two supertypes declare it.
   */
  static List<ExecutableElement> methods(
      Elements elements, Types types, TypeElement type, Class<? extends Annotation> role) {
    Map<String, ExecutableElement> bySignature = new LinkedHashMap<>();
    for (ExecutableElement method : Mirrors.methods(elements, type)) {
      if (roles(method).equals(List.of(role))) {
        String signature =
            method.getSimpleName().toString()
                + Methods.asMemberOf(types, type, method).getParameterTypes().stream()
                    .map(t -> types.erasure(t).toString())
                    .toList();
        bySignature.putIfAbsent(signature, method);
      }
    }
    return List.copyOf(bySignature.values());
  }

  /**
   * The signal or query name of {@code method}: the {@code name} member of its {@code role}
   * annotation, or the method name.
   */
  static String name(
      Elements elements, ExecutableElement method, Class<? extends Annotation> role) {
    String name = Mirrors.string(elements, Mirrors.find(method, role).orElseThrow(), "name");
    return name.isEmpty() ? method.getSimpleName().toString() : name;
  }

  /** The client's signal-with-start methods for signal method {@code name}: {@code startWithX}. */
  static String startWithName(String name) {
    int first = name.codePointAt(0);
    return new StringBuilder("startWith")
        .appendCodePoint(Character.toUpperCase(first))
        .append(name, Character.charCount(first), name.length())
        .toString();
  }
}
