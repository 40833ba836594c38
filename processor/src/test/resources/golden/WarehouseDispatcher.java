package com.example.orders;

import dev.baton.ActivityDispatcher;
import dev.baton.ActivityType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs the {@link Warehouse} activities for Baton's workers.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class WarehouseDispatcher implements ActivityDispatcher<Warehouse> {
  /**
   * Creates the dispatcher; workers find it by its name.
   */
  public WarehouseDispatcher() {
  }

  @Override
  public Class<Warehouse> activityInterface() {
    return Warehouse.class;
  }

  @Override
  public List<ActivityType<?>> activityTypes() {
    return List.of(
            WarehouseStub.PRINT_LABEL,
            WarehouseStub.RESERVE,
            WarehouseStub.SHIP,
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
