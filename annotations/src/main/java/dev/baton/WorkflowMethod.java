package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one method of a {@link Workflow} type that runs the workflow. Its parameters are the
 * workflow's input and its return value (or {@code void}) the workflow's result.
 *
 * <p>An exception thrown out of this method fails the <em>run</em> when it is a {@code
 * WorkflowFailure} (such as {@code ApplicationFailure} or an uncaught {@code ActivityFailure}) or
 * an instance of one of {@link #failRunOn()}. Any other exception is treated as a bug: it fails the
 * current <em>workflow task</em>, which is retried until fixed code is deployed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowMethod {
  /** Exception types that fail the run instead of the workflow task. Defaults to none. */
  Class<? extends Throwable>[] failRunOn() default {};
}
