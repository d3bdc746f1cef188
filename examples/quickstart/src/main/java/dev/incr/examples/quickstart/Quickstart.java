package dev.incr.examples.quickstart;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Observation;
import dev.incr.Var;
import java.io.PrintStream;

/** A tour of the engine API: inputs, derived values, early cutoff, batches and observers. */
public final class Quickstart {

  private Quickstart() {}

  /** Runs the tour, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the tour, printing to {@code out}; returns how many times {@code total} re-ran. */
  public static int run(PrintStream out) {
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
    try (Observation watch = engine.observe(total,
        t -> out.printf("  observer: total is now %.2f%n", t))) {
      discount.set(0.25);
      discount.set(0.25); // equal value: no revision, no notification
      quantity.set(20);   // bulk pricing takes over from the discount
    }
    out.printf("total re-ran %d times in all%n", totalRuns[0]);
    return totalRuns[0];
  }
}
