package dev.baton.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
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
 * blocking or through {@code async()}, and signals it.
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
    String start = memberName(model, "start");

    TypeSpec.Builder spec =
        TypeSpec.classBuilder(stub)
            .addJavadoc(
                "Runs {@link $T} as a child workflow from workflow code, and signals it.\nOne stub"
                    + " runs one child.\n",
                model.workflowClass())
            .addAnnotation(Code.GENERATED)
            .addModifiers(PUBLIC, FINAL)
            .addField(Code.CHILD_WORKFLOW_OPTIONS, "options", PRIVATE, FINAL)
            .addField(
                FieldSpec.builder(String.class, "childWorkflowId", PRIVATE)
                    .addJavadoc("The child's workflow id, once started.\n")
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(PRIVATE)
                    .addParameter(Code.CHILD_WORKFLOW_OPTIONS, "options")
                    .addStatement("this.options = options")
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
                    .addStatement(
                        "return new $T($T.requireNonNull(options, $S))",
                        stub,
                        ClassName.get("java.util", "Objects"),
                        "options")
                    .build());

    List<String> names = names(method, "options", "childWorkflowId");
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
    CodeBlock call = CodeBlock.of("$N($L)", start, argumentList(method, names));
    if (method.returnsVoid()) {
      blocking.addStatement("$L.get()", call);
    } else {
      blocking.addStatement("return $L.get()", call);
    }
    spec.addMethod(blocking.build());

    for (SignalModel signal : model.signals()) {
      MethodModel signalMethod = signal.method();
      List<String> signalNames = names(signalMethod, "options", "childWorkflowId");
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
              .beginControlFlow("if (childWorkflowId == null)")
              .addStatement(
                  "throw new $T($S)",
                  IllegalStateException.class,
                  "Start the child with this stub before signalling it")
              .endControlFlow()
              .addStatement(
                  "$T.signalExternalWorkflow(childWorkflowId,$W$T.$N$L).get()",
                  Code.WORKFLOWS,
                  client,
                  signal.constantName(),
                  Code.forwardedArguments(signalMethod, signalNames))
              .build());
    }

    spec.addMethod(
            MethodSpec.methodBuilder("childWorkflowId")
                .addJavadoc("The child's workflow id, or {@code null} before it was started.\n")
                .addModifiers(PUBLIC)
                .returns(String.class)
                .addStatement("return childWorkflowId")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("async")
                .addJavadoc("Starts the child without waiting, for parallel branches.\n")
                .addModifiers(PUBLIC)
                .returns(async)
                .addStatement("return new $T()", async)
                .build())
        .addMethod(
            MethodSpec.methodBuilder(start)
                .addJavadoc("Starts the child once, with the id the options give or a new one.\n")
                .addModifiers(PRIVATE)
                .returns(ParameterizedTypeName.get(Code.PROMISE, result))
                .addParameter(Object[].class, "arguments")
                .varargs(true)
                .beginControlFlow("if (childWorkflowId != null)")
                .addStatement(
                    "throw new $T($S$W+ childWorkflowId$W+ $S)",
                    IllegalStateException.class,
                    "This stub already started child workflow ",
                    "; create one stub per child")
                .endControlFlow()
                .addStatement(
                    "childWorkflowId =$Woptions.workflowId() != null$W? options.workflowId()$W:"
                        + " $T.newChildWorkflowId()",
                    Code.WORKFLOWS)
                .addStatement(
                    "return $T.executeChildWorkflowAsync($T.TYPE,$W"
                        + "options.toBuilder().workflowId(childWorkflowId).build(),$Warguments)",
                    Code.WORKFLOWS,
                    client)
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
                        .addStatement("return $L", call)
                        .build())
                .build());
    return spec.build();
  }

  /** The arguments of a call forwarding {@code method}'s parameters, without a leading comma. */
  private static CodeBlock argumentList(MethodModel method, List<String> names) {
    if (names.size() == 1 && method.parameters().get(0).type() instanceof ArrayTypeName) {
      return CodeBlock.of("($T) $N", ClassName.OBJECT, names.get(0));
    }
    return names.stream().map(name -> CodeBlock.of("$N", name)).collect(CodeBlock.joining(", "));
  }

  /** A name for a private member that no generated public member hides. */
  private static String memberName(WorkflowModel model, String preferred) {
    NameAllocator allocator = new NameAllocator();
    allocator.newName(model.workflowMethod().name());
    model.signals().forEach(signal -> allocator.newName(signal.method().name()));
    List.of("create", "async", "childWorkflowId").forEach(allocator::newName);
    return allocator.newName(preferred);
  }

  private static List<String> names(MethodModel method, String... taken) {
    NameAllocator allocator = new NameAllocator();
    for (String name : taken) {
      allocator.newName(name);
    }
    return method.parameters().stream().map(Parameter::name).map(allocator::newName).toList();
  }
}
