package dev.baton.internal.workflow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * Creates the threads workflow code runs on: virtual threads where the JVM has them (Java 21+),
 * found by a runtime check so Baton still runs on Java 17, and daemon platform threads otherwise.
 */
final class WorkflowThreadFactory {
  private static final @Nullable MethodHandle VIRTUAL_BUILDER = findVirtualBuilder();

  private WorkflowThreadFactory() {}

  /** Whether workflow threads are virtual. */
  static boolean usesVirtualThreads() {
    return VIRTUAL_BUILDER != null;
  }

  /** A new, not yet started thread running {@code body}. */
  static Thread newThread(String name, Runnable body) {
    if (VIRTUAL_BUILDER != null) {
      try {
        return (Thread) VIRTUAL_BUILDER.invoke(name, body);
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot create a virtual thread", e);
      }
    }
    Thread thread = new Thread(null, body, name, 256 * 1024);
    thread.setDaemon(true);
    return thread;
  }

  private static @Nullable MethodHandle findVirtualBuilder() {
    if (Boolean.getBoolean("baton.platformThreads") || Runtime.version().feature() < 21) {
      return null;
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtualClass = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle ofVirtual =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualClass));
      MethodHandle name =
          lookup.findVirtual(
              builderClass, "name", MethodType.methodType(builderClass, String.class));
      MethodHandle unstarted =
          lookup.findVirtual(
              builderClass, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
      // (String name, Runnable body) -> Thread.ofVirtual().name(name).unstarted(body)
      MethodHandle namedBuilder =
          MethodHandles.collectArguments(
              name, 0, ofVirtual.asType(MethodType.methodType(builderClass)));
      MethodHandle result = MethodHandles.collectArguments(unstarted, 0, namedBuilder);
      return result.asType(MethodType.methodType(Thread.class, String.class, Runnable.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
