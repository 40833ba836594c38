package dev.baton.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baton.processor.model.MethodModel;
import dev.baton.processor.model.Parameter;
import dev.baton.processor.model.SignalModel;
import dev.baton.processor.model.WorkflowModel;
import java.util.List;

/**
 * Writes {@code XChildStub}: runs one child workflow of type X from a parent's workflow code,
 * blocking or through {@code async()}, and signals it. It extends {@code
 * AbstractChildWorkflowStub}, which starts the child once and signals it, so that javac compiles
 * fewer members per workflow type.
 */
public final class ChildStubWriter {
  private ChildStubWriter() {}

  /** The child stub class of {@code model}. */
  public static TypeSpec write(WorkflowModel model) {
    ClassName stub = model.childStubName();
    ClassName async = stub.nestedClass("Async");
    ClassName client = model.clientName();
    MethodModel method = model.workflowMethod();
    TypeName result = method.returnType().box();
    // AbstractChildWorkflowStub.startChild and signalChild do the work. Where a generated method
    // has
    // the name of one, the inherited one is named through super (Stub.super inside Async, which
    // would otherwise find its own method first), so that the call never reaches the generated one.
    String startChild = helper(model, "startChild", "super.");
    String asyncStartChild = helper(model, "startChild", stub.simpleName() + ".super.");
    String signalChild = helper(model, "signalChild", "super.");

    TypeSpec.Builder spec =
        TypeSpec.classBuilder(stub)
            .addJavadoc(
                "Runs {@link $T} as a child workflow from workflow code, and signals it.\nOne stub"
                    + " runs one child.\n",
                model.workflowClass())
            .addAnnotation(Code.GENERATED)
            .addModifiers(PUBLIC, FINAL)
            .superclass(ParameterizedTypeName.get(Code.ABSTRACT_CHILD_WORKFLOW_STUB, result))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(PRIVATE)
                    .addParameter(Code.CHILD_WORKFLOW_OPTIONS, "options")
                    .addStatement("super($T.TYPE, options)", client)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("create")
                    .addJavadoc(
                        "A stub for a child with a derived workflow id, on the type's task queue,"
                            + " terminated if\nthe parent closes first.\n")
                    .addModifiers(PUBLIC, STATIC)
                    .returns(stub)
                    .addStatement("return new $T($T.none())", stub, Code.CHILD_WORKFLOW_OPTIONS)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("create")
                    .addJavadoc("A stub for a child with the given id, task queue and policy.\n")
                    .addModifiers(PUBLIC, STATIC)
                    .returns(stub)
                    .addParameter(Code.CHILD_WORKFLOW_OPTIONS, "options")
                    .addStatement("return new $T(options)", stub)
                    .build());

    List<String> names = names(method);
    MethodSpec.Builder blocking =
        MethodSpec.methodBuilder(method.name())
            .addJavadoc(
                "Runs {@link $T#$L} as a child workflow and waits for its result.\n",
                model.workflowClass(),
                method.name())
            .addModifiers(PUBLIC)
            .addParameters(Code.parameters(method, names))
            .varargs(method.varargs())
            .returns(method.returnType());
    CodeBlock arguments = argumentList(method, names);
    CodeBlock call = CodeBlock.of("$L($L)", startChild, arguments);
    if (method.returnsVoid()) {
      blocking.addStatement("$L.get()", call);
    } else {
      blocking.addStatement("return $L.get()", call);
    }
    spec.addMethod(blocking.build());

    for (SignalModel signal : model.signals()) {
      MethodModel signalMethod = signal.method();
      List<String> signalNames = names(signalMethod);
      spec.addMethod(
          MethodSpec.methodBuilder(signalMethod.name())
              .addJavadoc(
                  "Sends the $L signal ({@link $T#$L})\nto the child this stub started, and waits"
                      + " until it is delivered.\n",
                  Code.javadocText(signal.signalName()),
                  model.workflowClass(),
                  signalMethod.name())
              .addModifiers(PUBLIC)
              .addParameters(Code.parameters(signalMethod, signalNames))
              .varargs(signalMethod.varargs())
              .addStatement(
                  "$L($T.$N$L)",
                  signalChild,
                  client,
                  signal.constantName(),
                  Code.forwardedArguments(signalMethod, signalNames))
              .build());
    }

    return spec.addMethod(
            MethodSpec.methodBuilder("async")
                .addJavadoc("Starts the child without waiting, for parallel branches.\n")
                .addModifiers(PUBLIC)
                .returns(async)
                .addStatement("return new $T()", async)
                .build())
        .addType(
            TypeSpec.classBuilder(async)
                .addJavadoc("Starts the child and returns a promise of its result.\n")
                .addModifiers(PUBLIC, FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
                .addMethod(
                    MethodSpec.methodBuilder(method.name())
                        .addJavadoc(
                            "Starts {@link $T#$L} as a child workflow; the promise holds its"
                                + " result.\n",
                            model.workflowClass(),
                            method.name())
                        .addModifiers(PUBLIC)
                        .addParameters(Code.parameters(method, names))
                        .varargs(method.varargs())
                        .returns(ParameterizedTypeName.get(Code.PROMISE, result))
                        .addStatement("return $L($L)", asyncStartChild, arguments)
                        .build())
                .build())
        .build();
  }

  /**
   * {@code name}, or {@code qualifier + name} where the workflow or a signal method of {@code
   * model} is named {@code name} too.
   */
  private static String helper(WorkflowModel model, String name, String qualifier) {
    boolean taken =
        model.workflowMethod().name().equals(name)
            || model.signals().stream().anyMatch(signal -> signal.method().name().equals(name));
    return taken ? qualifier + name : name;
  }

  /** The arguments of a call forwarding {@code method}'s parameters, without a leading comma. */
  private static CodeBlock argumentList(MethodModel method, List<String> names) {
    if (names.size() == 1 && method.parameters().get(0).type() instanceof ArrayTypeName) {
      return CodeBlock.of("($T) $N", ClassName.OBJECT, names.get(0));
    }
    return names.stream().map(name -> CodeBlock.of("$N", name)).collect(CodeBlock.joining(", "));
  }

  /** The parameter names of {@code method}: the stub has no field that they could hide. */
  private static List<String> names(MethodModel method) {
    return method.parameters().stream().map(Parameter::name).toList();
  }
}
