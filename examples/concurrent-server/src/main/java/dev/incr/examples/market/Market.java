package dev.incr.examples.market;

import java.util.List;

/**
 * The simulated market: a fixed list of instruments and a deterministic price path. At tick
 * {@code t} the instrument at index {@code i} gets a new price if {@code (t + i) % 3 == 0}, so each
 * tick moves a third of the prices; the price of any instrument at any tick can be computed from
 * the tick alone, which lets a test check that a response's prices all belong to one tick.
 */
public final class Market {

  /** The instruments the book holds, in a fixed order. */
  public static final List<Instrument> INSTRUMENTS = List.of(
      new Instrument("ACME", "Tech", 120, 18_250),
      new Instrument("BYTE", "Tech", 300, 4_410),
      new Instrument("CHIP", "Tech", 80, 61_900),
      new Instrument("DATA", "Tech", 150, 9_975),
      new Instrument("ERGO", "Energy", 400, 3_120),
      new Instrument("FUEL", "Energy", 220, 7_640),
      new Instrument("GRID", "Energy", 90, 12_005),
      new Instrument("HEAL", "Health", 60, 25_300),
      new Instrument("IMMU", "Health", 140, 8_870),
      new Instrument("JOIN", "Health", 500, 1_995),
      new Instrument("KAPI", "Finance", 75, 33_150),
      new Instrument("LOAN", "Finance", 260, 5_480),
      new Instrument("MINT", "Finance", 180, 11_260),
      new Instrument("NOOK", "Retail", 310, 2_730),
      new Instrument("OUTL", "Retail", 95, 14_440),
      new Instrument("PRIM", "Retail", 205, 6_315));

  private Market() {}

  /** Returns the index of {@code symbol} in {@link #INSTRUMENTS}, or -1. */
  public static int indexOf(String symbol) {
    for (int i = 0; i < INSTRUMENTS.size(); i++) {
      if (INSTRUMENTS.get(i).symbol().equals(symbol)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns whether instrument {@code index} gets a new price at {@code tick}. */
  public static boolean movesAt(int index, long tick) {
    return tick > 0 && (tick + index) % 3 == 0;
  }

  /** Returns the price, in cents, of instrument {@code index} after {@code tick} ticks. */
  public static long priceAt(int index, long tick) {
    long last = tick;
    while (last > 0 && !movesAt(index, last)) {
      last--;
    }
    long base = INSTRUMENTS.get(index).basePriceCents();
    if (last == 0) {
      return base;
    }
    double wave = Math.sin(last * (0.07 + 0.013 * index)) + 0.3 * Math.sin(last * 0.41 + index);
    return Math.max(1, base + Math.round(base * 0.04 * wave));
  }
}
