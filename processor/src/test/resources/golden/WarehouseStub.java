package com.example.orders;

import dev.baton.AbstractActivityDispatcher;
import dev.baton.AbstractActivityStub;
import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.LocalActivityOptions;
import dev.baton.Promise;
import dev.baton.RetryOptions;
import dev.baton.TypeRef;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Calls the {@link Warehouse} activities from workflow code; each call is a durable activity run.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class WarehouseStub extends AbstractActivityStub implements Warehouse {
  /**
   * The PrintShippingLabel activity, declared by {@link Warehouse#printLabel}.
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
      TypeRef.of(Model.Label.class),
      TypeRef.of(Model.Reservation.class));

  /**
   * The Warehouse.reserve activity, declared by {@link Warehouse#reserve}.
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
      TypeRef.of(Model.Reservation.class),
      TypeRef.of(Model.Order.class));

  /**
   * The Warehouse.ship activity, declared by {@link Warehouse#ship}.
   */
  public static final ActivityType<Void> SHIP = ActivityType.of(
      "Warehouse.ship",
      ActivityOptions.newBuilder()
          .taskQueue("warehouse")
          .build(),
      TypeRef.of(Void.class),
      new TypeRef<List<Model.Item>>() {},
      TypeRef.of(Boolean.class));

  /**
   * The Warehouse.stockLevel activity, declared by {@link Warehouse#stockLevel}.
   */
  public static final ActivityType<Integer> STOCK_LEVEL = ActivityType.of(
      "Warehouse.stockLevel",
      ActivityOptions.newBuilder()
          .taskQueue("warehouse")
          .build(),
      TypeRef.of(Integer.class),
      TypeRef.of(String.class));

  private WarehouseStub(ActivityOptions options, LocalActivityOptions localOptions) {
    super(options, localOptions);
  }

  /**
   * A stub that runs each activity with the options it declares.
   */
  public static WarehouseStub create() {
    return new WarehouseStub(ActivityOptions.none(), null);
  }

  /**
   * A stub whose {@code options} override those each activity declares, setting by setting.
   */
  public static WarehouseStub create(ActivityOptions options) {
    return new WarehouseStub(options, null);
  }

  /**
   * A stub whose calls are local activities, run by the calling workflow's own worker, with the
   * timeouts and retry policy each activity declares.
   */
  public static WarehouseStub local() {
    return new WarehouseStub(ActivityOptions.none(), LocalActivityOptions.none());
  }

  /**
   * A stub whose calls are local activities, {@code options} overriding what each activity
   * declares.
   */
  public static WarehouseStub local(LocalActivityOptions options) {
    return new WarehouseStub(ActivityOptions.none(), checkedLocalOptions(options));
  }

  /**
   * Runs {@link Warehouse#printLabel} as the PrintShippingLabel activity and waits
   * for its result.
   */
  @Override
  public Model.Label printLabel(Model.Reservation reservation) {
    return call(PRINT_LABEL, reservation).get();
  }

  /**
   * Runs {@link Warehouse#reserve} as the Warehouse.reserve activity and waits
   * for its result.
   */
  @Override
  public Model.Reservation reserve(Model.Order order) {
    return call(RESERVE, order).get();
  }

  /**
   * Runs {@link Warehouse#ship} as the Warehouse.ship activity and waits
   * for its result.
   */
  @Override
  public void ship(List<Model.Item> items, boolean express) {
    call(SHIP, items, express).get();
  }

  /**
   * Runs {@link Warehouse#stockLevel} as the Warehouse.stockLevel activity and waits
   * for its result.
   */
  @Override
  public int stockLevel(String sku) {
    return call(STOCK_LEVEL, sku).get();
  }

  /**
   * Calls that start activities and return a promise of their result.
   */
  public Async async() {
    return new Async(this);
  }

  /**
   * Starts Warehouse activities without waiting, for parallel branches.
   */
  public static final class Async extends AbstractActivityStub {
    private Async(WarehouseStub stub) {
      super(stub);
    }

    /**
     * Starts {@link Warehouse#printLabel} as the PrintShippingLabel activity;
     * the promise holds its result.
     */
    public Promise<Model.Label> printLabel(Model.Reservation reservation) {
      return call(PRINT_LABEL, reservation);
    }

    /**
     * Starts {@link Warehouse#reserve} as the Warehouse.reserve activity;
     * the promise holds its result.
     */
    public Promise<Model.Reservation> reserve(Model.Order order) {
      return call(RESERVE, order);
    }

    /**
     * Starts {@link Warehouse#ship} as the Warehouse.ship activity;
     * the promise holds its result.
     */
    public Promise<Void> ship(List<Model.Item> items, boolean express) {
      return call(SHIP, items, express);
    }

    /**
     * Starts {@link Warehouse#stockLevel} as the Warehouse.stockLevel activity;
     * the promise holds its result.
     */
    public Promise<Integer> stockLevel(String sku) {
      return call(STOCK_LEVEL, sku);
    }
  }

  /**
   * Runs the {@link Warehouse} activities for Baton's workers.
   */
  public static final class Dispatcher extends AbstractActivityDispatcher<Warehouse> {
    /**
     * Creates the dispatcher; workers find it by its name.
     */
    public Dispatcher() {
      super(Warehouse.class, WarehouseStub.PRINT_LABEL, WarehouseStub.RESERVE, WarehouseStub.SHIP,
          WarehouseStub.STOCK_LEVEL);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object execute(Warehouse activities, String activityType, Object[] arguments) throws
        Exception {
      switch (activityType) {
        case "PrintShippingLabel":
          return activities.printLabel((Model.Reservation) arguments[0]);
        case "Warehouse.reserve":
          return activities.reserve((Model.Order) arguments[0]);
        case "Warehouse.ship":
          activities.ship((List<Model.Item>) arguments[0], (Boolean) arguments[1]);
          return null;
        case "Warehouse.stockLevel":
          return activities.stockLevel((String) arguments[0]);
        default:
          throw new IllegalArgumentException("Unknown activity type " + activityType + " for Warehouse");
      }
    }
  }
}
