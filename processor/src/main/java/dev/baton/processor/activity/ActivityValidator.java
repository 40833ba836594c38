package dev.baton.processor.activity;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.processor.Message;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import dev.baton.processor.PayloadTypes;
import dev.baton.processor.TypeChecks;
import dev.baton.processor.ValidationReport;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks an {@code @Activity} interface, its activities and their declared options. */
final class ActivityValidator {
  private static final String ACTIVITY_OPTIONS = "dev.baton.ActivityOptions";

  /** The runtime's {@code ActivityOptions.DEFAULT_START_TO_CLOSE}, for the warning's text. */
  private static final String DEFAULT_START_TO_CLOSE = "5 minutes";

  private final Elements elements;
  private final Types types;
  private final PayloadTypes payloads;

  ActivityValidator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.payloads = new PayloadTypes(elements, types);
  }

  ValidationReport validate(TypeElement type) {
    ValidationReport report = new ValidationReport();
    AnnotationMirror activity = Mirrors.find(type, Activity.class).orElseThrow();
    if (type.getKind() != ElementKind.INTERFACE) {
      report.error(
          type,
          activity,
          Message.ACTIVITY_NOT_INTERFACE.format(
              TypeChecks.kindName(type), type.getQualifiedName()));
      return report;
    }
    TypeChecks.checkTypeShape(type, Activity.class, report);
    TypeChecks.checkNotBlank(elements, type, activity, "name", true, report);
    TypeChecks.checkNotBlank(elements, type, activity, "taskQueue", true, report);

    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Mirrors.has(method, ActivityMethod.class)) {
        TypeChecks.checkPublic(method, ActivityMethod.class, report);
        if (method.getModifiers().contains(Modifier.PUBLIC)
            && !method.getModifiers().contains(Modifier.ABSTRACT)) {
          String kind =
              method.getModifiers().contains(Modifier.STATIC) ? "static" : "a default method";
          report.error(
              method, Message.ACTIVITY_METHOD_NOT_ABSTRACT.format(Methods.describe(method), kind));
        }
      }
    }

    Map<String, ExecutableElement> byName = new HashMap<>();
    Map<String, ExecutableElement> byMethodName = new HashMap<>();
    Map<String, ExecutableElement> byConstant = new HashMap<>();
    for (ExecutableElement method : Activities.methods(elements, types, type)) {
      TypeChecks.checkNotGeneric(method, report);
      checkNotReserved(type, method, report);
      payloads.check(type, method, true, report);
      Optional<AnnotationMirror> options = Mirrors.find(method, ActivityMethod.class);
      options.ifPresent(mirror -> checkOptions(method, mirror, report));
      checkHasTimeout(method, options, report);

      String name = Activities.activityName(elements, type, method);
      ExecutableElement sameName = byName.putIfAbsent(name, method);
      ExecutableElement sameMethodName =
          byMethodName.putIfAbsent(method.getSimpleName().toString(), method);
      if (sameMethodName != null) {
        report.error(
            method,
            Message.OVERLOADED_ACTIVITY.format(
                method.getEnclosingElement().getSimpleName() + "." + method,
                sameMethodName.getEnclosingElement().getSimpleName() + "." + sameMethodName));
      } else if (sameName != null) {
        report.error(
            method,
            Message.DUPLICATE_ACTIVITY_NAME.format(
                Methods.describe(method), name, Methods.describe(sameName)));
      }
      String constant = Methods.constantName(method.getSimpleName().toString());
      ExecutableElement sameConstant = byConstant.putIfAbsent(constant, method);
      if (sameConstant != null && sameName == null && sameMethodName == null) {
        report.error(
            method,
            Message.ACTIVITY_CONSTANT_CLASH.format(
                Methods.describe(method), Methods.describe(sameConstant), constant));
      }
    }
    return report;
  }

  /**
   * Reports a method the stub could not implement next to its own {@code async()} and {@code
   * create}.
   */
  private void checkNotReserved(
      TypeElement type, ExecutableElement method, ValidationReport report) {
    List<String> parameterTypes =
        Methods.asMemberOf(types, type, method).getParameterTypes().stream()
            .map(t -> types.erasure(t).toString())
            .toList();
    String name = method.getSimpleName().toString();
    boolean reserved =
        (name.equals("async") && parameterTypes.isEmpty())
            || (name.equals("create")
                && (parameterTypes.isEmpty() || parameterTypes.equals(List.of(ACTIVITY_OPTIONS))));
    if (reserved) {
      report.error(
          method,
          Message.RESERVED_ACTIVITY_METHOD.format(
              Methods.describe(method), name + "(" + String.join(", ", parameterTypes) + ")"));
    }
  }

  private void checkOptions(
      ExecutableElement method, AnnotationMirror activityMethod, ValidationReport report) {
    TypeChecks.checkNotBlank(elements, method, activityMethod, "name", true, report);
    for (String member :
        List.of("startToClose", "scheduleToClose", "scheduleToStart", "heartbeat")) {
      checkDuration(method, activityMethod, member, report);
    }
    checkHeartbeat(method, activityMethod, report);
    AnnotationMirror retry =
        (AnnotationMirror) Mirrors.value(elements, activityMethod, "retry").getValue();
    checkDuration(method, retry, "initialInterval", report);
    checkDuration(method, retry, "maximumInterval", report);
    AnnotationValue coefficient = Mirrors.value(elements, retry, "backoffCoefficient");
    if (!((Double) coefficient.getValue() >= 1.0)) {
      report.error(
          method,
          retry,
          coefficient,
          Message.INVALID_RETRY.format(
              "backoffCoefficient", coefficient, "it must be at least 1.0"));
    }
    AnnotationValue attempts = Mirrors.value(elements, retry, "maximumAttempts");
    if ((Integer) attempts.getValue() < 0) {
      report.error(
          method,
          retry,
          attempts,
          Message.INVALID_RETRY.format(
              "maximumAttempts", attempts, "it must be 0 (unlimited) or more"));
    }
  }

  /**
   * Reports a heartbeat timeout not shorter than the time one attempt may take: {@code
   * startToClose}, or {@code scheduleToClose} when that is all that is set.
   */
  private void checkHeartbeat(
      ExecutableElement method, AnnotationMirror activityMethod, ValidationReport report) {
    Optional<Duration> heartbeat = parsed(activityMethod, "heartbeat");
    String bound =
        parsed(activityMethod, "startToClose").isPresent() ? "startToClose" : "scheduleToClose";
    Optional<Duration> attempt = parsed(activityMethod, bound);
    if (heartbeat.isPresent()
        && attempt.isPresent()
        && heartbeat.get().compareTo(attempt.get()) >= 0) {
      AnnotationValue value = Mirrors.value(elements, activityMethod, "heartbeat");
      report.error(
          method,
          activityMethod,
          value,
          Message.HEARTBEAT_NOT_SHORTER.format(
              value.getValue(),
              Methods.describe(method),
              bound,
              Mirrors.value(elements, activityMethod, bound).getValue(),
              bound));
    }
  }

  /** Warns of an activity whose attempts are bounded only by the default start-to-close. */
  private void checkHasTimeout(
      ExecutableElement method,
      Optional<AnnotationMirror> activityMethod,
      ValidationReport report) {
    boolean bounded =
        activityMethod.isPresent()
            && (!Mirrors.string(elements, activityMethod.get(), "startToClose").isEmpty()
                || !Mirrors.string(elements, activityMethod.get(), "scheduleToClose").isEmpty());
    if (!bounded) {
      report.warning(
          method,
          Message.NO_ACTIVITY_TIMEOUT.format(Methods.describe(method), DEFAULT_START_TO_CLOSE));
    }
  }

  /** The positive duration {@code member} of {@code mirror}, if it is set and valid. */
  private Optional<Duration> parsed(AnnotationMirror mirror, String member) {
    String text = Mirrors.string(elements, mirror, member);
    try {
      return text.isEmpty()
          ? Optional.empty()
          : Optional.of(Duration.parse(text)).filter(d -> !d.isNegative() && !d.isZero());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Reports a duration member that is set but does not parse or is not positive. */
  private void checkDuration(
      ExecutableElement method, AnnotationMirror mirror, String member, ValidationReport report) {
    AnnotationValue value = Mirrors.value(elements, mirror, member);
    String text = (String) value.getValue();
    if (text.isEmpty()) {
      return;
    }
    String label =
        "@" + mirror.getAnnotationType().asElement().getSimpleName() + "(" + member + ")";
    try {
      Duration duration = Duration.parse(text);
      if (duration.isNegative() || duration.isZero()) {
        report.error(method, mirror, value, Message.NON_POSITIVE_DURATION.format(label, text));
      }
    } catch (DateTimeParseException e) {
      report.error(method, mirror, value, Message.INVALID_DURATION.format(label, text));
    }
  }
}
