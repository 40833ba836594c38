package dev.baton.processor.workflow;

import dev.baton.Query;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.processor.Message;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import dev.baton.processor.TypeChecks;
import dev.baton.processor.ValidationReport;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/** Checks a {@code @Workflow} type and its workflow, signal and query methods. */
final class WorkflowValidator {
  private final Elements elements;

  WorkflowValidator(Elements elements) {
    this.elements = elements;
  }

  ValidationReport validate(TypeElement type) {
    ValidationReport report = new ValidationReport();
    AnnotationMirror workflow = Mirrors.find(type, Workflow.class).orElseThrow();
    if (type.getKind() != ElementKind.INTERFACE && type.getKind() != ElementKind.CLASS) {
      report.error(
          type,
          workflow,
          Message.WORKFLOW_WRONG_KIND.format(TypeChecks.kindName(type), type.getQualifiedName()));
      return report;
    }
    TypeChecks.checkTypeShape(type, Workflow.class, report);
    TypeChecks.checkNotBlank(elements, type, workflow, "name", true, report);
    TypeChecks.checkNotBlank(elements, type, workflow, "taskQueue", false, report);

    List<ExecutableElement> methods = Mirrors.methods(elements, type);
    List<ExecutableElement> workflowMethods =
        methods.stream().filter(m -> Mirrors.has(m, WorkflowMethod.class)).toList();
    if (workflowMethods.isEmpty()) {
      report.error(type, workflow, Message.NO_WORKFLOW_METHOD.format(type.getQualifiedName()));
    }
    for (ExecutableElement method : workflowMethods) {
      if (method != workflowMethods.get(0)) {
        report.error(
            method,
            Message.EXTRA_WORKFLOW_METHOD.format(
                Methods.describe(method),
                type.getQualifiedName(),
                Methods.describe(workflowMethods.get(0))));
      }
      TypeChecks.checkPublic(method, WorkflowMethod.class, report);
      if (method.getModifiers().contains(Modifier.STATIC)) {
        report.error(method, Message.STATIC_WORKFLOW_METHOD.format(Methods.describe(method)));
      }
      TypeChecks.checkNotGeneric(method, report);
    }
    for (ExecutableElement method : methods) {
      if (Mirrors.has(method, Signal.class)) {
        TypeChecks.checkPublic(method, Signal.class, report);
        if (method.getReturnType().getKind() != TypeKind.VOID) {
          report.error(
              method,
              Message.SIGNAL_NOT_VOID.format(Methods.describe(method), method.getReturnType()));
        }
      }
      if (Mirrors.has(method, Query.class)) {
        TypeChecks.checkPublic(method, Query.class, report);
        if (method.getReturnType().getKind() == TypeKind.VOID) {
          report.error(method, Message.QUERY_RETURNS_VOID.format(Methods.describe(method)));
        }
      }
    }
    return report;
  }
}
