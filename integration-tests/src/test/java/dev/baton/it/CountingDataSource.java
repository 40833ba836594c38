package dev.baton.it;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A data source that counts the statements prepared on its connections whose SQL matches one of the
 * patterns it was given: what Baton asked of the database, seen from outside Baton.
 */
final class CountingDataSource {
  private final Map<String, Pattern> patterns;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  /** Counts, by name, statements matching each pattern (case-insensitive, found anywhere). */
  CountingDataSource(Map<String, String> patterns) {
    this.patterns = new ConcurrentHashMap<>();
    patterns.forEach(
        (name, regex) -> {
          this.patterns.put(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
          counts.put(name, new AtomicLong());
        });
  }

  /** How many statements matching the named pattern were prepared so far. */
  long count(String name) {
    return counts.get(name).get();
  }

  /** {@code target}, counting. */
  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, this::onDataSource);
  }

  private Object onDataSource(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    return result instanceof Connection connection
        ? proxy(Connection.class, connection, this::onConnection)
        : result;
  }

  private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
    if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
        && args != null
        && args[0] instanceof String sql) {
      patterns.forEach(
          (name, pattern) -> {
            if (pattern.matcher(sql).find()) {
              counts.get(name).incrementAndGet();
            }
          });
    }
    return invoke(target, method, args);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** What a proxy does with a call on its target. */
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Handler handler) {
    InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
  }
}
