package dev.baton.sample.order;

/** A packed parcel, ready for the carrier. */
public record Parcel(String parcelId, String warehouse, int items, int grams) {}
