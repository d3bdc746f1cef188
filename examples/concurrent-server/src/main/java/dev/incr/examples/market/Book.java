package dev.incr.examples.market;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The book of positions as engine nodes, and the views the server answers with.
 *
 * <p>The holdings are an incremental collection: a price tick deletes the old holding and inserts
 * the new one. The total and the per-sector totals ({@code groupBy} then a per-group sum) are
 * invertible aggregates, so a tick costs O(1) per changed price, not O(positions). Each view is one
 * computed node that reads the tick number and the aggregates it reports, so it is computed at one
 * revision: its parts always add up, whatever the writer is doing. Reading a view that is up to
 * date takes no lock on the concurrent engine.
 */
public final class Book {

  /**
   * The whole book at one tick.
   *
   * @param tick the tick the values belong to
   * @param totalCents the book's value
   * @param sectors per-sector values, by sector name
   * @param positions every position, in instrument order
   */
  public record PortfolioView(
      long tick, long totalCents, List<Pair<String, Long>> sectors, List<Holding> positions) {}

  /**
   * The book's value and its split by sector, at one tick.
   *
   * @param tick the tick the values belong to
   * @param totalCents the book's value
   * @param sectors per-sector values, by sector name
   */
  public record SectorsView(long tick, long totalCents, List<Pair<String, Long>> sectors) {}

  /**
   * One position at one tick.
   *
   * @param tick the tick the value belongs to
   * @param holding the position
   */
  public record PositionView(long tick, Holding holding) {}

  private static final Comparator<Pair<String, Long>> BY_SECTOR = Comparator.comparing(Pair::first);

  private final Engine engine;
  private final Var<Long> tick;
  private final IncrCollection<Holding> holdings;
  /** The current holding per symbol; written only inside batches, read by views. */
  private final Map<String, Var<Holding>> current = new ConcurrentHashMap<>();
  private final Map<String, Computed<PositionView>> positionViews = new ConcurrentHashMap<>();
  private final Computed<PortfolioView> portfolio;
  private final Computed<SectorsView> sectors;

  /** Creates the book at tick 0 on {@code engine}. */
  public Book(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.tick = engine.var(0L).label("tick");
    this.holdings = engine.<Holding>collection().label("holdings");
    List<Holding> initial = new ArrayList<>();
    for (int i = 0; i < Market.INSTRUMENTS.size(); i++) {
      Instrument in = Market.INSTRUMENTS.get(i);
      Holding h = new Holding(in.symbol(), in.sector(), in.quantity(), Market.priceAt(i, 0));
      initial.add(h);
      Var<Holding> var = engine.var(h).label(in.symbol());
      current.put(in.symbol(), var);
      positionViews.put(in.symbol(),
          engine.computed(() -> new PositionView(tick.get(), var.get()))
              .label("position(" + in.symbol() + ")"));
    }
    holdings.insertAll(initial);

    Computed<Long> total = holdings.reduce(0L, (sum, h) -> sum + h.valueCents(),
        (sum, h) -> sum - h.valueCents()).label("total");
    GroupedCollection<String, Holding> bySector = holdings.groupBy(Holding::sector).label("bySector");
    IncrCollection<Pair<String, Long>> sectorTotals = bySector.aggregate(
        group -> group.reduce(0L, (sum, h) -> sum + h.valueCents(),
            (sum, h) -> sum - h.valueCents()));
    this.sectors = engine.computed(() -> new SectorsView(tick.get(), total.get(),
        sorted(sectorTotals.toList(), BY_SECTOR))).label("sectorsView");
    this.portfolio = engine.computed(() -> new PortfolioView(tick.get(), total.get(),
        sorted(sectorTotals.toList(), BY_SECTOR),
        sorted(holdings.toList(), Comparator.comparingInt(h -> Market.indexOf(h.symbol())))))
        .label("portfolioView");
  }

  private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return List.copyOf(copy);
  }

  /**
   * Applies the prices of the next tick as one batch, and returns that tick. Call from one writer
   * thread.
   */
  public long advance() {
    long next = tick.get() + 1;
    engine.batch(() -> {
      tick.set(next);
      for (int i = 0; i < Market.INSTRUMENTS.size(); i++) {
        if (Market.movesAt(i, next)) {
          Var<Holding> var = current.get(Market.INSTRUMENTS.get(i).symbol());
          Holding old = var.get();
          Holding moved = new Holding(old.symbol(), old.sector(), old.quantity(),
              Market.priceAt(i, next));
          holdings.delete(old);
          holdings.insert(moved);
          var.set(moved);
        }
      }
    });
    return next;
  }

  /** Returns the whole book at one tick. */
  public PortfolioView portfolio() {
    return portfolio.get();
  }

  /** Returns the total and the per-sector totals at one tick. */
  public SectorsView sectors() {
    return sectors.get();
  }

  /**
   * Returns one position at one tick.
   *
   * @throws IllegalArgumentException if the book holds no such symbol
   */
  public PositionView position(String symbol) {
    Computed<PositionView> view = positionViews.get(symbol);
    if (view == null) {
      List<String> known = new ArrayList<>();
      Market.INSTRUMENTS.forEach(in -> known.add(in.symbol()));
      throw new IllegalArgumentException("Unknown symbol '" + symbol + "'; the book holds "
          + String.join(", ", known));
    }
    return view.get();
  }

  /** Returns the last tick applied. */
  public long tick() {
    return tick.get();
  }
}
