package dev.baton.processor;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through {@link AnnotationMirror}s, which, unlike {@code getAnnotation}, work
 * for class-valued members and report where each value is written.
 */
public final class Mirrors {
  private Mirrors() {}

  /** The annotation of type {@code annotation} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(
      Element element, Class<? extends Annotation> annotation) {
    String name = annotation.getCanonicalName();
    return element.getAnnotationMirrors().stream()
        .filter(
            mirror -> {
              TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
              return type.getQualifiedName().contentEquals(name);
            })
        .map(mirror -> (AnnotationMirror) mirror)
        .findFirst();
  }

  /** Whether {@code element} carries an annotation of type {@code annotation}. */
  public static boolean has(Element element, Class<? extends Annotation> annotation) {
    return find(element, annotation).isPresent();
  }

  /** The value of member {@code name}, written or default. */
  public static AnnotationValue value(Elements elements, AnnotationMirror mirror, String name) {
    return elements.getElementValuesWithDefaults(mirror).entrySet().stream()
        .filter(entry -> entry.getKey().getSimpleName().contentEquals(name))
        .map(entry -> (AnnotationValue) entry.getValue())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no member " + name + " in " + mirror));
  }

  /** The value of scalar member {@code name} if it differs from the member's default. */
  public static Optional<Object> nonDefaultValue(
      Elements elements, AnnotationMirror mirror, String name) {
    Object value = value(elements, mirror, name).getValue();
    Object defaultValue =
        ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())
            .stream()
            .filter(member -> member.getSimpleName().contentEquals(name))
            .map(member -> member.getDefaultValue().getValue())
            .findFirst()
            .orElseThrow();
    return value.equals(defaultValue) ? Optional.empty() : Optional.of(value);
  }

  /** A string member's value, written or default. */
  public static String string(Elements elements, AnnotationMirror mirror, String name) {
    return (String) value(elements, mirror, name).getValue();
  }

  /**
   * The methods of {@code type}, its own in source order first, then those it inherits and does not
   * override.
   */
  public static List<ExecutableElement> methods(Elements elements, TypeElement type) {
    Set<ExecutableElement> methods =
        new LinkedHashSet<>(ElementFilter.methodsIn(type.getEnclosedElements()));
    methods.addAll(ElementFilter.methodsIn(elements.getAllMembers(type)));
    return new ArrayList<>(methods);
  }

  /** The first of {@code type} and the types enclosing it that is not public, if any. */
  public static Optional<TypeElement> firstNonPublic(TypeElement type) {
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of((TypeElement) e);
      }
    }
    return Optional.empty();
  }

  /** The first type in {@code type} (itself, a type argument, a bound) that did not resolve. */
  public static Optional<TypeMirror> unresolved(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return Optional.of(type);
    }
    List<TypeMirror> parts = new ArrayList<>();
    if (type instanceof DeclaredType declared) {
      parts.addAll(declared.getTypeArguments());
    } else if (type instanceof ArrayType array) {
      parts.add(array.getComponentType());
    } else if (type instanceof WildcardType wildcard) {
      Optional.ofNullable(wildcard.getExtendsBound()).ifPresent(parts::add);
      Optional.ofNullable(wildcard.getSuperBound()).ifPresent(parts::add);
    }
    return parts.stream().flatMap(part -> unresolved(part).stream()).findFirst();
  }
}
