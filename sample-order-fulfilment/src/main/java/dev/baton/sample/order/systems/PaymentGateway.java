package dev.baton.sample.order.systems;

import dev.baton.ActivityContext;
import dev.baton.ApplicationFailure;
import dev.baton.sample.order.Money;
import dev.baton.sample.order.Payments;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in payment provider. The first attempt of each charge finds the gateway busy (a transient
 * failure, retried); the token {@code tok_declined} is declined.
 */
public final class PaymentGateway implements Payments {
  /** A token whose card is always declined. */
  public static final String DECLINED_TOKEN = "tok_declined";

  private static final Logger log = LoggerFactory.getLogger("shop.payments");

  private final int busyAttempts;
  private final Map<String, Long> charged = new ConcurrentHashMap<>();

  /** A gateway that times out at the first {@code busyAttempts} attempt(s) of each charge. */
  public PaymentGateway(int busyAttempts) {
    this.busyAttempts = busyAttempts;
  }

  @Override
  public String charge(String orderId, String paymentToken, long cents) {
    int attempt = ActivityContext.current().attempt();
    if (attempt <= busyAttempts) {
      charged.putIfAbsent(orderId, cents);
      log.info(
          "{}: gateway timed out after the bank held {} (attempt {})",
          orderId,
          Money.format(cents),
          attempt);
      throw ApplicationFailure.newFailure("payment gateway timed out", "GatewayTimeout");
    }
    if (DECLINED_TOKEN.equals(paymentToken)) {
      log.info("{}: card declined (attempt {})", orderId, attempt);
      throw ApplicationFailure.newNonRetryableFailure("the card was declined", "CardDeclined");
    }
    charged.put(orderId, cents); // a retried charge captures the held money, never twice
    log.info("{}: charged {} (attempt {})", orderId, Money.format(cents), attempt);
    return "PAY-" + orderId;
  }

  /** What the gateway holds or has taken for the order, in cents (0 if nothing). */
  public long chargedFor(String orderId) {
    return charged.getOrDefault(orderId, 0L);
  }

  @Override
  public String refund(String orderId) {
    Long cents = charged.remove(orderId);
    String what =
        cents == null
            ? "nothing was charged, nothing to refund"
            : "refunded " + Money.format(cents);
    log.info("{}: {}", orderId, what);
    return what;
  }
}
