package dev.incr.examples.quickstart;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Observation;
import dev.incr.TraceEvent;
import dev.incr.Traced;
import dev.incr.Var;
import java.io.PrintStream;

/**
 * A tour of incr: an annotated class, then the engine API (inputs, derived values, early cutoff,
 * batches, observers) and a trace of what one read recomputed.
 */
public final class Quickstart {

  private Quickstart() {}

  /** Runs the tour, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the tour, printing to {@code out}; returns how many times {@code total} re-ran. */
  public static int run(PrintStream out) {
    annotatedClass(out);
    return engineApi(out);
  }

  /** The main way in: an abstract class with @Input fields and @Query methods. */
  static void annotatedClass(PrintStream out) {
    Engine engine = Engine.singleThreaded();
    IncrRect rect = new IncrRect(engine);
    out.printf("rect: area = %.1f, %s, wide = %s%n", rect.area(), rect.describe("m2"),
        rect.isWide());
    rect.setWidth(12);
    out.printf("width 10 -> 12: area = %.1f (area ran %d times)%n", rect.area(), rect.areaRuns);
    rect.setHeight(5); // the same value: nothing changes
    rect.area();
    out.printf("height 5 -> 5: area ran %d times%n", rect.areaRuns);
    out.printf("describe(\"m2\") = %s%n", rect.describe("m2"));
  }

  /** The engine API, for graphs built at run time. */
  static int engineApi(PrintStream out) {
    Engine engine = Engine.singleThreaded();
    Var<Integer> price = engine.var(120).label("price");
    Var<Integer> quantity = engine.var(3).label("quantity");
    Var<Double> discount = engine.var(0.0).label("discount");

    int[] subtotalRuns = {0};
    int[] totalRuns = {0};
    Computed<Integer> subtotal = engine.computed(() -> {
      subtotalRuns[0]++;
      return price.get() * quantity.get();
    }).label("subtotal");
    Computed<Boolean> bulk = engine.computed(() -> quantity.get() >= 10).label("bulk");
    Computed<Double> total = engine.computed(() -> {
      totalRuns[0]++;
      double rate = bulk.get() ? 0.1 : discount.get();
      return subtotal.get() * (1 - rate);
    }).label("total");

    out.printf("total = %.2f%n", total.get());

    quantity.set(4);
    out.printf("quantity 3 -> 4: total = %.2f (subtotal ran %d times, total %d)%n",
        total.get(), subtotalRuns[0], totalRuns[0]);

    // Early cutoff: 'bulk' re-runs but stays false, so nothing that reads only it re-runs.
    Computed<String> tier = engine.computed(() -> bulk.get() ? "bulk" : "retail").label("tier");
    tier.get();
    quantity.set(5);
    out.printf("quantity 4 -> 5: tier = %s (bulk re-ran, stayed false: tier did not re-run)%n",
        tier.get());

    // A batch lands several changes as one revision.
    engine.batch(() -> {
      price.set(100);
      quantity.set(2);
    });
    out.printf("batch price=100, quantity=2: total = %.2f at revision %d%n",
        total.get(), engine.revision());

    // Observers hear about changes after each set or batch.
    Observation watch = engine.observe(total,
        t -> out.printf("  observer: total is now %.2f%n", t));
    discount.set(0.25);
    discount.set(0.25); // equal value: no revision, no notification
    quantity.set(20);   // bulk pricing takes over from the discount
    watch.close();
    out.printf("total re-ran %d times in all%n", totalRuns[0]);

    // What did a read recompute, and why?
    quantity.set(21);
    Traced<Double> traced = engine.trace(total::get);
    out.println("trace of total.get() after quantity 20 -> 21:");
    for (TraceEvent event : traced.trace().events()) {
      out.println("  " + event.kind() + " " + event.label()
          + (event.cause() == null ? "" : " (because " + event.cause() + " changed)"));
    }
    out.println("why total last changed: " + engine.why(total));
    return totalRuns[0];
  }
}
