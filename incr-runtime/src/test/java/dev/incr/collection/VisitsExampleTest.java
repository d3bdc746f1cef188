package dev.incr.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The collections' guiding example: visits sorted by time, legs between consecutive visits, the
 * total distance. Moving one visit computes the distance of only the legs the move creates.
 */
class VisitsExampleTest {

  record Visit(String place, int hour, double x, double y) {}

  final List<Pair<Visit, Visit>> measured = new ArrayList<>();

  double distance(Visit a, Visit b) {
    measured.add(Pair.of(a, b));
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  @Test
  void movingOneVisitRecomputesOnlyTheLegsItTouches() {
    Engine engine = Engine.singleThreaded();
    IncrCollection<Visit> visits = engine.collection();
    SortedCollection<Visit> sorted = visits.sortBy(Visit::hour);
    IncrCollection<Pair<Visit, Visit>> legs = sorted.pairwise();
    Computed<Double> total = legs.map(p -> distance(p.first(), p.second())).sum(d -> d);

    Visit nine = new Visit("bakery", 9, 0, 0);
    Visit two = new Visit("office", 14, 3, 4);
    Visit eleven = new Visit("bank", 11, 3, 0);
    Visit five = new Visit("gym", 17, 3, 8);
    visits.insert(nine);
    visits.insert(two);
    visits.insert(eleven);
    visits.insert(five);
    assertEquals(3 + 4 + 4, total.get(), 1e-9);
    assertEquals(3, measured.size());

    // Move the bank visit from 11:00 to 16:00: between the office and the gym.
    measured.clear();
    Visit sixteen = new Visit("bank", 16, 3, 0);
    engine.batch(
        () -> {
          visits.delete(eleven);
          visits.insert(sixteen);
        });
    assertEquals(5 + 4 + 8, total.get(), 1e-9);
    Bags.assertSameBag(
        List.of(Pair.of(nine, two), Pair.of(two, sixteen), Pair.of(sixteen, five)),
        measured,
        "legs measured after the move");

    // A move that keeps the visit between the same neighbours measures only its two legs: the
    // leg that would close the gap is created and destroyed within the batch and never measured.
    measured.clear();
    Visit fifteen = new Visit("bank", 15, 3, 1);
    engine.batch(
        () -> {
          visits.delete(sixteen);
          visits.insert(fifteen);
        });
    assertEquals(5 + Math.hypot(0, 3) + 7, total.get(), 1e-9);
    Bags.assertSameBag(
        List.of(Pair.of(two, fifteen), Pair.of(fifteen, five)),
        measured,
        "legs measured after a move between the same neighbours");
  }
}
