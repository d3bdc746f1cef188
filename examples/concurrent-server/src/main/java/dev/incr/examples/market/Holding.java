package dev.incr.examples.market;

/**
 * A position at one price: what the book's collection holds. A price change replaces the holding
 * (a delete and an insert in one batch).
 *
 * @param symbol the ticker
 * @param sector the sector
 * @param quantity units held
 * @param priceCents the current price, in cents
 */
public record Holding(String symbol, String sector, long quantity, long priceCents) {

  /** Returns the position's value in cents: quantity times price. */
  public long valueCents() {
    return quantity * priceCents;
  }
}
