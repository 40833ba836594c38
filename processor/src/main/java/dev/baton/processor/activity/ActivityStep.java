package dev.baton.processor.activity;

import com.palantir.javapoet.ClassName;
import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.processor.Message;
import dev.baton.processor.Methods;
import dev.baton.processor.Mirrors;
import dev.baton.processor.Sources;
import dev.baton.processor.Step;
import dev.baton.processor.ValidationReport;
import dev.baton.processor.model.ActivityMethodModel;
import dev.baton.processor.model.ActivityModel;
import dev.baton.processor.model.OptionsModel;
import dev.baton.processor.model.RetryModel;
import dev.baton.processor.writing.StubWriter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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

/** Validates {@code @Activity} interfaces and generates their stubs, dispatchers nested. */
public final class ActivityStep implements Step {
  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final Messager messager;

  /** The activity type names of this compilation, to report one given to two activities. */
  private final Map<String, ExecutableElement> activityNames = new HashMap<>();

  /** A step that reports through and writes to {@code env}. */
  public ActivityStep(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.filer = env.getFiler();
    this.messager = env.getMessager();
  }

  @Override
  public Class<? extends Annotation> annotation() {
    return Activity.class;
  }

  @Override
  public Optional<TypeMirror> unresolvedType(TypeElement type) {
    return Stream.concat(
            Methods.unresolvedSupertype(type).stream(),
            Activities.methods(elements, types, type).stream()
                .flatMap(m -> Methods.unresolvedType(types, type, m).stream()))
        .findFirst();
  }

  @Override
  public void process(TypeElement type) throws IOException {
    ValidationReport report = new ActivityValidator(elements, types).validate(type);
    if (report.isClean()) {
      checkUniqueActivityNames(type, report);
    }
    report.printTo(messager);
    if (report.isClean()) {
      ActivityModel model = model(type);
      Sources.write(filer, model.stubName(), StubWriter.write(model), type);
    }
  }

  /** Reports activity type names that an activity of another interface of this build has. */
  private void checkUniqueActivityNames(TypeElement type, ValidationReport report) {
    for (ExecutableElement method : Activities.methods(elements, types, type)) {
      String name = Activities.activityName(elements, type, method);
      ExecutableElement other = activityNames.putIfAbsent(name, method);
      if (other != null && !other.getEnclosingElement().equals(method.getEnclosingElement())) {
        report.error(
            method,
            Message.DUPLICATE_ACTIVITY_TYPE.format(
                Methods.describe(method),
                name,
                ((TypeElement) other.getEnclosingElement()).getQualifiedName()
                    + "."
                    + other.getSimpleName()));
      }
    }
  }

  private ActivityModel model(TypeElement type) {
    AnnotationMirror activity = Mirrors.find(type, Activity.class).orElseThrow();
    Optional<String> taskQueue = nonEmpty(Mirrors.string(elements, activity, "taskQueue"));
    List<ActivityMethodModel> activities =
        Activities.methods(elements, types, type).stream()
            .map(
                method ->
                    new ActivityMethodModel(
                        Activities.activityName(elements, type, method),
                        Methods.constantName(method.getSimpleName().toString()),
                        Methods.model(types, type, method),
                        options(method, taskQueue)))
            .sorted(Comparator.comparing(ActivityMethodModel::activityName))
            .toList();
    return new ActivityModel(ClassName.get(type), activities);
  }

  private OptionsModel options(ExecutableElement method, Optional<String> taskQueue) {
    Optional<AnnotationMirror> activityMethod = Mirrors.find(method, ActivityMethod.class);
    return new OptionsModel(
        taskQueue,
        activityMethod.flatMap(
            mirror -> nonEmpty(Mirrors.string(elements, mirror, "startToClose"))),
        activityMethod.flatMap(
            mirror -> nonEmpty(Mirrors.string(elements, mirror, "scheduleToClose"))),
        activityMethod.flatMap(
            mirror -> nonEmpty(Mirrors.string(elements, mirror, "scheduleToStart"))),
        activityMethod.flatMap(mirror -> nonEmpty(Mirrors.string(elements, mirror, "heartbeat"))),
        activityMethod
            .map(mirror -> (AnnotationMirror) Mirrors.value(elements, mirror, "retry").getValue())
            .flatMap(this::retry));
  }

  /** The members of {@code @Retry} that differ from their defaults, or empty if none does. */
  private Optional<RetryModel> retry(AnnotationMirror retry) {
    @SuppressWarnings("unchecked") // an array member's value is a list of values
    List<? extends AnnotationValue> doNotRetry =
        (List<? extends AnnotationValue>) Mirrors.value(elements, retry, "doNotRetry").getValue();
    RetryModel model =
        new RetryModel(
            Mirrors.nonDefaultValue(elements, retry, "initialInterval").map(String.class::cast),
            Mirrors.nonDefaultValue(elements, retry, "backoffCoefficient")
                .map(v -> OptionalDouble.of((Double) v))
                .orElse(OptionalDouble.empty()),
            Mirrors.nonDefaultValue(elements, retry, "maximumInterval").map(String.class::cast),
            Mirrors.nonDefaultValue(elements, retry, "maximumAttempts")
                .map(v -> OptionalInt.of((Integer) v))
                .orElse(OptionalInt.empty()),
            doNotRetry.stream().map(v -> (String) v.getValue()).toList());
    boolean allDefault =
        model.initialInterval().isEmpty()
            && model.backoffCoefficient().isEmpty()
            && model.maximumInterval().isEmpty()
            && model.maximumAttempts().isEmpty()
            && model.doNotRetry().isEmpty();
    return allDefault ? Optional.empty() : Optional.of(model);
  }

  private static Optional<String> nonEmpty(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
