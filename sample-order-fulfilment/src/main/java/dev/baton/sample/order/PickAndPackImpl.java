package dev.baton.sample.order;

import dev.baton.Workflows;
import org.slf4j.Logger;

/** Picks, then packs, in the reservation's warehouse. */
public class PickAndPackImpl implements PickAndPack {
  private static final Logger log = Workflows.getLogger(PickAndPackImpl.class);

  private final WarehousesStub warehouses = WarehousesStub.create();

  @Override
  public Parcel pack(Reservation reservation) {
    int items = warehouses.pick(reservation);
    Parcel parcel = warehouses.pack(reservation, items);
    log.info(
        "{}: {} packed parcel {} ({} g)",
        reservation.orderId(),
        reservation.warehouse(),
        parcel.parcelId(),
        parcel.grams());
    return parcel;
  }
}
