package dev.baton.sample.order;

import java.util.List;
import java.util.Map;

/**
 * A checked order: its price and which warehouse ships which lines (one shipment per warehouse).
 */
public record Quote(long totalCents, Map<String, List<OrderLine>> linesByWarehouse) {}
