package dev.incr.examples.kafkaorders;

/** A customer and the region it belongs to. */
public record Customer(String id, String region) {}
