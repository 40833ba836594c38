package dev.baton.sample.order;

/** A manager's answer to an order that needs approval. */
public record ManagerDecision(boolean approved, String manager, String note) {
  /** An approval. */
  public static ManagerDecision approve(String manager) {
    return new ManagerDecision(true, manager, "approved");
  }

  /** A rejection with a reason. */
  public static ManagerDecision reject(String manager, String reason) {
    return new ManagerDecision(false, manager, reason);
  }
}
