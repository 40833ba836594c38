package dev.baton.processor.workflow;

import com.palantir.javapoet.ClassName;
import dev.baton.Query;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.processor.Message;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import dev.baton.processor.Sources;
import dev.baton.processor.Step;
import dev.baton.processor.ValidationReport;
import dev.baton.processor.model.QueryModel;
import dev.baton.processor.model.SignalModel;
import dev.baton.processor.model.WorkflowModel;
import dev.baton.processor.writing.ChildStubWriter;
import dev.baton.processor.writing.ClientWriter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates {@code @Workflow} types and generates their clients (with dispatchers) and child stubs.
 */
public final class WorkflowStep implements Step {
  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final Messager messager;

  /** The workflow type names of this compilation, to report one given to two types. */
  private final Map<String, TypeElement> typeNames = new HashMap<>();

  /** A step that reports through and writes to {@code env}. */
  public WorkflowStep(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.filer = env.getFiler();
    this.messager = env.getMessager();
  }

  @Override
  public Class<? extends Annotation> annotation() {
    return Workflow.class;
  }

  @Override
  public Optional<TypeMirror> unresolvedType(TypeElement type) {
    return Stream.concat(
            Methods.unresolvedSupertype(type).stream(),
            Mirrors.methods(elements, type).stream()
                .filter(m -> Workflows.ROLES.stream().anyMatch(a -> Mirrors.has(m, a)))
                .flatMap(
                    m ->
                        Stream.concat(
                            Methods.unresolvedType(types, type, m).stream(),
                            failRunOn(m).stream().flatMap(t -> Mirrors.unresolved(t).stream()))))
        .findFirst();
  }

  @Override
  public void process(TypeElement type) throws IOException {
    ValidationReport report = new WorkflowValidator(elements, types).validate(type);
    if (report.isClean()) {
      checkUniqueTypeName(type, report);
    }
    report.printTo(messager);
    if (report.isClean()) {
      WorkflowModel model = model(type);
      Sources.write(filer, model.clientName(), ClientWriter.write(model), type);
      Sources.write(filer, model.childStubName(), ChildStubWriter.write(model), type);
    }
  }

  /** Reports a workflow type name that another {@code @Workflow} type of this build has. */
  private void checkUniqueTypeName(TypeElement type, ValidationReport report) {
    String name = typeName(type);
    TypeElement other = typeNames.putIfAbsent(name, type);
    if (other != null && !other.equals(type)) {
      report.error(
          type,
          Message.DUPLICATE_WORKFLOW_TYPE.format(
              type.getQualifiedName(), name, other.getQualifiedName()));
    }
  }

  private String typeName(TypeElement type) {
    String name =
        Mirrors.string(elements, Mirrors.find(type, Workflow.class).orElseThrow(), "name");
    return name.isEmpty() ? type.getSimpleName().toString() : name;
  }

  private WorkflowModel model(TypeElement type) {
    AnnotationMirror workflow = Mirrors.find(type, Workflow.class).orElseThrow();
    ExecutableElement method =
        Mirrors.methods(elements, type).stream()
            .filter(m -> Mirrors.has(m, WorkflowMethod.class))
            .findFirst()
            .orElseThrow();
    return new WorkflowModel(
        ClassName.get(type),
        typeName(type),
        Mirrors.string(elements, workflow, "taskQueue"),
        Methods.model(types, type, method),
        failRunOn(method).stream()
            .map(t -> ClassName.get((TypeElement) types.asElement(t)))
            .toList(),
        Workflows.methods(elements, types, type, Signal.class).stream()
            .map(
                m ->
                    new SignalModel(
                        Workflows.name(elements, m, Signal.class),
                        Methods.constantName(m.getSimpleName().toString()),
                        Workflows.startWithName(m.getSimpleName().toString()),
                        Methods.model(types, type, m)))
            .sorted(Comparator.comparing(SignalModel::signalName))
            .toList(),
        Workflows.methods(elements, types, type, Query.class).stream()
            .map(
                m ->
                    new QueryModel(
                        Workflows.name(elements, m, Query.class),
                        Methods.constantName(m.getSimpleName().toString()),
                        Methods.model(types, type, m)))
            .sorted(Comparator.comparing(QueryModel::queryName))
            .toList());
  }

  /** The exception types listed in {@code @WorkflowMethod(failRunOn)}, read as mirrors. */
  private List<TypeMirror> failRunOn(ExecutableElement method) {
    return Mirrors.find(method, WorkflowMethod.class).stream()
        .flatMap(
            mirror -> {
              @SuppressWarnings("unchecked") // an array member's value is a list of values
              List<? extends AnnotationValue> values =
                  (List<? extends AnnotationValue>)
                      Mirrors.value(elements, mirror, "failRunOn").getValue();
              return values.stream();
            })
        .map(AnnotationValue::getValue)
        // javac reports a class literal it cannot resolve itself; it is left out here
        .filter(TypeMirror.class::isInstance)
        .map(TypeMirror.class::cast)
        .toList();
  }
}
