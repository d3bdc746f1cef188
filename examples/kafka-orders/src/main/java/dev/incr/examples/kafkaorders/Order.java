package dev.incr.examples.kafkaorders;

/** An order of {@code amount} placed by the customer with id {@code customer}. */
public record Order(String id, String customer, double amount) {}
