package dev.baton.processor;

import com.google.auto.service.AutoService;
import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Query;
import dev.baton.Retry;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import dev.baton.processor.activity.ActivityStep;
import dev.baton.processor.lint.DeterminismLint;
import dev.baton.processor.workflow.WorkflowStep;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Validates {@code @Workflow} types and {@code @Activity} interfaces and generates their clients,
 * stubs and dispatchers. Each type is handled on its own: an error in one, or a bug here, is
 * reported on that type and the others are still generated. A type that refers to a type not
 * generated yet waits for a later round.
 */
@AutoService(Processor.class)
public final class BatonProcessor extends AbstractProcessor {
  /** Per step, the qualified names of the types waiting for a later round. */
  private final Map<Step, Set<String>> deferred = new LinkedHashMap<>();

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public BatonProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    deferred.put(new WorkflowStep(processingEnv), new LinkedHashSet<>());
    deferred.put(new ActivityStep(processingEnv), new LinkedHashSet<>());
    DeterminismLint.register(processingEnv);
  }

  /**
   * Baton's annotations and {@code @Generated}, which this processor claims: under {@code
   * -Xlint:all -Werror} javac fails a build in which an annotation is claimed by no processor, and
   * {@code @Generated} appears on every class generated here.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Stream.of(
            Workflow.class,
            WorkflowMethod.class,
            Signal.class,
            Query.class,
            Activity.class,
            ActivityMethod.class,
            Retry.class,
            Generated.class)
        .map(Class::getCanonicalName)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** Processes this round's types and those deferred from earlier rounds. */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    deferred.forEach((step, waiting) -> process(step, waiting, round));
    return true;
  }

  private void process(Step step, Set<String> waiting, RoundEnvironment round) {
    Set<TypeElement> types = new LinkedHashSet<>();
    waiting.forEach(name -> types.add(processingEnv.getElementUtils().getTypeElement(name)));
    types.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(step.annotation())));
    waiting.clear();
    for (TypeElement type : types) {
      try {
        Optional<TypeMirror> unresolved = step.unresolvedType(type);
        if (unresolved.isEmpty()) {
          step.process(type);
        } else if (round.processingOver()) {
          error(type, Message.UNRESOLVED_TYPE.format(type.getQualifiedName(), unresolved.get()));
        } else {
          waiting.add(type.getQualifiedName().toString());
        }
      } catch (Exception | LinkageError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        error(type, Message.PROCESSOR_FAILURE.format(type.getQualifiedName(), trace));
      }
    }
  }

  private void error(TypeElement type, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, type);
  }
}
