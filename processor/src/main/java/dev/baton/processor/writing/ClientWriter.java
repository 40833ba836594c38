package dev.baton.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

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
import dev.baton.processor.model.WorkflowModel;
import java.util.List;

/** Writes {@code XClient}: starts runs of a workflow type and waits for their results. */
public final class ClientWriter {
  private ClientWriter() {}

  /** The client class of {@code model}. */
  public static TypeSpec write(WorkflowModel model) {
    ClassName client = model.clientName();
    MethodModel method = model.workflowMethod();
    TypeName result = method.returnType().box();
    TypeName handle = ParameterizedTypeName.get(Code.WORKFLOW_HANDLE, result);

    NameAllocator names = new NameAllocator();
    names.newName("workflowId");
    names.newName("options");
    List<String> parameterNames =
        method.parameters().stream().map(Parameter::name).map(names::newName).toList();

    return TypeSpec.classBuilder(client)
        .addJavadoc(
            "Starts runs of the {@link $T} workflow and waits for their results.\n",
            model.workflowClass())
        .addAnnotation(Code.GENERATED)
        .addModifiers(PUBLIC, FINAL)
        .addField(
            FieldSpec.builder(
                    ParameterizedTypeName.get(Code.WORKFLOW_TYPE, result),
                    "TYPE",
                    PUBLIC,
                    STATIC,
                    FINAL)
                .addJavadoc("The $L workflow type.\n", model.name())
                .initializer(
                    Code.typeConstant(
                        Code.WORKFLOW_TYPE,
                        List.of(
                            CodeBlock.of("$S", model.name()),
                            CodeBlock.of("$S", model.taskQueue())),
                        method))
                .build())
        .addField(Code.BATON, "baton", PRIVATE, FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(Code.BATON, "baton")
                .addStatement("this.baton = baton")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("of")
                .addJavadoc("A client that starts and follows runs through {@code baton}.\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(client)
                .addParameter(Code.BATON, "baton")
                .addStatement("return new $T(baton)", client)
                .build())
        .addMethod(
            start(method, handle, parameterNames, TypeName.get(String.class), "workflowId")
                .addJavadoc("Starts a run with the given workflow id on the type's task queue.\n")
                .build())
        .addMethod(
            start(method, handle, parameterNames, Code.WORKFLOW_OPTIONS, "options")
                .addJavadoc("Starts a run with the given options.\n")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("handle")
                .addJavadoc("A handle on the current run of the given workflow id.\n")
                .addModifiers(PUBLIC)
                .returns(handle)
                .addParameter(String.class, "workflowId")
                .addStatement("return baton.handle(TYPE, workflowId)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("result")
                .addJavadoc(
                    "Waits at most {@code timeout} for the result of the current run of the given"
                        + " workflow id.\n")
                .addModifiers(PUBLIC)
                .returns(result)
                .addParameter(String.class, "workflowId")
                .addParameter(Code.DURATION, "timeout")
                .addStatement("return handle(workflowId).result(timeout)")
                .build())
        .build();
  }

  private static MethodSpec.Builder start(
      MethodModel method,
      TypeName handle,
      List<String> parameterNames,
      TypeName firstType,
      String firstName) {
    return MethodSpec.methodBuilder("start")
        .addModifiers(PUBLIC)
        .returns(handle)
        .addParameter(firstType, firstName)
        .addParameters(Code.parameters(method, parameterNames))
        .varargs(method.varargs())
        .addStatement(
            "return baton.start(TYPE, $N$L)",
            firstName,
            Code.forwardedArguments(method, parameterNames));
  }
}
