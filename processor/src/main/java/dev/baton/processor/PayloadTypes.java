package dev.baton.processor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that the parameter and result types of workflow, signal, query and activity methods are
 * values Baton's JSON converter (Jackson) can write to history and read back.
 *
 * <p>Types from {@code java.*} are taken as Jackson reads them (collections, {@code Optional},
 * {@code java.time}), except for {@code Object}, functional interfaces and streams. Other classes
 * must be records, enums, concrete classes with a non-private constructor, or carry Jackson's own
 * annotations ({@code @JsonCreator}, {@code @JsonTypeInfo}, {@code @JsonDeserialize}). Type
 * arguments and array components are checked the same way.
 */
public final class PayloadTypes {
  private static final String PROMISE = "dev.baton.Promise";

  /** Types that hold data once and cannot be stored: read them into a collection instead. */
  private static final List<String> STREAMS =
      List.of(
          "java.util.stream.BaseStream",
          "java.util.Iterator",
          "java.util.Spliterator",
          "java.io.InputStream",
          "java.io.OutputStream",
          "java.io.Reader",
          "java.io.Writer",
          "java.nio.channels.Channel");

  /** Jackson annotations that tell it how to create a type it could not create by itself. */
  private static final Set<String> CREATION_ANNOTATIONS =
      Set.of("JsonTypeInfo", "JsonDeserialize", "JsonSubTypes");

  private final Elements elements;
  private final Types types;

  /** A checker that resolves types with {@code elements} and {@code types}. */
  public PayloadTypes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Reports each parameter of {@code method}, and its result unless {@code resultChecked} is false,
   * whose type cannot be written and read back; errors on parameters point at them.
   */
  public void check(
      TypeElement owner, ExecutableElement method, boolean resultChecked, ValidationReport report) {
    ExecutableType signature = Methods.asMemberOf(types, owner, method);
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      String subject = "Parameter " + parameter.getSimpleName() + " of " + Methods.describe(method);
      problem(signature.getParameterTypes().get(i), subject, true)
          .ifPresent(message -> report.error(parameter, message));
    }
    TypeMirror result = signature.getReturnType();
    if (resultChecked && result.getKind() != TypeKind.VOID) {
      problem(result, "The result of " + Methods.describe(method), true)
          .ifPresent(message -> report.error(method, message));
    }
  }

  /**
   * The message for the first part of {@code type} that cannot be read back, if any. {@code Object}
   * is refused only as the declared type itself: as a type argument ({@code Map<String, Object>})
   * it asks for JSON's own maps and lists, which is what it gets.
   */
  private Optional<String> problem(TypeMirror type, String subject, boolean declared) {
    switch (type.getKind()) {
      case ARRAY:
        return problem(((ArrayType) type).getComponentType(), subject, declared);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() == null
            ? Optional.empty()
            : problem(wildcard.getExtendsBound(), subject, false);
      case DECLARED:
        break;
      default:
        return Optional.empty(); // primitives; type variables are reported as generic methods
    }
    DeclaredType declaredType = (DeclaredType) type;
    TypeElement element = (TypeElement) declaredType.asElement();
    String name = element.getQualifiedName().toString();
    if (declared && name.equals(Object.class.getName())) {
      return Optional.of(Message.PAYLOAD_OBJECT.format(subject, type));
    }
    if (name.equals(PROMISE)) {
      String value =
          declaredType.getTypeArguments().isEmpty()
              ? "the type the promise holds"
              : declaredType.getTypeArguments().get(0).toString();
      return Optional.of(Message.PAYLOAD_PROMISE.format(subject, type, value));
    }
    if (STREAMS.stream().anyMatch(stream -> isSubtype(declaredType, stream))) {
      return Optional.of(Message.PAYLOAD_STREAM.format(subject, type));
    }
    if (isFunctionalInterface(element)) {
      return Optional.of(Message.PAYLOAD_FUNCTION.format(subject, type));
    }
    if (!isFromJdk(element)) {
      Optional<String> reason = whyNotCreatable(element);
      if (reason.isPresent()) {
        return Optional.of(Message.PAYLOAD_NOT_CREATABLE.format(subject, type, reason.get()));
      }
    }
    for (TypeMirror argument : declaredType.getTypeArguments()) {
      Optional<String> inArgument = problem(argument, subject, false);
      if (inArgument.isPresent()) {
        return inArgument;
      }
    }
    return Optional.empty();
  }

  private boolean isSubtype(DeclaredType type, String supertypeName) {
    TypeElement supertype = elements.getTypeElement(supertypeName);
    return supertype != null
        && types.isSubtype(types.erasure(type), types.erasure(supertype.asType()));
  }

  /** An interface marked {@code @FunctionalInterface} or from {@code java.util.function}. */
  private boolean isFunctionalInterface(TypeElement element) {
    if (element.getKind() != ElementKind.INTERFACE) {
      return false;
    }
    if (element.getAnnotation(FunctionalInterface.class) != null) {
      return true;
    }
    return elements
        .getPackageOf(element)
        .getQualifiedName()
        .toString()
        .startsWith("java.util.function");
  }

  private boolean isFromJdk(TypeElement element) {
    String packageName = elements.getPackageOf(element).getQualifiedName().toString();
    return packageName.startsWith("java.") || packageName.startsWith("javax.");
  }

  /** Why Jackson could not create an instance of {@code element}, if it could not. */
  private Optional<String> whyNotCreatable(TypeElement element) {
    if (element.getKind() == ElementKind.ENUM
        || element.getKind() == ElementKind.RECORD
        || hasAnnotationNamed(element, CREATION_ANNOTATIONS)) {
      return Optional.empty();
    }
    if (element.getKind() == ElementKind.INTERFACE) {
      return Optional.of(
          "it is an interface without @JsonTypeInfo or @JsonDeserialize to say which class to"
              + " create");
    }
    if (element.getNestingKind() == NestingKind.MEMBER
        && !element.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of("it is an inner class, which needs an instance of its enclosing class");
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(
          "it is an abstract class without @JsonTypeInfo or @JsonDeserialize to say which class to"
              + " create");
    }
    boolean hasCreator =
        ElementFilter.methodsIn(element.getEnclosedElements()).stream()
            .anyMatch(
                m ->
                    m.getModifiers().contains(Modifier.STATIC)
                        && hasAnnotationNamed(m, Set.of("JsonCreator")));
    boolean hasConstructor =
        ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
            .anyMatch(
                c ->
                    c.getParameters().isEmpty()
                        || !c.getModifiers().contains(Modifier.PRIVATE)
                        || hasAnnotationNamed(c, Set.of("JsonCreator")));
    if (hasCreator || hasConstructor) {
      return Optional.empty();
    }
    return Optional.of("its constructors are private and none is marked @JsonCreator");
  }

  private static boolean hasAnnotationNamed(Element element, Set<String> simpleNames) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(
            a ->
                simpleNames.contains(a.getAnnotationType().asElement().getSimpleName().toString()));
  }
}
