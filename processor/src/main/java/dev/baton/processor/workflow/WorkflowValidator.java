package dev.baton.processor.workflow;

import dev.baton.Query;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.processor.Message;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import dev.baton.processor.PayloadTypes;
import dev.baton.processor.TypeChecks;
import dev.baton.processor.ValidationReport;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks a {@code @Workflow} type and its workflow, signal and query methods. */
final class WorkflowValidator {
  /** Methods of the generated client that signal and query methods must not be named after. */
  private static final Set<String> CLIENT_METHODS = Set.of("of", "start", "handle", "result");

  /** The constant of the generated client that holds the workflow type. */
  private static final String TYPE_CONSTANT = "TYPE";

  private final Elements elements;
  private final Types types;
  private final PayloadTypes payloads;

  WorkflowValidator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.payloads = new PayloadTypes(elements, types);
  }

  /** A signal or query method and its role annotation, for the checks they share. */
  private record Handler(ExecutableElement method, Class<? extends Annotation> role) {
    String describe() {
      return "@" + role.getSimpleName() + " method " + Methods.describe(method);
    }

    /** Like {@link #describe()}, with the parameter types, for methods that share a name. */
    String describeSignature() {
      return "@"
          + role.getSimpleName()
          + " method "
          + method.getEnclosingElement().getSimpleName()
          + "."
          + method;
    }

    String methodName() {
      return method.getSimpleName().toString();
    }
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
    for (ExecutableElement method : methods) {
      checkSingleRole(method, report);
    }
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
      payloads.check(type, method, true, report);
    }

    // in source order, so that a clash is reported on the later of two methods
    List<ExecutableElement> signals = Workflows.methods(elements, types, type, Signal.class);
    List<ExecutableElement> queries = Workflows.methods(elements, types, type, Query.class);
    List<Handler> handlers = new ArrayList<>();
    for (ExecutableElement method : methods) {
      if (signals.contains(method)) {
        handlers.add(new Handler(method, Signal.class));
      } else if (queries.contains(method)) {
        handlers.add(new Handler(method, Query.class));
      }
    }
    for (Handler handler : handlers) {
      ExecutableElement method = handler.method();
      if (handler.role() == Signal.class && method.getReturnType().getKind() != TypeKind.VOID) {
        report.error(
            method,
            Message.SIGNAL_NOT_VOID.format(Methods.describe(method), method.getReturnType()));
      }
      if (handler.role() == Query.class && method.getReturnType().getKind() == TypeKind.VOID) {
        report.error(method, Message.QUERY_RETURNS_VOID.format(Methods.describe(method)));
      }
      TypeChecks.checkPublic(method, handler.role(), report);
      if (method.getModifiers().contains(Modifier.STATIC)) {
        report.error(
            method,
            Message.STATIC_METHOD.format(handler.role().getSimpleName(), Methods.describe(method)));
      }
      TypeChecks.checkNotGeneric(method, report);
      payloads.check(type, method, handler.role() == Query.class, report);
      TypeChecks.checkNotBlank(
          elements,
          method,
          Mirrors.find(method, handler.role()).orElseThrow(),
          "name",
          true,
          report);
    }
    checkClientMembers(handlers, report);
    return report;
  }

  /** Reports a method annotated with more than one of the roles, on its second annotation. */
  private void checkSingleRole(ExecutableElement method, ValidationReport report) {
    List<Class<? extends Annotation>> roles = Workflows.roles(method);
    if (roles.size() > 1) {
      List<String> names = roles.stream().map(role -> "@" + role.getSimpleName()).toList();
      String annotations =
          names.size() == 2
              ? "both " + names.get(0) + " and " + names.get(1)
              : names.get(0) + ", " + names.get(1) + " and " + names.get(2);
      report.error(
          method,
          Mirrors.find(method, roles.get(1)).orElseThrow(),
          Message.CONFLICTING_METHOD_ANNOTATIONS.format(Methods.describe(method), annotations));
    }
  }

  /**
   * Reports signal and query methods whose names, client methods or client constants are not
   * unique, at most one such error per method.
   */
  private void checkClientMembers(List<Handler> handlers, ValidationReport report) {
    Map<String, Handler> startWithNames = new HashMap<>();
    for (Handler handler : handlers) {
      if (handler.role() == Signal.class) {
        startWithNames.putIfAbsent(Workflows.startWithName(handler.methodName()), handler);
      }
    }
    Map<String, Handler> byName = new HashMap<>();
    Map<String, Handler> byMethodName = new HashMap<>();
    Map<String, Handler> byConstant = new HashMap<>();
    for (Handler handler : handlers) {
      ExecutableElement method = handler.method();
      String role = handler.role().getSimpleName();
      String name = Workflows.name(elements, method, handler.role());
      String constant = Methods.constantName(handler.methodName());
      Handler sameName = byName.putIfAbsent(name, handler);
      Handler sameMethodName = byMethodName.putIfAbsent(handler.methodName(), handler);
      Handler sameConstant = byConstant.putIfAbsent(constant, handler);
      Handler startWith = startWithNames.get(handler.methodName());
      if (sameName != null) {
        report.error(
            method,
            Message.DUPLICATE_SIGNAL_OR_QUERY_NAME.format(
                handler.describe(), name, sameName.describe(), role));
      } else if (sameMethodName != null) {
        report.error(
            method,
            Message.OVERLOADED_SIGNAL_OR_QUERY.format(
                handler.describeSignature(), sameMethodName.describeSignature(), role));
      } else if (CLIENT_METHODS.contains(handler.methodName())) {
        report.error(
            method,
            Message.RESERVED_CLIENT_MEMBER.format(
                handler.describe(), "the method " + handler.methodName(), role));
      } else if (constant.equals(TYPE_CONSTANT)) {
        report.error(
            method,
            Message.RESERVED_CLIENT_MEMBER.format(
                handler.describe(),
                "the constant " + TYPE_CONSTANT + ", the workflow type,",
                role));
      } else if (startWith != null) {
        report.error(
            method,
            Message.RESERVED_CLIENT_MEMBER.format(
                handler.describe(),
                "the method "
                    + handler.methodName()
                    + " (signal-with-start for "
                    + startWith.describe()
                    + ")",
                role));
      } else if (sameConstant != null) {
        report.error(
            method,
            Message.SIGNAL_OR_QUERY_CONSTANT_CLASH.format(
                handler.describe(), sameConstant.describe(), constant, role));
      }
    }
  }
}
