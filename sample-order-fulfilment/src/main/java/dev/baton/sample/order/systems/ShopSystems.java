package dev.baton.sample.order.systems;

/**
 * The stand-in systems an activity worker serves, and the catalogue the workflow worker runs as a
 * local activity.
 */
public record ShopSystems(
    ShopCatalogue catalogue,
    PaymentGateway payments,
    WarehouseFloor warehouses,
    ParcelCarrier carrier,
    ManagerInbox managers,
    CustomerMail mail) {

  /** Fresh systems: a gateway busy at each charge's first attempt, a carrier as given. */
  public static ShopSystems create(int carrierQuestionsToDeliver, String webAddress) {
    return new ShopSystems(
        new ShopCatalogue(),
        new PaymentGateway(1),
        new WarehouseFloor(),
        new ParcelCarrier(carrierQuestionsToDeliver),
        new ManagerInbox(webAddress),
        new CustomerMail());
  }

  /** The implementations the activity worker registers. */
  public Object[] activities() {
    return new Object[] {payments, warehouses, carrier, managers, mail};
  }
}
