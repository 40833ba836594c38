package dev.baton.internal.workflow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs workflow code on threads of its own: a new virtual thread per branch where the JVM has them
 * (Java 21+), found by a runtime check so Baton still runs on Java 17, and otherwise a daemon
 * platform thread from a process-wide pool, named after the branch while it runs it. Starting a
 * platform thread costs ~160 µs of system time here, taking an idle pooled one ~25 µs, and every
 * run a worker resumes or replays starts at least one branch (as Temporal's Java SDK, which pools
 * its workflow threads too).
 */
final class WorkflowThreadFactory {
  private static final @Nullable MethodHandle VIRTUAL_BUILDER = findVirtualBuilder();

  /** The name of a pooled platform thread while it waits for a branch to run. */
  static final String IDLE_NAME = "baton-workflow-idle";

  /**
   * Never queues: a branch starts at once, on an idle thread or a new one. A thread idle for a
   * minute ends.
   */
  private static final ExecutorService PLATFORM_THREADS =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          60,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          body -> {
            Thread thread = new Thread(null, body, IDLE_NAME, 256 * 1024);
            thread.setDaemon(true);
            return thread;
          });

  private WorkflowThreadFactory() {}

  /** Whether workflow threads are virtual. */
  static boolean usesVirtualThreads() {
    return VIRTUAL_BUILDER != null;
  }

  /**
   * Starts {@code body} on a workflow thread named {@code name} while it runs. The body must leave
   * no thread-local state behind: a platform thread goes back to the pool afterwards, its interrupt
   * status cleared.
   */
  static void start(String name, Runnable body) {
    if (VIRTUAL_BUILDER != null) {
      Thread thread;
      try {
        thread = (Thread) VIRTUAL_BUILDER.invoke(name, body);
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot create a virtual thread", e);
      }
      thread.start();
      return;
    }
    PLATFORM_THREADS.execute(
        () -> {
          Thread thread = Thread.currentThread();
          thread.setName(name);
          try {
            body.run();
          } finally {
            thread.setName(IDLE_NAME);
            Thread.interrupted(); // an interrupt meant for this branch ends with it
          }
        });
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
