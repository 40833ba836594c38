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
import com.palantir.javapoet.TypeSpec;
import dev.baton.processor.model.ActivityMethodModel;
import dev.baton.processor.model.ActivityModel;
import dev.baton.processor.model.MethodModel;
import dev.baton.processor.model.OptionsModel;
import dev.baton.processor.model.Parameter;
import dev.baton.processor.model.RetryModel;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code YStub}: the activity interface implemented for workflow code, each call a durable
 * activity run, plus {@code async()} for calls that return a {@code Promise}, and {@code local()}
 * for a stub whose calls are local activities; its nested {@code Dispatcher} runs the activities
 * for workers. The stub and its {@code Async} extend {@code AbstractActivityStub}, which holds the
 * options and starts each call, so that javac compiles fewer members per interface.
 */
public final class StubWriter {
  private StubWriter() {}

  /** The stub class of {@code model}. */
  public static TypeSpec write(ActivityModel model) {
    ClassName stub = model.stubName();
    ClassName async = stub.nestedClass("Async");
    String interfaceName = String.join(".", model.activityInterface().simpleNames());

    TypeSpec.Builder asyncClass =
        TypeSpec.classBuilder(async)
            .addJavadoc(
                "Starts $L activities without waiting, for parallel branches.\n", interfaceName)
            .addModifiers(PUBLIC, STATIC, FINAL)
            .superclass(Code.ABSTRACT_ACTIVITY_STUB)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(PRIVATE)
                    .addParameter(stub, "stub")
                    .addStatement("super(stub)")
                    .build());
    TypeSpec.Builder stubClass =
        TypeSpec.classBuilder(stub)
            .addJavadoc(
                "Calls the {@link $T} activities from workflow code; each call is a durable"
                    + " activity run.\n",
                model.activityInterface())
            .addAnnotation(Code.GENERATED)
            .addModifiers(PUBLIC, FINAL)
            .superclass(Code.ABSTRACT_ACTIVITY_STUB)
            .addSuperinterface(model.activityInterface());
    for (ActivityMethodModel activity : model.activities()) {
      stubClass.addField(constant(model, activity));
    }
    stubClass
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(Code.ACTIVITY_OPTIONS, "options")
                .addParameter(Code.LOCAL_ACTIVITY_OPTIONS, "localOptions")
                .addStatement("super(options, localOptions)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("create")
                .addJavadoc("A stub that runs each activity with the options it declares.\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(stub)
                .addStatement("return new $T($T.none(), null)", stub, Code.ACTIVITY_OPTIONS)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("create")
                .addJavadoc(
                    "A stub whose {@code options} override those each activity declares, setting"
                        + " by setting.\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(stub)
                .addParameter(Code.ACTIVITY_OPTIONS, "options")
                .addStatement("return new $T(options, null)", stub)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("local")
                .addJavadoc(
                    "A stub whose calls are local activities, run by the calling workflow's own"
                        + " worker, with the\ntimeouts and retry policy each activity declares.\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(stub)
                .addStatement(
                    "return new $T($T.none(), $T.none())",
                    stub,
                    Code.ACTIVITY_OPTIONS,
                    Code.LOCAL_ACTIVITY_OPTIONS)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("local")
                .addJavadoc(
                    "A stub whose calls are local activities, {@code options} overriding what each"
                        + " activity\ndeclares.\n")
                .addModifiers(PUBLIC, STATIC)
                .returns(stub)
                .addParameter(Code.LOCAL_ACTIVITY_OPTIONS, "options")
                .addStatement(
                    "return new $T($T.none(), checkedLocalOptions(options))",
                    stub,
                    Code.ACTIVITY_OPTIONS)
                .build());

    // AbstractActivityStub.call starts each call. Where an activity method is named call too, the
    // inherited one is named through super, so that overload resolution never picks the activity.
    String call =
        model.activities().stream().anyMatch(a -> a.method().name().equals("call"))
            ? "super.call"
            : "call";
    for (ActivityMethodModel activity : model.activities()) {
      MethodModel method = activity.method();
      NameAllocator names = new NameAllocator();
      model.activities().forEach(a -> names.newName(a.constantName()));
      List<String> parameterNames =
          method.parameters().stream().map(Parameter::name).map(names::newName).toList();
      CodeBlock start =
          CodeBlock.of(
              "$L($N$L)",
              call,
              activity.constantName(),
              Code.forwardedArguments(method, parameterNames));

      MethodSpec.Builder blocking =
          signature(method, parameterNames)
              .addJavadoc(
                  "Runs {@link $T#$L} as the $L activity and waits\nfor its result.\n",
                  model.activityInterface(),
                  method.name(),
                  Code.javadocText(activity.activityName()))
              .addAnnotation(Override.class)
              .returns(method.returnType());
      if (method.returnsVoid()) {
        blocking.addStatement("$L.get()", start);
      } else {
        blocking.addStatement("return $L.get()", start);
      }
      stubClass.addMethod(blocking.build());
      asyncClass.addMethod(
          signature(method, parameterNames)
              .addJavadoc(
                  "Starts {@link $T#$L} as the $L activity;\nthe promise holds its result.\n",
                  model.activityInterface(),
                  method.name(),
                  Code.javadocText(activity.activityName()))
              .returns(ParameterizedTypeName.get(Code.PROMISE, method.returnType().box()))
              .addStatement("return $L", start)
              .build());
    }
    return stubClass
        .addMethod(
            MethodSpec.methodBuilder("async")
                .addJavadoc("Calls that start activities and return a promise of their result.\n")
                .addModifiers(PUBLIC)
                .returns(async)
                .addStatement("return new $T(this)", async)
                .build())
        .addType(asyncClass.build())
        .addType(ActivityDispatcherWriter.write(model))
        .build();
  }

  private static MethodSpec.Builder signature(MethodModel method, List<String> parameterNames) {
    return MethodSpec.methodBuilder(method.name())
        .addModifiers(PUBLIC)
        .addParameters(Code.parameters(method, parameterNames))
        .varargs(method.varargs());
  }

  private static FieldSpec constant(ActivityModel model, ActivityMethodModel activity) {
    MethodModel method = activity.method();
    return FieldSpec.builder(
            ParameterizedTypeName.get(Code.ACTIVITY_TYPE, method.returnType().box()),
            activity.constantName(),
            PUBLIC,
            STATIC,
            FINAL)
        .addJavadoc(
            "The $L activity, declared by {@link $T#$L}.\n",
            Code.javadocText(activity.activityName()),
            model.activityInterface(),
            method.name())
        .initializer(
            Code.typeConstant(
                Code.ACTIVITY_TYPE,
                List.of(CodeBlock.of("$S", activity.activityName()), options(activity.options())),
                method))
        .build();
  }

  private static CodeBlock options(OptionsModel options) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.newBuilder()$>$>", Code.ACTIVITY_OPTIONS);
    boolean anySet = false;
    anySet |= set(code, "taskQueue", options.taskQueue().map(q -> CodeBlock.of("$S", q)));
    anySet |= set(code, "startToClose", options.startToClose().map(StubWriter::duration));
    anySet |= set(code, "scheduleToClose", options.scheduleToClose().map(StubWriter::duration));
    anySet |= set(code, "scheduleToStart", options.scheduleToStart().map(StubWriter::duration));
    anySet |= set(code, "heartbeat", options.heartbeat().map(StubWriter::duration));
    anySet |= set(code, "retry", options.retry().map(StubWriter::retry));
    return anySet
        ? code.add("\n.build()$<$<").build()
        : CodeBlock.of("$T.none()", Code.ACTIVITY_OPTIONS);
  }

  private static CodeBlock retry(RetryModel retry) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.newBuilder()$>$>", Code.RETRY_OPTIONS);
    set(code, "initialInterval", retry.initialInterval().map(StubWriter::duration));
    if (retry.backoffCoefficient().isPresent()) {
      code.add("\n.backoffCoefficient($L)", retry.backoffCoefficient().getAsDouble());
    }
    set(code, "maximumInterval", retry.maximumInterval().map(StubWriter::duration));
    if (retry.maximumAttempts().isPresent()) {
      code.add("\n.maximumAttempts($L)", retry.maximumAttempts().getAsInt());
    }
    if (!retry.doNotRetry().isEmpty()) {
      code.add(
          "\n.doNotRetry($L)",
          retry.doNotRetry().stream()
              .map(t -> CodeBlock.of("$S", t))
              .collect(CodeBlock.joining(", ")));
    }
    return code.add("\n.build()$<$<").build();
  }

  private static boolean set(CodeBlock.Builder code, String setter, Optional<CodeBlock> value) {
    value.ifPresent(v -> code.add("\n.$N($L)", setter, v));
    return value.isPresent();
  }

  private static CodeBlock duration(String isoDuration) {
    return CodeBlock.of("$T.parse($S)", Code.DURATION, isoDuration);
  }
}
