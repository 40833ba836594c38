package dev.baton.processor.activity;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Which methods of an {@code @Activity} interface are activities, and what they are called. */
final class Activities {
  private Activities() {}

  /**
   * The public abstract methods of {@code type}, declared or inherited, each once even when two
   * superinterfaces declare it.
   */
  static List<ExecutableElement> methods(Elements elements, Types types, TypeElement type) {
    Map<String, ExecutableElement> bySignature = new LinkedHashMap<>();
    for (ExecutableElement method : Mirrors.methods(elements, type)) {
      if (method.getModifiers().contains(Modifier.PUBLIC)
          && method.getModifiers().contains(Modifier.ABSTRACT)) {
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
   * The activity type name: {@code @ActivityMethod(name)}, or {@code prefix.method} where the
   * prefix is {@code @Activity(name)} or the interface's simple name.
   */
  static String activityName(Elements elements, TypeElement type, ExecutableElement method) {
    String name =
        Mirrors.find(method, ActivityMethod.class)
            .map(mirror -> Mirrors.string(elements, mirror, "name"))
            .orElse("");
    if (!name.isEmpty()) {
      return name;
    }
    String prefix =
        Mirrors.string(elements, Mirrors.find(type, Activity.class).orElseThrow(), "name");
    return (prefix.isEmpty() ? type.getSimpleName() : prefix) + "." + method.getSimpleName();
  }

  /** The stub constant for method {@code name}: {@code printLabel} becomes {@code PRINT_LABEL}. */
  static String constantName(String name) {
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
