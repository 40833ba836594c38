package dev.baton.internal.workflow;

import dev.baton.CancellationScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A cancellation scope of one run: its body, the scopes created inside it, and the handlers that
 * cancel what it started (timers, activities, children), run in the order they were registered so
 * that replay issues the same commands.
 */
final class CancellationScopeImpl implements CancellationScope {
  private final Runnable body;
  private final List<CancellationScopeImpl> children = new ArrayList<>();
  private final Map<Object, Runnable> onCancel = new LinkedHashMap<>();
  private boolean cancelRequested;

  private CancellationScopeImpl(Runnable body) {
    this.body = body;
  }

  /** The outermost scope of a run. */
  static CancellationScopeImpl root() {
    return new CancellationScopeImpl(() -> {});
  }

  /**
   * A scope inside {@code parent}, cancelled with it, or a detached one ({@code parent} null) that
   * only its own {@link #cancel()} cancels.
   */
  static CancellationScopeImpl create(@Nullable CancellationScopeImpl parent, Runnable body) {
    CancellationScopeImpl scope = new CancellationScopeImpl(body);
    if (parent != null) {
      if (parent.cancelRequested) {
        scope.cancelRequested = true;
      } else {
        parent.children.add(scope);
      }
    }
    return scope;
  }

  @Override
  public void run() {
    DeterministicScheduler.Branch branch = DeterministicScheduler.currentBranch();
    if (branch == null) {
      throw new IllegalStateException(
          "A cancellation scope may only run in workflow code, on the thread Baton runs the"
              + " workflow on");
    }
    CancellationScopeImpl outer = branch.scope();
    branch.setScope(this);
    try {
      body.run();
    } finally {
      branch.setScope(outer);
    }
  }

  @Override
  public void cancel() {
    if (cancelRequested) {
      return;
    }
    cancelRequested = true;
    for (Runnable handler : List.copyOf(onCancel.values())) {
      handler.run();
    }
    onCancel.clear();
    for (CancellationScopeImpl child : List.copyOf(children)) {
      child.cancel();
    }
  }

  @Override
  public boolean isCancelRequested() {
    return cancelRequested;
  }

  /** Registers what cancels an operation started in this scope; {@code key} unregisters it. */
  void onCancel(Object key, Runnable handler) {
    onCancel.put(key, handler);
  }

  /** Forgets the handler of an operation that ended. */
  void forget(Object key) {
    onCancel.remove(key);
  }
}
