package dev.baton.sample.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of the {@link OrderFulfilment#status()} query: the stage and what happened so far. */
public record OrderStatus(
    String orderId, Stage stage, @Nullable String trackingNumber, List<String> timeline) {}
