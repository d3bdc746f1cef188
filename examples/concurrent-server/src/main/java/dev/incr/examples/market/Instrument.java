package dev.incr.examples.market;

/**
 * A traded instrument and the book's position in it.
 *
 * @param symbol the ticker
 * @param sector the sector it belongs to
 * @param quantity how many units the book holds
 * @param basePriceCents the price before the first tick, in cents
 */
public record Instrument(String symbol, String sector, long quantity, long basePriceCents) {}
