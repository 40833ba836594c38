package dev.baton.sample.order;

/** Where the parcels go. */
public record Address(String name, String street, String postcode, String city, String country) {}
