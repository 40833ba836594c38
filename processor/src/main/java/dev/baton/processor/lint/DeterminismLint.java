package dev.baton.processor.lint;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the code of workflow implementations for calls that would make it non-deterministic, once
 * javac has attributed it (so every call is resolved to the method it calls). Runs as a javac
 * {@link TaskListener}, registered by the annotation processor; with another compiler it does
 * nothing.
 */
public final class DeterminismLint implements TaskListener {
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final WorkflowClasses workflowClasses;
  private final Set<TypeElement> scanned = Collections.newSetFromMap(new IdentityHashMap<>());

  private DeterminismLint(Trees trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.workflowClasses = new WorkflowClasses(types);
  }

  /**
   * Registers the lint with the javac task behind {@code env}; returns false, and does nothing,
   * when {@code env} is not javac's (Eclipse's compiler, or a wrapper that hides javac).
   */
  public static boolean register(ProcessingEnvironment env) {
    Optional<ProcessingEnvironment> javacEnv = unwrap(env);
    if (javacEnv.isEmpty()) {
      return false;
    }
    try {
      JavacTask task = JavacTask.instance(javacEnv.get());
      task.addTaskListener(
          new DeterminismLint(
              Trees.instance(javacEnv.get()),
              javacEnv.get().getElementUtils(),
              javacEnv.get().getTypeUtils()));
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Once a top-level class is analysed (its nested classes are analysed with it), scans it. A class
   * with errors is never analysed, so it is not scanned.
   */
  @Override
  public void finished(TaskEvent event) {
    TypeElement type = event.getTypeElement();
    if (event.getKind() == TaskEvent.Kind.ANALYZE
        && event.getCompilationUnit() != null
        && type != null
        && type.getNestingKind() == NestingKind.TOP_LEVEL
        && scanned.add(type)) {
      TreePath path = trees.getPath(type);
      if (path != null) {
        new DeterminismScanner(trees, elements, types, workflowClasses, event.getCompilationUnit())
            .scan(path);
      }
    }
  }

  /**
   * javac's own environment, also when a build tool wraps it (Gradle's incremental processing keeps
   * it in a field named {@code delegate}).
   */
  private static Optional<ProcessingEnvironment> unwrap(ProcessingEnvironment env) {
    ProcessingEnvironment current = env;
    for (int depth = 0; depth < 4; depth++) {
      if (current.getClass().getName().startsWith("com.sun.tools.javac.")) {
        return Optional.of(current);
      }
      Optional<ProcessingEnvironment> inner = delegateOf(current);
      if (inner.isEmpty()) {
        return Optional.empty();
      }
      current = inner.get();
    }
    return Optional.empty();
  }

  private static Optional<ProcessingEnvironment> delegateOf(ProcessingEnvironment env) {
    for (Class<?> c = env.getClass(); c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(field.getType())) {
          try {
            field.setAccessible(true);
            return Optional.ofNullable((ProcessingEnvironment) field.get(env));
          } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }
}
