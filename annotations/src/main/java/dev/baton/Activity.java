package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are activities: the steps a workflow calls, which run on
 * activity workers and may do anything (I/O, clocks, randomness).
 *
 * <p>Every public abstract method is an activity; {@link ActivityMethod} sets its timeouts and
 * retry policy. The annotation processor generates {@code YStub} for workflow code and the
 * dispatcher the worker uses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Activity {
  /**
   * The prefix of this interface's activity type names ({@code prefix.method}). Defaults to the
   * simple name of the interface.
   */
  String name() default "";

  /**
   * The task queue these activities run on. Defaults to the calling workflow's task queue, which is
   * empty here.
   */
  String taskQueue() default "";
}
