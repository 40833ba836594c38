package dev.baton.internal.testing;

import dev.baton.Activity;
import dev.baton.ActivityContext;
import dev.baton.internal.activity.ActivityContextHolder;
import dev.baton.internal.store.TaskToken;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Wraps an activity object registered in a test environment so that an attempt whose method returns
 * after {@link ActivityContext#doNotCompleteOnReturn()} is known to wait for completion by token:
 * the environment may then skip time, as no code works on it.
 */
final class TrackedActivities {
  private TrackedActivities() {}

  /** {@code implementation} behind a proxy of every {@code @Activity} interface it implements. */
  static Object wrap(Object implementation) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    collect(implementation.getClass(), interfaces);
    if (interfaces.isEmpty()) {
      return implementation; // the worker reports it
    }
    ClassLoader loader = interfaces.iterator().next().getClassLoader();
    return Proxy.newProxyInstance(
        loader, interfaces.toArray(Class<?>[]::new), new Handler(implementation));
  }

  private static void collect(Class<?> type, Set<Class<?>> into) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.isAnnotationPresent(Activity.class)) {
          into.add(i);
        }
        collect(i, into);
      }
    }
  }

  private record Handler(Object implementation) implements InvocationHandler {
    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
        throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "Tracked(" + implementation + ")";
        };
      }
      Recording context = new Recording(ActivityContext.current());
      try {
        return ActivityContextHolder.callWith(context, () -> method.invoke(implementation, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (context.completesLater) {
          TaskToken token = TaskToken.parse(context.taskToken());
          ParkedActivities.completesLater(token.runId(), token.leaseToken());
        }
      }
    }
  }

  /** The worker's context, noting whether the activity will complete by token. */
  private static final class Recording implements ActivityContext {
    private final ActivityContext delegate;
    private volatile boolean completesLater;

    Recording(ActivityContext delegate) {
      this.delegate = delegate;
    }

    @Override
    public String taskToken() {
      return delegate.taskToken();
    }

    @Override
    public int attempt() {
      return delegate.attempt();
    }

    @Override
    public String activityId() {
      return delegate.activityId();
    }

    @Override
    public java.time.Instant scheduledTime() {
      return delegate.scheduledTime();
    }

    @Override
    public String activityType() {
      return delegate.activityType();
    }

    @Override
    public String workflowId() {
      return delegate.workflowId();
    }

    @Override
    public String runId() {
      return delegate.runId();
    }

    @Override
    public void heartbeat(@Nullable Object details) {
      delegate.heartbeat(details);
    }

    @Override
    public <T> Optional<T> heartbeatDetails(Class<T> type) {
      return delegate.heartbeatDetails(type);
    }

    @Override
    public void doNotCompleteOnReturn() {
      delegate.doNotCompleteOnReturn();
      completesLater = true;
    }
  }
}
