package dev.baton.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.baton.processor.model.MethodModel;
import dev.baton.processor.model.QueryModel;
import dev.baton.processor.model.SignalModel;
import dev.baton.processor.model.WorkflowModel;
import java.util.stream.Stream;

/**
 * Writes {@code XClient.Dispatcher}: runs a workflow type's workflow, signal and query methods for
 * the worker, without reflection. It is nested in the client, whose constants it lists, so that a
 * workflow type costs javac one file fewer, and extends {@code AbstractWorkflowDispatcher}, which
 * holds the type, the class and the constants, so that it declares only the methods that call.
 */
public final class WorkflowDispatcherWriter {
  private WorkflowDispatcherWriter() {}

  /** The workflow dispatcher class of {@code model}, to nest in its client. */
  public static TypeSpec write(WorkflowModel model) {
    ClassName workflow = model.workflowClass();
    MethodModel method = model.workflowMethod();
    TypeSpec.Builder dispatcher =
        TypeSpec.classBuilder(model.dispatcherName())
            .addJavadoc("Runs the {@link $T} workflow for Baton's workers.\n", workflow)
            .addModifiers(PUBLIC, STATIC, FINAL)
            .superclass(ParameterizedTypeName.get(Code.ABSTRACT_WORKFLOW_DISPATCHER, workflow))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("Creates the dispatcher; workers find it by its name.\n")
                    .addModifiers(PUBLIC)
                    .addStatement(
                        "super($T.TYPE, $T.class,$W$L,$W$L)",
                        model.clientName(),
                        workflow,
                        constants(
                            model,
                            Code.SIGNAL_TYPE,
                            model.signals().stream().map(SignalModel::constantName)),
                        constants(
                            model,
                            ParameterizedTypeName.get(
                                Code.QUERY_TYPE, WildcardTypeName.subtypeOf(Object.class)),
                            model.queries().stream().map(QueryModel::constantName)))
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
    if (!model.signals().isEmpty()) {
      dispatcher.addMethod(signal(model));
    }
    if (!model.queries().isEmpty()) {
      dispatcher.addMethod(query(model));
    }
    return dispatcher.build();
  }

  /**
   * {@code new SignalType[] {XClient.A, XClient.B}}: the client's signal or query constants, in
   * order.
   */
  private static CodeBlock constants(
      WorkflowModel model, TypeName elementType, Stream<String> constants) {
    return CodeBlock.of(
        "new $T[] {$L}",
        elementType,
        constants
            .map(constant -> CodeBlock.of("$T.$N", model.clientName(), constant))
            .collect(CodeBlock.joining(",$W")));
  }

  private static MethodSpec signal(WorkflowModel model) {
    MethodSpec.Builder signal =
        MethodSpec.methodBuilder("signal")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .addParameter(model.workflowClass(), "workflow")
            .addParameter(String.class, "signalName")
            .addParameter(Object[].class, "arguments")
            .addException(Exception.class);
    if (model.signals().stream().anyMatch(s -> Code.hasUncheckedCast(s.method()))) {
      signal.addAnnotation(Code.SUPPRESS_UNCHECKED);
    }
    signal.beginControlFlow("switch (signalName)");
    for (SignalModel each : model.signals()) {
      MethodModel method = each.method();
      signal
          .addCode("case $S:\n$>", each.signalName())
          .addStatement("workflow.$N($L)", method.name(), Code.castArguments(method))
          .addStatement("return")
          .addCode("$<");
    }
    return signal
        .addCode("default:\n$>")
        .addStatement(
            "throw new $T($S$W+ signalName)",
            IllegalArgumentException.class,
            "Workflow type " + model.name() + " has no signal named ")
        .addCode("$<")
        .endControlFlow()
        .build();
  }

  private static MethodSpec query(WorkflowModel model) {
    MethodSpec.Builder query =
        MethodSpec.methodBuilder("query")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .returns(Object.class)
            .addParameter(model.workflowClass(), "workflow")
            .addParameter(String.class, "queryName")
            .addParameter(Object[].class, "arguments")
            .addException(Exception.class);
    if (model.queries().stream().anyMatch(q -> Code.hasUncheckedCast(q.method()))) {
      query.addAnnotation(Code.SUPPRESS_UNCHECKED);
    }
    query.beginControlFlow("switch (queryName)");
    for (QueryModel each : model.queries()) {
      MethodModel method = each.method();
      query
          .addCode("case $S:\n$>", each.queryName())
          .addStatement("return workflow.$N($L)", method.name(), Code.castArguments(method))
          .addCode("$<");
    }
    return query
        .addCode("default:\n$>")
        .addStatement(
            "throw new $T($S$W+ queryName)",
            IllegalArgumentException.class,
            "Workflow type " + model.name() + " has no query named ")
        .addCode("$<")
        .endControlFlow()
        .build();
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
