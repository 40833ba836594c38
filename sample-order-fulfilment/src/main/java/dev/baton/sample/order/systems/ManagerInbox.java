package dev.baton.sample.order.systems;

import dev.baton.ActivityContext;
import dev.baton.sample.order.ApprovalRequest;
import dev.baton.sample.order.Approvals;
import dev.baton.sample.order.ManagerDecision;
import dev.baton.sample.order.Money;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' inbox: an approval request is "mailed" (logged, with the link that completes its
 * task token) and kept here, so the demo and the tests can act as the manager.
 */
public final class ManagerInbox implements Approvals {
  private static final Logger log = LoggerFactory.getLogger("shop.approvals");

  private final String webAddress;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  /** An inbox whose mails link to the shop's web endpoint at {@code webAddress}. */
  public ManagerInbox(String webAddress) {
    this.webAddress = webAddress;
  }

  @Override
  public ManagerDecision requestApproval(ApprovalRequest request) {
    ActivityContext context = ActivityContext.current();
    context.doNotCompleteOnReturn(); // a manager completes it later, from the web endpoint
    tokens.put(request.orderId(), context.taskToken());
    log.info(
        "{}: mail to managers: {} for {} needs approval; answer with\n"
            + "    curl -X POST {}/tasks/{} -d '{\"approved\":true,\"manager\":\"you\"}'",
        request.orderId(),
        Money.format(request.totalCents()),
        request.customer(),
        webAddress,
        context.taskToken());
    return null; // ignored: the activity completes when a manager uses the token
  }

  @Override
  public void remind(ApprovalRequest request) {
    log.info("{}: reminder to managers: still waiting for approval", request.orderId());
  }

  /** The task token of the order's approval request, once it was mailed. */
  public Optional<String> tokenFor(String orderId) {
    return Optional.ofNullable(tokens.get(orderId));
  }
}
