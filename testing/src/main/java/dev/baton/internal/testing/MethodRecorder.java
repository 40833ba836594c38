package dev.baton.internal.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Finds which interface method a lambda such as {@code p -> p.charge(0)} calls. */
public final class MethodRecorder {
  private MethodRecorder() {}

  /**
   * The method of {@code type} that {@code call} invokes on the recorder it is given.
   *
   * @throws IllegalArgumentException if {@code call} invokes no method, or more than one
   */
  public static <T> Method methodOf(Class<T> type, Consumer<T> call) {
    AtomicReference<Method> seen = new AtomicReference<>();
    T recorder =
        type.cast(
            Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> {
                  if (!seen.compareAndSet(null, method)) {
                    throw new IllegalArgumentException(
                        "Name one method per lambda, such as p -> p.charge(0)");
                  }
                  return defaultValue(method.getReturnType());
                }));
    call.accept(recorder);
    Method method = seen.get();
    if (method == null) {
      throw new IllegalArgumentException(
          "The lambda called no method of " + type.getName() + "; write it as p -> p.charge(0)");
    }
    return method;
  }

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }
}
