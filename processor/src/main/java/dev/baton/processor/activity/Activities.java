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
}
