package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A retry policy: after a failed attempt the next one waits {@code initialInterval * coefficient^(n
 * - 1)}, at most {@link #maximumInterval()}, until {@link #maximumAttempts()} is reached or the
 * failure's type is listed in {@link #doNotRetry()}. Durations are ISO-8601 strings.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Retry {
  /** The wait before the second attempt. Defaults to one second. */
  String initialInterval() default "PT1S";

  /** The factor each further wait grows by. Defaults to 2.0. */
  double backoffCoefficient() default 2.0;

  /** The longest wait between attempts. Defaults to 100 times the initial interval. */
  String maximumInterval() default "";

  /** The most attempts, the first included; 0 (the default) means unlimited. */
  int maximumAttempts() default 0;

  /**
   * Failure type names that are never retried: the fully qualified class name of an exception
   * thrown by the activity, or the type of an {@code ApplicationFailure}.
   */
  String[] doNotRetry() default {};
}
