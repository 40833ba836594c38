package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets the name, timeouts and retry policy of one activity method. Durations are ISO-8601 strings
 * as read by {@code java.time.Duration.parse}, such as {@code "PT30S"} or {@code "P3D"}; an empty
 * string means "not set".
 *
 * <p>When neither {@link #startToClose()} nor {@link #scheduleToClose()} is set, a start-to-close
 * timeout of five minutes applies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActivityMethod {
  /** The activity type name. Defaults to {@code InterfaceName.methodName}. */
  String name() default "";

  /** How long one attempt may run; also the length of the worker's lease on the task. */
  String startToClose() default "";

  /** How long all attempts together may take, from the first scheduling. */
  String scheduleToClose() default "";

  /** How long a task may wait in its queue before a worker claims it. */
  String scheduleToStart() default "";

  /** How long a running attempt may go without a heartbeat. */
  String heartbeat() default "";

  /** The retry policy. Defaults to {@link Retry}'s defaults: unlimited attempts with back-off. */
  Retry retry() default @Retry;
}
