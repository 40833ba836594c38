package dev.baton.sample.order;

/** One line of an order: a product and how many of it. */
public record OrderLine(String sku, int quantity) {
  @Override
  public String toString() {
    return quantity + " x " + sku;
  }
}
