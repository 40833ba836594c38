package dev.baton;

/** What happens to a running child workflow when its parent's run closes first. */
public enum ParentClosePolicy {
  /** The child is terminated, with a reason naming its parent (the default). */
  TERMINATE,
  /** The child is asked to cancel: its code sees a {@code CanceledFailure} and may clean up. */
  REQUEST_CANCEL,
  /** The child runs on by itself; its result goes nowhere. */
  ABANDON
}
