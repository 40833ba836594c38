package dev.baton.sample.order.systems;

import dev.baton.ApplicationFailure;
import dev.baton.sample.order.Catalogue;
import dev.baton.sample.order.Order;
import dev.baton.sample.order.OrderLine;
import dev.baton.sample.order.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sample shop's products: price, weight and the warehouse that stocks each. */
public final class ShopCatalogue implements Catalogue {
  /** A product. */
  public record Product(String sku, long priceCents, int grams, String warehouse, int stock) {}

  private static final Map<String, Product> PRODUCTS = new TreeMap<>();

  static {
    add(new Product("book-1984", 1_290, 350, "berlin", 500));
    add(new Product("mug-blue", 1_095, 400, "berlin", 500));
    add(new Product("tea-green", 650, 120, "lyon", 1_000));
    add(new Product("lamp-desk", 8_900, 2_100, "lyon", 100));
    add(new Product("umbrella-red", 2_400, 600, "leeds", 200));
    add(new Product("espresso-machine", 64_900, 9_000, "leeds", 50));
    add(new Product("lamp-vintage", 12_900, 3_000, "leeds", 0));
  }

  private static void add(Product product) {
    PRODUCTS.put(product.sku(), product);
  }

  /** Every product, by SKU. */
  public static Map<String, Product> products() {
    return PRODUCTS;
  }

  @Override
  public Quote check(Order order) {
    if (order.lines().isEmpty()) {
      throw invalid(order, "it has no lines");
    }
    if (order.address() == null || order.address().city().isBlank()) {
      throw invalid(order, "it has no delivery address");
    }
    long total = 0;
    Map<String, List<OrderLine>> byWarehouse = new TreeMap<>();
    for (OrderLine line : order.lines()) {
      Product product = PRODUCTS.get(line.sku());
      if (product == null) {
        throw invalid(order, "we do not sell " + line.sku());
      }
      if (line.quantity() < 1) {
        throw invalid(order, "the quantity of " + line.sku() + " is " + line.quantity());
      }
      total += product.priceCents() * line.quantity();
      byWarehouse.computeIfAbsent(product.warehouse(), w -> new ArrayList<>()).add(line);
    }
    return new Quote(total, byWarehouse);
  }

  private static ApplicationFailure invalid(Order order, String why) {
    return ApplicationFailure.newNonRetryableFailure(
        "order " + order.orderId() + " is not valid: " + why, "InvalidOrder");
  }
}
