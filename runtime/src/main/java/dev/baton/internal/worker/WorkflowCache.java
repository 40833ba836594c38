package dev.baton.internal.worker;

import dev.baton.internal.workflow.WorkflowInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Running workflows kept in memory between their tasks, least recently used evicted first. A task
 * takes its instance out while it works on it, so no two tasks share one.
 */
final class WorkflowCache {
  private final int capacity;
  private final LinkedHashMap<String, WorkflowInstance> instances =
      new LinkedHashMap<>(16, 0.75f, true);

  WorkflowCache(int capacity) {
    this.capacity = capacity;
  }

  /** Takes the cached instance of the run out of the cache, or returns {@code null}. */
  synchronized @Nullable WorkflowInstance take(String runId) {
    return instances.remove(runId);
  }

  /** Whether the cache holds an instance of the run. */
  synchronized boolean contains(String runId) {
    return instances.containsKey(runId);
  }

  /**
   * Puts an instance back; returns the instances evicted to make room, to be destroyed. When the
   * cache already holds an instance of the run (a query and a task each took one), the one further
   * along in history stays.
   */
  List<WorkflowInstance> put(WorkflowInstance instance) {
    if (capacity == 0) {
      return List.of(instance);
    }
    List<WorkflowInstance> evicted = new ArrayList<>();
    synchronized (this) {
      WorkflowInstance previous = instances.put(instance.runId(), instance);
      if (previous != null && previous != instance) {
        if (previous.nextEventId() > instance.nextEventId()) {
          instances.put(previous.runId(), previous);
          evicted.add(instance);
        } else {
          evicted.add(previous);
        }
      }
      var iterator = instances.entrySet().iterator();
      while (instances.size() > capacity && iterator.hasNext()) {
        Map.Entry<String, WorkflowInstance> eldest = iterator.next();
        evicted.add(eldest.getValue());
        iterator.remove();
      }
    }
    return evicted;
  }

  /** Removes every instance; returns them, to be destroyed. */
  synchronized List<WorkflowInstance> clear() {
    List<WorkflowInstance> all = new ArrayList<>(instances.values());
    instances.clear();
    return all;
  }

  synchronized int size() {
    return instances.size();
  }
}
