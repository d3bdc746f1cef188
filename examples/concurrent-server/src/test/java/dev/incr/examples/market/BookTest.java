package dev.incr.examples.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Engine;
import dev.incr.Pair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The book's views, tick after tick, against totals computed from scratch from the price path. */
class BookTest {

  @Test
  void viewsMatchTheTotalsComputedFromScratchAtEveryTickOnBothEngines() {
    for (Engine engine : new Engine[] {Engine.singleThreaded(), Engine.concurrent()}) {
      Book book = new Book(engine);
      for (int step = 0; step < 300; step++) {
        long tick = step == 0 ? book.tick() : book.advance();
        Map<String, Long> expected = new HashMap<>();
        long expectedTotal = 0;
        for (int i = 0; i < Market.INSTRUMENTS.size(); i++) {
          Instrument in = Market.INSTRUMENTS.get(i);
          long value = in.quantity() * Market.priceAt(i, tick);
          expected.merge(in.sector(), value, Long::sum);
          expectedTotal += value;
          Book.PositionView position = book.position(in.symbol());
          assertEquals(tick, position.tick());
          assertEquals(value, position.holding().valueCents(), in.symbol() + " at " + tick);
        }
        Book.SectorsView sectors = book.sectors();
        assertEquals(tick, sectors.tick());
        assertEquals(expectedTotal, sectors.totalCents());
        Map<String, Long> actual = new HashMap<>();
        for (Pair<String, Long> s : sectors.sectors()) {
          actual.put(s.first(), s.second());
        }
        assertEquals(expected, actual, "sectors at tick " + tick);
        assertEquals(expectedTotal, book.portfolio().totalCents());
      }
    }
  }

  @Test
  void aTickMovesAThirdOfThePricesAndLeavesTheRest() {
    int moved = 0;
    for (int i = 0; i < Market.INSTRUMENTS.size(); i++) {
      if (Market.movesAt(i, 7)) {
        moved++;
      } else {
        assertEquals(Market.priceAt(i, 6), Market.priceAt(i, 7));
      }
    }
    assertEquals(5, moved);
  }

  @Test
  void anUnknownSymbolIsRejectedNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Book(Engine.singleThreaded()).position("acme"));
    assertTrue(e.getMessage().startsWith("Unknown symbol 'acme'; the book holds ACME, BYTE, CHIP"),
        e.getMessage());
  }
}
