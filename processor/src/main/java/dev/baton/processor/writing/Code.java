package dev.baton.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.baton.processor.model.MethodModel;
import java.util.ArrayList;
import java.util.List;

/** Names of runtime types and code fragments shared by the writers. */
final class Code {
  private Code() {}

  static final String RUNTIME = "dev.baton";
  static final ClassName ABSTRACT_ACTIVITY_DISPATCHER =
      ClassName.get(RUNTIME, "AbstractActivityDispatcher");
  static final ClassName ABSTRACT_ACTIVITY_STUB = ClassName.get(RUNTIME, "AbstractActivityStub");
  static final ClassName ABSTRACT_CHILD_WORKFLOW_STUB =
      ClassName.get(RUNTIME, "AbstractChildWorkflowStub");
  static final ClassName ABSTRACT_WORKFLOW_CLIENT =
      ClassName.get(RUNTIME, "AbstractWorkflowClient");
  static final ClassName ABSTRACT_WORKFLOW_DISPATCHER =
      ClassName.get(RUNTIME, "AbstractWorkflowDispatcher");
  static final ClassName ACTIVITY_OPTIONS = ClassName.get(RUNTIME, "ActivityOptions");
  static final ClassName ACTIVITY_TYPE = ClassName.get(RUNTIME, "ActivityType");
  static final ClassName BATON = ClassName.get(RUNTIME, "Baton");
  static final ClassName CHILD_WORKFLOW_OPTIONS = ClassName.get(RUNTIME, "ChildWorkflowOptions");
  static final ClassName LOCAL_ACTIVITY_OPTIONS = ClassName.get(RUNTIME, "LocalActivityOptions");
  static final ClassName PROMISE = ClassName.get(RUNTIME, "Promise");
  static final ClassName QUERY_TYPE = ClassName.get(RUNTIME, "QueryType");
  static final ClassName RETRY_OPTIONS = ClassName.get(RUNTIME, "RetryOptions");
  static final ClassName SIGNAL_TYPE = ClassName.get(RUNTIME, "SignalType");
  static final ClassName TYPE_REF = ClassName.get(RUNTIME, "TypeRef");
  static final ClassName WORKFLOW_HANDLE = ClassName.get(RUNTIME, "WorkflowHandle");
  static final ClassName WORKFLOW_OPTIONS = ClassName.get(RUNTIME, "WorkflowOptions");
  static final ClassName WORKFLOW_TYPE = ClassName.get(RUNTIME, "WorkflowType");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");

