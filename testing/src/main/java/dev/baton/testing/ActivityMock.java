package dev.baton.testing;

import dev.baton.ActivityContext;
import dev.baton.internal.store.TaskToken;
import dev.baton.internal.testing.MethodRecorder;
import dev.baton.internal.testing.ParkedActivities;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An activity implementation for tests: it forwards calls to a behaviour (a lambda or any object
 * implementing the activity interface), counts them, and can fail the first calls of a method or
 * never complete them. Register {@link #instance()} with a worker.
 *
 * <pre>{@code
 * ActivityMock<Payments> payments =
 *     ActivityMock.of(Payments.class, amount -> "receipt-" + amount)
 *         .failFirst(2, p -> p.charge(0));          // attempts 1 and 2 fail, 3 succeeds
 * env.newWorker("orders").registerActivities(payments.instance()).start();
 * ...
 * assertThat(payments.calls(p -> p.charge(0))).isEqualTo(3);
 * }</pre>
 *
 * <p>Methods are named by calling them on a recorder: {@code p -> p.charge(0)} names {@code
 * charge}; the arguments are ignored. Thread-safe.
 *
 * @param <T> the activity interface
 */
public final class ActivityMock<T> {
  private final Class<T> activityInterface;
  private final T behaviour;
  private final T instance;
  private final AtomicInteger totalCalls = new AtomicInteger();
  private final Map<Method, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<Method, Plan> plans = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  /** How one method misbehaves. */
  private record Plan(int failures, Supplier<? extends RuntimeException> failure, boolean park) {}

  private ActivityMock(Class<T> activityInterface, T behaviour) {
    this.activityInterface = activityInterface;
    this.behaviour = behaviour;
    this.instance =
        activityInterface.cast(
            Proxy.newProxyInstance(
                activityInterface.getClassLoader(),
                new Class<?>[] {activityInterface},
                new Handler()));
  }

  /**
   * A mock of {@code activityInterface} whose calls run {@code behaviour} unless a plan says
   * otherwise.
   *
   * @throws IllegalArgumentException if {@code activityInterface} is not an interface
   */
  public static <T> ActivityMock<T> of(Class<T> activityInterface, T behaviour) {
    Objects.requireNonNull(activityInterface, "activityInterface");
    Objects.requireNonNull(behaviour, "behaviour");
    if (!activityInterface.isInterface()) {
      throw new IllegalArgumentException(
          activityInterface.getName() + " is not an interface; mock its @Activity interface");
    }
    return new ActivityMock<>(activityInterface, behaviour);
  }

  /** The object to register with a worker ({@code registerActivities(mock.instance())}). */
  public T instance() {
    return instance;
  }

  /**
   * Makes the first {@code times} calls of the method {@code method} names throw an {@link
   * IllegalStateException} (a retryable failure); later calls run the behaviour.
   */
  public ActivityMock<T> failFirst(int times, Consumer<T> method) {
    return failFirst(
        times, method, () -> new IllegalStateException("ActivityMock: planned failure"));
  }

  /**
   * Makes the first {@code times} calls of the method {@code method} names throw {@code failure}.
   */
  public ActivityMock<T> failFirst(
      int times, Consumer<T> method, Supplier<? extends RuntimeException> failure) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(failure, "failure");
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, was " + times);
    }
    plans.put(MethodRecorder.methodOf(activityInterface, method), new Plan(times, failure, false));
    return this;
  }

  /**
   * Makes every call of the method {@code method} names hold its attempt without ever completing,
   * so the activity's timeouts end it. The test environment counts such an attempt as waiting, not
   * working, and skips time to its timeout.
   */
  public ActivityMock<T> neverComplete(Consumer<T> method) {
    Objects.requireNonNull(method, "method");
    plans.put(
        MethodRecorder.methodOf(activityInterface, method),
        new Plan(0, IllegalStateException::new, true));
    return this;
  }

  /** How many times the method {@code method} names was called, failed calls included. */
  public int calls(Consumer<T> method) {
    Objects.requireNonNull(method, "method");
    AtomicInteger count = calls.get(MethodRecorder.methodOf(activityInterface, method));
    return count == null ? 0 : count.get();
  }

  /** How many times any method was called. */
  public int calls() {
    return totalCalls.get();
  }

  /** Lets calls held by {@link #neverComplete} return (they then throw). */
  public void releaseHeldCalls() {
    released.countDown();
  }

  private Object hold() throws InterruptedException {
    TaskToken token = TaskToken.parse(ActivityContext.current().taskToken());
    String leaseToken = token.leaseToken();
    ParkedActivities.hold(token.runId(), leaseToken);
    try {
      released.await();
    } finally {
      ParkedActivities.forget(leaseToken);
    }
    throw new IllegalStateException("ActivityMock: a call held by neverComplete was released");
  }

  private final class Handler implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "ActivityMock<" + activityInterface.getSimpleName() + ">";
        };
      }
      totalCalls.incrementAndGet();
      int call = calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
      Plan plan = plans.get(method);
      if (plan != null && plan.park()) {
        return hold();
      }
      if (plan != null && call <= plan.failures()) {
        throw plan.failure().get();
      }
      try {
        return method.invoke(behaviour, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
