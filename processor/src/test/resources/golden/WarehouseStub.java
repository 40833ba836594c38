package com.example.orders;

import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.Promise;
import dev.baton.RetryOptions;
import dev.baton.TypeRef;
import dev.baton.Workflows;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Calls the {@link Warehouse} activities from workflow code; each call is a durable activity run.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class WarehouseStub implements Warehouse {
  /**
   * The PrintShippingLabel activity.
   */
  public static final ActivityType<Model.Label> PRINT_LABEL = ActivityType.of(
      "PrintShippingLabel",
      ActivityOptions.newBuilder()
          .taskQueue("warehouse")
          .scheduleToClose(Duration.parse("PT1H"))
          .scheduleToStart(Duration.parse("PT5M"))
          .heartbeat(Duration.parse("PT10S"))
          .retry(RetryOptions.newBuilder()
              .initialInterval(Duration.parse("PT2S"))
              .backoffCoefficient(1.5)
              .maximumInterval(Duration.parse("PT1M"))
              .doNotRetry("com.example.BadAddress", "Fraud")
              .build())
          .build(),
      new TypeRef<Model.Label>() {},
      new TypeRef<Model.Reservation>() {});

  /**
   * The Warehouse.reserve activity.
   */
  public static final ActivityType<Model.Reservation> RESERVE = ActivityType.of(
      "Warehouse.reserve",
      ActivityOptions.newBuilder()
          .taskQueue("warehouse")
          .startToClose(Duration.parse("PT2M"))
          .retry(RetryOptions.newBuilder()
              .maximumAttempts(5)
              .build())
          .build(),
      new TypeRef<Model.Reservation>() {},
      new TypeRef<Model.Order>() {});

  /**
   * The Warehouse.ship activity.
   */
  public static final ActivityType<Void> SHIP = ActivityType.of(
      "Warehouse.ship",
      ActivityOptions.newBuilder()
          .taskQueue("warehouse")
          .build(),
      new TypeRef<Void>() {},
      new TypeRef<List<Model.Item>>() {},
      new TypeRef<Boolean>() {});

  /**
   * The Warehouse.stockLevel activity.
   */
  public static final ActivityType<Integer> STOCK_LEVEL = ActivityType.of(
      "Warehouse.stockLevel",
      ActivityOptions.newBuilder()
          .taskQueue("warehouse")
          .build(),
      new TypeRef<Integer>() {},
      new TypeRef<String>() {});

  private final ActivityOptions options;

  private WarehouseStub(ActivityOptions options) {
    this.options = options;
  }

  /**
   * A stub that runs each activity with the options it declares.
   */
  public static WarehouseStub create() {
    return new WarehouseStub(ActivityOptions.none());
  }

  /**
   * A stub whose {@code options} override those each activity declares, setting by setting.
   */
  public static WarehouseStub create(ActivityOptions options) {
    return new WarehouseStub(options);
  }

  @Override
  public Model.Label printLabel(Model.Reservation reservation) {
    return Workflows.executeActivity(PRINT_LABEL, options, reservation);
  }

  @Override
  public Model.Reservation reserve(Model.Order order) {
    return Workflows.executeActivity(RESERVE, options, order);
  }

  @Override
  public void ship(List<Model.Item> items, boolean express) {
    Workflows.executeActivity(SHIP, options, items, express);
  }

  @Override
  public int stockLevel(String sku) {
    return Workflows.executeActivity(STOCK_LEVEL, options, sku);
  }

  /**
   * Calls that start activities and return a promise of their result.
   */
  public Async async() {
    return new Async();
  }

  /**
   * Starts Warehouse activities without waiting, for parallel branches.
   */
  public final class Async {
    private Async() {
    }

    /**
     * Starts the PrintShippingLabel activity.
     */
    public Promise<Model.Label> printLabel(Model.Reservation reservation) {
      return Workflows.executeActivityAsync(PRINT_LABEL, options, reservation);
    }

    /**
     * Starts the Warehouse.reserve activity.
     */
    public Promise<Model.Reservation> reserve(Model.Order order) {
      return Workflows.executeActivityAsync(RESERVE, options, order);
    }

    /**
     * Starts the Warehouse.ship activity.
     */
    public Promise<Void> ship(List<Model.Item> items, boolean express) {
      return Workflows.executeActivityAsync(SHIP, options, items, express);
    }

    /**
     * Starts the Warehouse.stockLevel activity.
     */
    public Promise<Integer> stockLevel(String sku) {
      return Workflows.executeActivityAsync(STOCK_LEVEL, options, sku);
    }
  }
}
