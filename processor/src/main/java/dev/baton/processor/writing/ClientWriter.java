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
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.baton.processor.model.MethodModel;
import dev.baton.processor.model.Parameter;
import dev.baton.processor.model.QueryModel;
import dev.baton.processor.model.SignalModel;
import dev.baton.processor.model.WorkflowModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code XClient}: starts runs of a workflow type, signals and queries them, and waits for
 * their results; its nested {@code Dispatcher} runs the type for workers. It extends {@code
 * AbstractWorkflowClient}, which holds the {@code Baton} and has {@code handle} and {@code result},
 * so that javac compiles fewer members per workflow type.
 */
public final class ClientWriter {
  private ClientWriter() {}

  /** The client class of {@code model}. */
  public static TypeSpec write(WorkflowModel model) {
    ClassName client = model.clientName();
    MethodModel method = model.workflowMethod();
    TypeName result = method.returnType().box();
    TypeName handle = ParameterizedTypeName.get(Code.WORKFLOW_HANDLE, result);

    List<String> parameterNames = names(model, method, "workflowId", "options");

    TypeSpec.Builder spec =
        TypeSpec.classBuilder(client)
            .addJavadoc(classJavadoc(model), model.workflowClass())
            .addAnnotation(Code.GENERATED)
            .addModifiers(PUBLIC, FINAL)
            .superclass(ParameterizedTypeName.get(Code.ABSTRACT_WORKFLOW_CLIENT, result))
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(Code.WORKFLOW_TYPE, result),
                        "TYPE",
                        PUBLIC,
                        STATIC,
                        FINAL)
                    .addJavadoc("The $L workflow type.\n", Code.javadocText(model.name()))
                    .initializer(
                        Code.typeConstant(
                            Code.WORKFLOW_TYPE,
                            List.of(
                                CodeBlock.of("$S", model.name()),
                                CodeBlock.of("$S", model.taskQueue())),
                            method))
                    .build());
    model.signals().forEach(signal -> spec.addField(signalConstant(model, signal)));
    model.queries().forEach(query -> spec.addField(queryConstant(model, query)));
    spec.addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(Code.BATON, "baton")
                .addStatement("super(baton, TYPE)")
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
                .addJavadoc(
                    "Starts a run of {@link $T#$L} with the given workflow id\non the type's task"
                        + " queue.\n",
                    model.workflowClass(),
                    method.name())
                .build())
        .addMethod(
            start(method, handle, parameterNames, Code.WORKFLOW_OPTIONS, "options")
                .addJavadoc(
                    "Starts a run of {@link $T#$L} with the given options.\n",
                    model.workflowClass(),
                    method.name())
                .build());
    for (SignalModel signal : model.signals()) {
      addSignal(spec, model, handle, signal);
    }
    for (QueryModel query : model.queries()) {
      addQuery(spec, model, query);
    }
    return spec.addType(WorkflowDispatcherWriter.write(model)).build();
  }

  private static String classJavadoc(WorkflowModel model) {
    List<String> verbs = new ArrayList<>(List.of("Starts runs of the {@link $T} workflow"));
    if (!model.signals().isEmpty()) {
      verbs.add("sends them signals");
    }
    if (!model.queries().isEmpty()) {
      verbs.add("asks them queries");
    }
    // a line break keeps the longer sentence readable; JavaPoet does not wrap Javadoc
    return String.join(", ", verbs)
        + (verbs.size() > 1 ? "\nand" : " and")
        + " waits for their results.\n";
  }

  private static FieldSpec signalConstant(WorkflowModel model, SignalModel signal) {
    return FieldSpec.builder(Code.SIGNAL_TYPE, signal.constantName(), PUBLIC, STATIC, FINAL)
        .addJavadoc(
            "The $L signal, handled by {@link $T#$L}.\n",
            Code.javadocText(signal.signalName()),
            model.workflowClass(),
            signal.method().name())
        .initializer(
            Code.constant(
                Code.SIGNAL_TYPE,
                List.of(CodeBlock.of("$S", signal.signalName())),
                signal.method()))
        .build();
  }

  private static FieldSpec queryConstant(WorkflowModel model, QueryModel query) {
    MethodModel method = query.method();
    return FieldSpec.builder(
            ParameterizedTypeName.get(Code.QUERY_TYPE, method.returnType().box()),
            query.constantName(),
            PUBLIC,
            STATIC,
            FINAL)
        .addJavadoc(
            "The $L query, answered by {@link $T#$L}.\n",
            Code.javadocText(query.queryName()),
            model.workflowClass(),
            method.name())
        .initializer(
            Code.constant(
                Code.QUERY_TYPE,
                List.of(CodeBlock.of("$S", query.queryName()), Code.typeRef(method.returnType())),
                method))
        .build();
  }

  /** {@code approve(workflowId, ...)} and the two {@code startWithApprove} methods. */
  private static void addSignal(
      TypeSpec.Builder spec, WorkflowModel model, TypeName handle, SignalModel signal) {
    MethodModel method = signal.method();
    String name = Code.javadocText(signal.signalName());
    List<String> signalNames = names(model, method, "workflowId");
    spec.addMethod(
        MethodSpec.methodBuilder(method.name())
            .addJavadoc(
                "Sends the $L signal ({@link $T#$L})\nto the running run of the given workflow"
                    + " id.\n",
                name,
                model.workflowClass(),
                method.name())
            .addModifiers(PUBLIC)
            .addParameter(String.class, "workflowId")
            .addParameters(Code.parameters(method, signalNames))
            .varargs(method.varargs())
            .addStatement(
                "baton().signal(workflowId, $N$L)",
                signal.constantName(),
                Code.forwardedArguments(method, signalNames))
            .build());

    // One allocator for both, so that a signal parameter named like a workflow one is renamed.
    MethodModel workflowMethod = model.workflowMethod();
    NameAllocator allocator = allocator(model, "workflowId", "options");
    List<String> startNames =
        workflowMethod.parameters().stream().map(Parameter::name).map(allocator::newName).toList();
    List<String> startSignalNames =
        method.parameters().stream().map(Parameter::name).map(allocator::newName).toList();
    List<ParameterSpec> parameters = new ArrayList<>(Code.parameters(workflowMethod, startNames));
    parameters.addAll(Code.parameters(method, startSignalNames));
    // The workflow method's variable-arity parameter stays one only where it is still the last.
    boolean varargs = method.parameters().isEmpty() ? workflowMethod.varargs() : method.varargs();
    CodeBlock startArguments =
        CodeBlock.of(
            "new $T[] {$L}",
            Object.class,
            startNames.stream().map(n -> CodeBlock.of("$N", n)).collect(CodeBlock.joining(", ")));
    CodeBlock signalArguments =
        CodeBlock.of(
            "$N$L", signal.constantName(), Code.forwardedArguments(method, startSignalNames));
    spec.addMethod(
        MethodSpec.methodBuilder(signal.startWithName())
            .addJavadoc(
                "Sends the $L signal ({@link $T#$L})\nto the running run of the given workflow"
                    + " id, first starting a run on the type's\ntask queue if none is running.\n",
                name,
                model.workflowClass(),
                method.name())
            .addModifiers(PUBLIC)
            .returns(handle)
            .addParameter(String.class, "workflowId")
            .addParameters(parameters)
            .varargs(varargs)
            .addStatement(
                "return baton().signalWithStart(TYPE, $T.of(workflowId),$W$L,$W$L)",
                Code.WORKFLOW_OPTIONS,
                startArguments,
                signalArguments)
            .build());
    spec.addMethod(
        MethodSpec.methodBuilder(signal.startWithName())
            .addJavadoc(
                "Sends the $L signal ({@link $T#$L})\nto the running run of the workflow id in"
                    + " {@code options}, first starting a run\nwith those options if none is"
                    + " running.\n",
                name,
                model.workflowClass(),
                method.name())
            .addModifiers(PUBLIC)
            .returns(handle)
            .addParameter(Code.WORKFLOW_OPTIONS, "options")
            .addParameters(parameters)
            .varargs(varargs)
            .addStatement(
                "return baton().signalWithStart(TYPE, options,$W$L,$W$L)",
                startArguments,
                signalArguments)
            .build());
  }

  /** {@code status(workflowId, ...)} and {@code status(workflowId, timeout, ...)}. */
  private static void addQuery(TypeSpec.Builder spec, WorkflowModel model, QueryModel query) {
    MethodModel method = query.method();
    String name = Code.javadocText(query.queryName());
    List<String> names = names(model, method, "workflowId", "timeout");
    CodeBlock arguments =
        CodeBlock.of("$N$L", query.constantName(), Code.forwardedArguments(method, names));
    spec.addMethod(
        MethodSpec.methodBuilder(method.name())
            .addJavadoc(
                "Asks the running (or latest) run of the given workflow id the $L query"
                    + "\n({@link $T#$L}) and returns its answer.\n",
                name,
                model.workflowClass(),
                method.name())
            .addModifiers(PUBLIC)
            .returns(method.returnType())
            .addParameter(String.class, "workflowId")
            .addParameters(Code.parameters(method, names))
            .varargs(method.varargs())
            .addStatement("return baton().query(workflowId, $L)", arguments)
            .build());
    spec.addMethod(
        MethodSpec.methodBuilder(method.name())
            .addJavadoc(
                "Asks the running (or latest) run of the given workflow id the $L query"
                    + "\n({@link $T#$L}), waiting at most {@code timeout} for the answer.\n",
                name,
                model.workflowClass(),
                method.name())
            .addModifiers(PUBLIC)
            .returns(method.returnType())
            .addParameter(String.class, "workflowId")
            .addParameter(Code.DURATION, "timeout")
            .addParameters(Code.parameters(method, names))
            .varargs(method.varargs())
            .addStatement("return baton().query(workflowId, timeout, $L)", arguments)
            .build());
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
            "return baton().start(TYPE, $N$L)",
            firstName,
            Code.forwardedArguments(method, parameterNames));
  }

  /**
   * Names for the parameters of {@code method} that hide none of the client's constants ({@code
   * TYPE}, the signal and query constants) and none of {@code taken}.
   */
  private static List<String> names(WorkflowModel model, MethodModel method, String... taken) {
    NameAllocator allocator = allocator(model, taken);
    return method.parameters().stream().map(Parameter::name).map(allocator::newName).toList();
  }

  private static NameAllocator allocator(WorkflowModel model, String... taken) {
    NameAllocator allocator = new NameAllocator();
    allocator.newName("TYPE");
    model.signals().forEach(signal -> allocator.newName(signal.constantName()));
    model.queries().forEach(query -> allocator.newName(query.constantName()));
    for (String name : taken) {
      allocator.newName(name);
    }
    return allocator;
  }
}
