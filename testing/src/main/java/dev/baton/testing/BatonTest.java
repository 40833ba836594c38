package dev.baton.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class in a fresh {@link TestWorkflowEnvironment}: registers the workflow
 * classes and activity classes named here on workers (one per task queue) and starts them, injects
 * test method parameters of type {@link TestWorkflowEnvironment}, {@link dev.baton.Baton} and any
 * generated client ({@code XClient}, a class with a static {@code of(Baton)}), and when a test
 * fails prints the history of every run to standard error.
 *
 * <pre>{@code
 * @BatonTest(workflows = GreetingImpl.class, activities = GreeterImpl.class)
 * class GreetingTest {
 *   @Test
 *   void greets(GreetingClient greetings) {
 *     assertThat(greetings.start("g-1", "Ada").result()).isEqualTo("Hello, Ada");
 *   }
 * }
 * }</pre>
 *
 * <p>To use {@link ActivityMock}s instead, leave {@link #activities()} empty and register the mocks
 * in the test on a worker of their own: {@code env.newWorker(queue).registerActivities(
 * mock.instance()).start()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(BatonExtension.class)
public @interface BatonTest {
  /** Workflow implementation classes, registered on their type's default task queue. */
  Class<?>[] workflows() default {};

  /**
   * Activity implementation classes, each created with its no-argument constructor and registered
   * on {@link #taskQueue()}.
   */
  Class<?>[] activities() default {};

  /**
   * The task queue of the activities; empty (the default) means the default task queue of the first
   * workflow class, or {@code "default"} when there is none.
   */
  String taskQueue() default "";

  /** Whether workflow classes are loaded through the determinism guard. Default: {@code true}. */
  boolean determinismGuard() default true;
}