  /** {@code @Generated("dev.baton.processor.BatonProcessor")}, without a date. */
  static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "dev.baton.processor.BatonProcessor")
          .build();

  /** {@code @SuppressWarnings("unchecked")}, for casts to generic parameter types. */
  static final AnnotationSpec SUPPRESS_UNCHECKED =
      AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

  /**
   * {@code TypeRef.of(T.class)} for a type a class literal names exactly, else {@code new
   * TypeRef<T>() {}}, whose anonymous class keeps the type arguments; primitives and {@code void}
   * boxed. An anonymous class is one more class for javac to compile and for the JVM to load, so it
   * is written only where a generic type needs one.
   */
  static CodeBlock typeRef(TypeName type) {
    TypeName boxed = type.box();
    return hasClassLiteral(boxed)
        ? CodeBlock.of("$T.of($T.class)", TYPE_REF, boxed)
        : CodeBlock.of("new $T<$T>() {}", TYPE_REF, boxed);
  }

  /** Whether {@code T.class} denotes {@code type}: a class or an array of them, not annotated. */
  private static boolean hasClassLiteral(TypeName type) {
    if (type.isAnnotated()) {
      return false;
    }
    if (type instanceof ArrayTypeName array) {
      TypeName component = array.componentType();
      return component.isPrimitive() ? !component.isAnnotated() : hasClassLiteral(component);
    }
    return type instanceof ClassName;
  }

  /**
   * {@code Type.of(first, second, ..., TypeRef.of(Result.class), TypeRef.of(Parameter.class)...)}
   * with one argument a line: the constant that describes a workflow or activity.
   */
  static CodeBlock typeConstant(
      ClassName type, List<CodeBlock> leadingArguments, MethodModel method) {
    List<CodeBlock> arguments = new ArrayList<>(leadingArguments);
    arguments.add(typeRef(method.returnType()));
    return constant(type, arguments, method);
  }

  /**
   * {@code Type.of(first, ..., TypeRef.of(Parameter.class)...)}: the leading arguments and the
   * parameter types of {@code method}, one a line when there is more than one.
   */
  static CodeBlock constant(ClassName type, List<CodeBlock> leadingArguments, MethodModel method) {
    List<CodeBlock> arguments = new ArrayList<>(leadingArguments);
    method.parameters().forEach(parameter -> arguments.add(typeRef(parameter.type())));
    return arguments.size() == 1
        ? CodeBlock.of("$T.of($L)", type, arguments.get(0))
        : CodeBlock.of("$T.of($>$>\n$L)$<$<", type, CodeBlock.join(arguments, ",\n"));
  }

  /**
   * {@code text} made safe for a Javadoc comment: a user's name could otherwise end the comment
   * ({@code * /}), start a tag, or hold a unicode escape that javac reads even in comments.
   */
  static String javadocText(String text) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '@' -> escaped.append("&#64;");
        case '/' -> escaped.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '\\' -> escaped.append("&#92;");
        case '{' -> escaped.append("&#123;");
        case '}' -> escaped.append("&#125;");
        case '\n', '\r' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The parameters of {@code method} under the names chosen by {@code names}. */
  static List<ParameterSpec> parameters(MethodModel method, List<String> names) {
    List<ParameterSpec> specs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      specs.add(ParameterSpec.builder(method.parameters().get(i).type(), names.get(i)).build());
    }
    return specs;
  }

  /**
   * The parameters passed on to an {@code Object...} parameter, each preceded by a comma. A lone
   * array is cast to {@code Object} so that it is passed as one argument, not as the array.
   */
  static CodeBlock forwardedArguments(MethodModel method, List<String> names) {
    if (names.size() == 1 && method.parameters().get(0).type() instanceof ArrayTypeName) {
      return CodeBlock.of(", ($T) $N", ClassName.OBJECT, names.get(0));
    }
    CodeBlock.Builder code = CodeBlock.builder();
    names.forEach(name -> code.add(", $N", name));
    return code.build();
  }

  /** {@code (Type) arguments[0], ...}: the decoded arguments cast to the parameter types. */
  static CodeBlock castArguments(MethodModel method) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (int i = 0; i < method.parameters().size(); i++) {
      TypeName type = method.parameters().get(i).type();
      arguments.add(
          type.equals(ClassName.OBJECT)
              ? CodeBlock.of("arguments[$L]", i)
              : CodeBlock.of("($T) arguments[$L]", type.box(), i));
    }
    return CodeBlock.join(arguments, ",$W");
  }

  /** Whether casting {@code Object} to a parameter of {@code method} is unchecked. */
  static boolean hasUncheckedCast(MethodModel method) {
    return method.parameters().stream().anyMatch(p -> isUncheckedCast(p.type()));
  }

  private static boolean isUncheckedCast(TypeName type) {
    if (type instanceof ArrayTypeName array) {
      return isUncheckedCast(array.componentType());
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return parameterized.typeArguments().stream().anyMatch(a -> !isUnboundedWildcard(a))
          || (parameterized.enclosingType() != null
              && isUncheckedCast(parameterized.enclosingType()));
    }
    return false;
  }

  private static boolean isUnboundedWildcard(TypeName type) {
    return type instanceof WildcardTypeName wildcard
        && wildcard.lowerBounds().isEmpty()
        && wildcard.upperBounds().equals(List.of(ClassName.OBJECT));
  }
}
