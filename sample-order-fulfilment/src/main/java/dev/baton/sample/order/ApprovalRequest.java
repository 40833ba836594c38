package dev.baton.sample.order;

/** What a manager is asked to approve. */
public record ApprovalRequest(String orderId, String customer, long totalCents) {}
