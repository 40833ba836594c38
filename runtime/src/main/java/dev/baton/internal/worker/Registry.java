package dev.baton.internal.worker;

import dev.baton.Activity;
import dev.baton.ActivityDispatcher;
import dev.baton.ActivityType;
import dev.baton.Workflow;
import dev.baton.WorkflowDispatcher;
import dev.baton.internal.workflow.WorkflowImplementation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The workflow types and activities one worker runs, found through their generated dispatchers. */
final class Registry {
  /** An activity type with the dispatcher and object that run it. */
  record RegisteredActivity(
      ActivityType<?> type, ActivityDispatcher<Object> dispatcher, Object implementation) {}

  private final Map<String, WorkflowImplementation<?>> workflows = new LinkedHashMap<>();
  private final Map<String, RegisteredActivity> activities = new LinkedHashMap<>();

  void addWorkflow(Class<?> implementationClass) {
    Class<?> workflowType = findAnnotated(implementationClass, Workflow.class);
    if (workflowType == null) {
      throw new IllegalArgumentException(
          implementationClass.getName()
              + " is not a workflow: annotate it, or an interface it"
              + " implements, with @Workflow");
    }
    if (implementationClass.isInterface()) {
      throw new IllegalArgumentException(
          "registerWorkflow needs an implementation class, not the interface "
              + implementationClass.getName());
    }
    WorkflowDispatcher<Object> dispatcher =
        loadDispatcher(workflowType, WorkflowDispatcher.class, "Client");
    addWorkflow(dispatcher, constructorOf(implementationClass));
  }

  <T> void addWorkflow(WorkflowDispatcher<T> dispatcher, Supplier<? extends T> factory) {
    String name = dispatcher.type().name();
    if (workflows.containsKey(name)) {
      throw new IllegalArgumentException(
          "Workflow type " + name + " is registered twice on this worker");
    }
    workflows.put(name, new WorkflowImplementation<>(dispatcher, factory));
  }

  void addActivities(Object implementation) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    collectAnnotatedInterfaces(implementation.getClass(), interfaces);
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException(
          implementation.getClass().getName()
              + " implements no interface annotated with @Activity");
    }
    for (Class<?> activityInterface : interfaces) {
      ActivityDispatcher<Object> dispatcher =
          loadDispatcher(activityInterface, ActivityDispatcher.class, "Stub");
      addActivities(dispatcher, implementation);
    }
  }

  <T> void addActivities(ActivityDispatcher<T> dispatcher, T implementation) {
    @SuppressWarnings("unchecked")
    ActivityDispatcher<Object> untyped = (ActivityDispatcher<Object>) dispatcher;
    for (ActivityType<?> type : dispatcher.activityTypes()) {
      if (activities.containsKey(type.name())) {
        throw new IllegalArgumentException(
            "Activity type " + type.name() + " is registered twice on this worker");
      }
      activities.put(type.name(), new RegisteredActivity(type, untyped, implementation));
    }
  }

  @Nullable WorkflowImplementation<?> workflow(String typeName) {
    return workflows.get(typeName);
  }

  @Nullable RegisteredActivity activity(String typeName) {
    return activities.get(typeName);
  }

  Map<String, WorkflowImplementation<?>> workflows() {
    return workflows;
  }

  boolean hasActivities() {
    return !activities.isEmpty();
  }

  /** The names of the registered activity types, the only ones this worker claims. */
  java.util.Set<String> activityTypes() {
    return java.util.Set.copyOf(activities.keySet());
  }

  private static @Nullable Class<?> findAnnotated(
      Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
    Deque<Class<?>> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      Class<?> next = queue.poll();
      if (next.isAnnotationPresent(annotation)) {
        return next;
      }
      if (next.getSuperclass() != null) {
        queue.add(next.getSuperclass());
      }
      queue.addAll(java.util.List.of(next.getInterfaces()));
    }
    return null;
  }

  private static void collectAnnotatedInterfaces(Class<?> type, Set<Class<?>> into) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.isAnnotationPresent(Activity.class)) {
          into.add(i);
        }
        collectAnnotatedInterfaces(i, into);
      }
    }
  }

  /**
   * Loads the generated dispatcher of {@code annotated}: {@code XClient.Dispatcher} for a workflow
   * type, {@code YStub.Dispatcher} for an activity interface ({@code Outer_InnerClient.Dispatcher}
   * for a nested type), else a sibling {@code XDispatcher}, as earlier processors generated and as
   * one may be written by hand.
   */
  private static <D> D loadDispatcher(
      Class<?> annotated, Class<?> dispatcherInterface, String generatedClassSuffix) {
    String packageName = annotated.getPackageName();
    String prefix =
        (packageName.isEmpty() ? "" : packageName + ".")
            + annotated
                .getName()
                .substring(packageName.isEmpty() ? 0 : packageName.length() + 1)
                .replace('$', '_');
    String dispatcherName = prefix + generatedClassSuffix + "$Dispatcher";
    Class<?> dispatcherClass;
    try {
      dispatcherClass = Class.forName(dispatcherName, true, annotated.getClassLoader());
    } catch (ClassNotFoundException nested) {
      try {
        dispatcherName = prefix + "Dispatcher";
        dispatcherClass = Class.forName(dispatcherName, true, annotated.getClassLoader());
      } catch (ClassNotFoundException sibling) {
        sibling.addSuppressed(nested);
        throw new IllegalArgumentException(
            "No generated dispatcher "
                + prefix
                + generatedClassSuffix
                + ".Dispatcher for "
                + annotated.getName()
                + ". Put"
                + " baton-processor on the compiler's annotationProcessorPaths (see README), or"
                + " register a hand-written dispatcher.",
            sibling);
      }
    }
    try {
      Object dispatcher = dispatcherClass.getConstructor().newInstance();
      if (!dispatcherInterface.isInstance(dispatcher)) {
        throw new IllegalArgumentException(
            dispatcherName + " is not a " + dispatcherInterface.getSimpleName());
      }
      @SuppressWarnings("unchecked")
      D typed = (D) dispatcher;
      return typed;
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create " + dispatcherName + ": " + e, e);
    }
  }

  private static Supplier<Object> constructorOf(Class<?> implementationClass) {
    Constructor<?> constructor;
    try {
      constructor = implementationClass.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | SecurityException e) {
      throw new IllegalArgumentException(
          implementationClass.getName()
              + " needs a no-argument constructor; or register it with"
              + " registerWorkflow(dispatcher, factory)",
          e);
    }
    return () -> {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(
            "Constructor of " + implementationClass.getName() + " failed", cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot create " + implementationClass.getName(), e);
      }
    };
  }
}
