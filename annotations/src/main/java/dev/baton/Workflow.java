package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a workflow type: an interface (a contract that starters and workers in other applications
 * share) or a class (contract and implementation in one).
 *
 * <p>The type must have exactly one {@link WorkflowMethod}. It may have {@link Signal} and {@link
 * Query} methods. The annotation processor generates {@code XClient} (start, result, signal, query)
 * and the dispatcher the runtime uses to run the workflow without reflection.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workflow {
  /**
   * The workflow type name stored in history. Defaults to the simple name of the annotated type.
   * Keep it stable: runs already stored refer to it.
   */
  String name() default "";

  /** The task queue runs of this type go to unless the start options name another. */
  String taskQueue() default "default";
}
