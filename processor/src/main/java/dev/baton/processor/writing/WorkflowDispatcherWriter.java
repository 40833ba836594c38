package dev.baton.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.baton.processor.model.MethodModel;
import dev.baton.processor.model.WorkflowModel;

/** Writes {@code XDispatcher}: runs a workflow type's method for the worker, without reflection. */
public final class WorkflowDispatcherWriter {
  private WorkflowDispatcherWriter() {}

  /** The workflow dispatcher class of {@code model}. */
  public static TypeSpec write(WorkflowModel model) {
    ClassName workflow = model.workflowClass();
    MethodModel method = model.workflowMethod();
    TypeSpec.Builder dispatcher =
        TypeSpec.classBuilder(model.dispatcherName())
            .addJavadoc("Runs the {@link $T} workflow for Baton's workers.\n", workflow)
            .addAnnotation(Code.GENERATED)
            .addModifiers(PUBLIC, FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.WORKFLOW_DISPATCHER, workflow))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("Creates the dispatcher; workers find it by its name.\n")
                    .addModifiers(PUBLIC)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("type")
                    .addAnnotation(Override.class)
                    .addModifiers(PUBLIC)
                    .returns(
                        ParameterizedTypeName.get(
                            Code.WORKFLOW_TYPE, WildcardTypeName.subtypeOf(Object.class)))
                    .addStatement("return $T.TYPE", model.clientName())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("workflowClass")
                    .addAnnotation(Override.class)
                    .addModifiers(PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(Class.class), workflow))
                    .addStatement("return $T.class", workflow)
                    .build())
            .addMethod(execute(workflow, method));
    if (!model.failRunOn().isEmpty()) {
      dispatcher.addMethod(
          MethodSpec.methodBuilder("failsRun")
              .addAnnotation(Override.class)
              .addModifiers(PUBLIC)
              .returns(TypeName.BOOLEAN)
              .addParameter(Throwable.class, "failure")
              .addStatement(
                  "return $L",
                  model.failRunOn().stream()
                      .map(type -> CodeBlock.of("failure instanceof $T", type))
                      .collect(CodeBlock.joining("$W|| ")))
              .build());
    }
    return dispatcher.build();
  }

  private static MethodSpec execute(ClassName workflow, MethodModel method) {
    MethodSpec.Builder execute =
        MethodSpec.methodBuilder("execute")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .returns(Object.class)
            .addParameter(workflow, "workflow")
            .addParameter(Object[].class, "arguments")
            .addException(Exception.class);
    if (Code.hasUncheckedCast(method)) {
      execute.addAnnotation(Code.SUPPRESS_UNCHECKED);
    }
    CodeBlock call = CodeBlock.of("workflow.$N($L)", method.name(), Code.castArguments(method));
    if (method.returnsVoid()) {
      return execute.addStatement("$L", call).addStatement("return null").build();
    }
    return execute.addStatement("return $L", call).build();
  }
}
