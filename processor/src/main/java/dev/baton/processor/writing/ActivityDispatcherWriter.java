package dev.baton.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baton.processor.model.ActivityMethodModel;
import dev.baton.processor.model.ActivityModel;
import dev.baton.processor.model.MethodModel;

/**
 * Writes {@code YStub.Dispatcher}: runs an interface's activities for the worker, without
 * reflection. It is nested in the stub, whose constants it lists, so that an activity interface
 * costs javac one file fewer, and extends {@code AbstractActivityDispatcher}, which holds the
 * interface and the constants, so that it has two members.
 */
public final class ActivityDispatcherWriter {
  private ActivityDispatcherWriter() {}

  /** The activity dispatcher class of {@code model}, to nest in its stub. */
  public static TypeSpec write(ActivityModel model) {
    ClassName activities = model.activityInterface();
    return TypeSpec.classBuilder(model.dispatcherName())
        .addJavadoc("Runs the {@link $T} activities for Baton's workers.\n", activities)
        .addModifiers(PUBLIC, STATIC, FINAL)
        .superclass(ParameterizedTypeName.get(Code.ABSTRACT_ACTIVITY_DISPATCHER, activities))
        .addMethod(
            MethodSpec.constructorBuilder()
                .addJavadoc("Creates the dispatcher; workers find it by its name.\n")
                .addModifiers(PUBLIC)
                .addStatement(
                    "super($T.class,$W$L)",
                    activities,
                    model.activities().stream()
                        .map(a -> CodeBlock.of("$T.$N", model.stubName(), a.constantName()))
                        .collect(CodeBlock.joining(",$W")))
                .build())
        .addMethod(execute(model))
        .build();
  }

  private static MethodSpec execute(ActivityModel model) {
    MethodSpec.Builder execute =
        MethodSpec.methodBuilder("execute")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .returns(Object.class)
            .addParameter(model.activityInterface(), "activities")
            .addParameter(String.class, "activityType")
            .addParameter(Object[].class, "arguments")
            .addException(Exception.class)
            .beginControlFlow("switch (activityType)");
    for (ActivityMethodModel activity : model.activities()) {
      MethodModel method = activity.method();
      CodeBlock call = CodeBlock.of("activities.$N($L)", method.name(), Code.castArguments(method));
      execute.addCode("case $S:\n$>", activity.activityName());
      if (method.returnsVoid()) {
        execute.addStatement("$L", call).addStatement("return null");
      } else {
        execute.addStatement("return $L", call);
      }
      execute.addCode("$<");
    }
    if (model.activities().stream().anyMatch(a -> Code.hasUncheckedCast(a.method()))) {
      execute.addAnnotation(Code.SUPPRESS_UNCHECKED);
    }
    return execute
        .addCode("default:\n$>")
        .addStatement(
            "throw new $T($S + activityType + $S)",
            IllegalArgumentException.class,
            "Unknown activity type ",
            " for " + String.join(".", model.activityInterface().simpleNames()))
        .addCode("$<")
        .endControlFlow()
        .build();
  }
}
