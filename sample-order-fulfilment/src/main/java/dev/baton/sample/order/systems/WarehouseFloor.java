package dev.baton.sample.order.systems;

import dev.baton.ActivityContext;
import dev.baton.ApplicationFailure;
import dev.baton.sample.order.OrderLine;
import dev.baton.sample.order.Parcel;
import dev.baton.sample.order.Reservation;
import dev.baton.sample.order.Warehouses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stand-in warehouses: stock levels in memory, reservations kept so retries are harmless. */
public final class WarehouseFloor implements Warehouses {
  private static final Logger log = LoggerFactory.getLogger("shop.warehouses");

  private final Map<String, Integer> stock = new ConcurrentHashMap<>();
  private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

  /** Warehouses stocked as the catalogue says. */
  public WarehouseFloor() {
    ShopCatalogue.products().values().forEach(p -> stock.put(p.sku(), p.stock()));
  }

  @Override
  public synchronized Reservation reserve(String orderId, String warehouse, List<OrderLine> lines) {
    String id = "RES-" + orderId + "-" + warehouse;
    Reservation existing = reservations.get(id);
    if (existing != null) {
      return existing;
    }
    for (OrderLine line : lines) {
      int available = stock.getOrDefault(line.sku(), 0);
      if (available < line.quantity()) {
        log.info("{}: {} is out of {} ({} left)", orderId, warehouse, line.sku(), available);
        throw ApplicationFailure.newNonRetryableFailure(
            warehouse
                + " has "
                + available
                + " of "
                + line.sku()
                + ", the order needs "
                + line.quantity(),
            "OutOfStock");
      }
    }
    lines.forEach(line -> stock.merge(line.sku(), -line.quantity(), Integer::sum));
    Reservation reservation = new Reservation(id, orderId, warehouse, List.copyOf(lines));
    reservations.put(id, reservation);
    log.info("{}: {} reserved {}", orderId, warehouse, lines);
    return reservation;
  }

  @Override
  public synchronized void release(Reservation reservation) {
    if (reservations.remove(reservation.reservationId()) != null) {
      reservation.lines().forEach(line -> stock.merge(line.sku(), line.quantity(), Integer::sum));
    }
    log.info(
        "{}: {} put {} back", reservation.orderId(), reservation.warehouse(), reservation.lines());
  }

  @Override
  public int pick(Reservation reservation) {
    ActivityContext context = ActivityContext.current();
    int from = context.heartbeatDetails(Integer.class).orElse(0); // lines an earlier attempt picked
    int items = 0;
    for (int i = 0; i < reservation.lines().size(); i++) {
      if (i >= from) {
        pause(50); // walking the aisles
      }
      items += reservation.lines().get(i).quantity();
      context.heartbeat(i + 1);
    }
    log.info("{}: {} picked {} item(s)", reservation.orderId(), reservation.warehouse(), items);
    return items;
  }

  @Override
  public Parcel pack(Reservation reservation, int items) {
    int grams = 200; // the box
    for (OrderLine line : reservation.lines()) {
      grams += ShopCatalogue.products().get(line.sku()).grams() * line.quantity();
    }
    return new Parcel(
        "PCL-" + reservation.orderId() + "-" + reservation.warehouse(),
        reservation.warehouse(),
        items,
        grams);
  }

  /** How many of {@code sku} are on the shelves. */
  public int stockOf(String sku) {
    return stock.getOrDefault(sku, 0);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
