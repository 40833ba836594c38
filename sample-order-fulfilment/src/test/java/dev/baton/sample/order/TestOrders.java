package dev.baton.sample.order;

import dev.baton.sample.order.systems.PaymentGateway;
import java.util.List;

/** Orders the tests place. */
final class TestOrders {
  static final Address PARIS =
      new Address("Alice Martin", "12 Rue Oberkampf", "75011", "Paris", "FR");

  private TestOrders() {}

  /** 34.80 EUR from Berlin: no approval needed. */
  static Order small(String orderId) {
    return order(orderId, "tok_visa", new OrderLine("book-1984", 1), new OrderLine("mug-blue", 2));
  }

  /** 699.00 EUR from Leeds and Lyon: needs a manager's approval. */
  static Order large(String orderId) {
    return order(
        orderId,
        "tok_visa",
        new OrderLine("espresso-machine", 1),
        new OrderLine("tea-green", 4),
        new OrderLine("umbrella-red", 1));
  }

  /** 114.80 EUR from Lyon and Berlin, paid with a card that is declined. */
  static Order declined(String orderId) {
    return order(
        orderId,
        PaymentGateway.DECLINED_TOKEN,
        new OrderLine("lamp-desk", 1),
        new OrderLine("book-1984", 2));
  }

  /** Books from Berlin and a lamp Leeds has none of. */
  static Order outOfStock(String orderId) {
    return order(
        orderId, "tok_visa", new OrderLine("book-1984", 3), new OrderLine("lamp-vintage", 1));
  }

  static Order order(String orderId, String card, OrderLine... lines) {
    return new Order(orderId, "alice@example.com", PARIS, List.of(lines), card, ShopTestKit.POLICY);
  }
}
