package dev.baton.sample.order.systems;

import dev.baton.sample.order.Address;
import dev.baton.sample.order.Carrier;
import dev.baton.sample.order.Parcel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in carrier: a parcel is delivered at the carrier's {@code questionsToDeliver}-th answer
 * about it, except to Atlantis, where nothing arrives.
 */
public final class ParcelCarrier implements Carrier {
  /** A city no parcel reaches. */
  public static final String NOWHERE = "Atlantis";

  private static final Logger log = LoggerFactory.getLogger("shop.carrier");

  private final int questionsToDeliver;
  private final Map<String, Integer> questions = new ConcurrentHashMap<>();

  /** A carrier that delivers at the {@code questionsToDeliver}-th status question. */
  public ParcelCarrier(int questionsToDeliver) {
    this.questionsToDeliver = questionsToDeliver;
  }

  @Override
  public String ship(String orderId, Address address, List<Parcel> parcels) {
    String trackingNumber = "TRK-" + orderId + (NOWHERE.equals(address.city()) ? "-LOST" : "");
    log.info(
        "{}: collected {} parcel(s) for {}, {}",
        orderId,
        parcels.size(),
        address.name(),
        address.city());
    return trackingNumber;
  }

  @Override
  public String status(String trackingNumber) {
    if (trackingNumber.endsWith("-LOST")) {
      return "IN_TRANSIT";
    }
    int asked = questions.merge(trackingNumber, 1, Integer::sum);
    if (asked >= questionsToDeliver) {
      return "DELIVERED";
    }
    return asked == questionsToDeliver - 1 ? "OUT_FOR_DELIVERY" : "IN_TRANSIT";
  }
}
