package dev.baton.processor;

import java.lang.annotation.Annotation;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Checks shared by {@code @Workflow} and {@code @Activity} types and their methods. */
public final class TypeChecks {
  private TypeChecks() {}

  /** Reports a type that generated code cannot reach or instantiate, or that is generic. */
  public static void checkTypeShape(
      TypeElement type, Class<? extends Annotation> annotation, ValidationReport report) {
    String name = annotation.getSimpleName();
    Mirrors.firstNonPublic(type)
        .ifPresent(
            hidden ->
                report.error(
                    type,
                    Message.TYPE_NOT_PUBLIC.format(
                        name,
                        type.getQualifiedName(),
                        hidden.getSimpleName(),
                        hidden.getSimpleName())));
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(type, Message.TYPE_NOT_STATIC.format(name, type.getQualifiedName()));
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(
          type,
          Message.GENERIC_TYPE.format(
              name, type.getQualifiedName(), Methods.typeParameters(type.getTypeParameters())));
    }
  }

  /** Reports a method carrying {@code annotation} that is not public. */
  public static void checkPublic(
      ExecutableElement method, Class<? extends Annotation> annotation, ValidationReport report) {
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      report.error(
          method,
          Message.METHOD_NOT_PUBLIC.format(annotation.getSimpleName(), Methods.describe(method)));
    }
  }

  /** Reports a method with type parameters. */
  public static void checkNotGeneric(ExecutableElement method, ValidationReport report) {
    if (!method.getTypeParameters().isEmpty()) {
      report.error(
          method,
          Message.GENERIC_METHOD.format(
              Methods.describe(method), Methods.typeParameters(method.getTypeParameters())));
    }
  }

  /**
   * Reports string member {@code member} of {@code annotation} on {@code element} if it is blank;
   * an empty value is allowed only where it means "default".
   */
  public static void checkNotBlank(
      Elements elements,
      Element element,
      AnnotationMirror annotation,
      String member,
      boolean emptyAllowed,
      ValidationReport report) {
    AnnotationValue value = Mirrors.value(elements, annotation, member);
    String text = (String) value.getValue();
    if (text.isBlank() && !(emptyAllowed && text.isEmpty())) {
      String simpleName = annotation.getAnnotationType().asElement().getSimpleName().toString();
      report.error(
          element,
          annotation,
          value,
          Message.BLANK_NAME.format("@" + simpleName + "(" + member + ")", text));
    }
  }

  /** {@code "an interface"}, {@code "an enum"}, ... for messages about the kind of a type. */
  public static String kindName(TypeElement type) {
    ElementKind kind = type.getKind();
    return switch (kind) {
      case ANNOTATION_TYPE -> "an annotation type";
      case ENUM -> "an enum";
      case INTERFACE -> "an interface";
      case RECORD -> "a record";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
