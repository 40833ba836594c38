package dev.baton.internal.testing;

import dev.baton.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which workflow and activity classes go on which task queue, from {@code @BatonTest}: each
 * workflow on its type's default queue, the activities on one queue.
 */
public record WorkerPlan(
    Map<String, List<Class<?>>> workflows, Map<String, List<Class<?>>> activities) {
  /** The plan for the given classes; {@code activityQueue} empty means the first workflow's. */
  public static WorkerPlan of(
      Class<?>[] workflowClasses, Class<?>[] activityClasses, String activityQueue) {
    Map<String, List<Class<?>>> workflows = new LinkedHashMap<>();
    for (Class<?> type : workflowClasses) {
      workflows.computeIfAbsent(defaultQueue(type), q -> new ArrayList<>()).add(type);
    }
    String queue =
        !activityQueue.isEmpty()
            ? activityQueue
            : workflows.isEmpty() ? "default" : workflows.keySet().iterator().next();
    Map<String, List<Class<?>>> activities = new LinkedHashMap<>();
    if (activityClasses.length > 0) {
      activities.put(queue, List.of(activityClasses));
    }
    return new WorkerPlan(workflows, activities);
  }

  /** Every queue that needs a worker. */
  public Set<String> queues() {
    Set<String> queues = new java.util.LinkedHashSet<>(workflows.keySet());
    queues.addAll(activities.keySet());
    return queues;
  }

  /** The workflow classes on {@code queue}. */
  public List<Class<?>> workflowsOn(String queue) {
    return workflows.getOrDefault(queue, List.of());
  }

  /** The activity classes on {@code queue}. */
  public List<Class<?>> activitiesOn(String queue) {
    return activities.getOrDefault(queue, List.of());
  }

  /** The task queue of the {@code @Workflow} type {@code implementation} implements or is. */
  private static String defaultQueue(Class<?> implementation) {
    Deque<Class<?>> queue = new ArrayDeque<>();
    queue.add(implementation);
    while (!queue.isEmpty()) {
      Class<?> next = queue.poll();
      Workflow workflow = next.getAnnotation(Workflow.class);
      if (workflow != null) {
        return workflow.taskQueue();
      }
      if (next.getSuperclass() != null) {
        queue.add(next.getSuperclass());
      }
      queue.addAll(List.of(next.getInterfaces()));
    }
    throw new IllegalArgumentException(
        implementation.getName()
            + " implements no @Workflow type; name it in workflows only if it"
            + " does");
  }
}
