package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;

/** The managers' approval inbox. */
@Activity(taskQueue = ShopQueues.SHOP)
public interface Approvals {
  /**
   * Asks a manager to approve the order. Returns only when a manager completes the activity's task
   * token (the web endpoint {@code POST /tasks/{token}} does); the workflow sets the wait.
   */
  @ActivityMethod(startToClose = "PT1H", retry = @dev.baton.Retry(maximumAttempts = 1))
  ManagerDecision requestApproval(ApprovalRequest request);

  /** Reminds the managers of an order still waiting for approval. */
  @ActivityMethod(startToClose = "PT10S")
  void remind(ApprovalRequest request);
}
