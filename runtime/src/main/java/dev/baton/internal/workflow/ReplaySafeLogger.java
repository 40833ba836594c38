package dev.baton.internal.workflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Wraps an SLF4J logger so that its logging calls do nothing while workflow code replays history
 * (and work as usual outside workflow code).
 */
public final class ReplaySafeLogger {
  private static final Set<String> LOGGING_METHODS =
      Set.of("trace", "debug", "info", "warn", "error");

  private ReplaySafeLogger() {}

  /** A logger that drops {@code delegate}'s logging calls during replay. */
  public static Logger wrap(Logger delegate) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              if (LOGGING_METHODS.contains(method.getName()) && replaying()) {
                return null;
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean replaying() {
    DeterministicScheduler.Branch branch = DeterministicScheduler.currentBranch();
    return branch != null && branch.scheduler().owner().isReplaying();
  }
}
