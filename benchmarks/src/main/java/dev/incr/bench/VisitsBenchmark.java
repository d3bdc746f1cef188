package dev.incr.bench;

import ca.odell.glazedlists.BasicEventList;
import ca.odell.glazedlists.EventList;
import ca.odell.glazedlists.SortedList;
import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code visits}: the README's pipeline. {@code size} visits (time, place) sorted by time, the
 * distance between each visit and the next summed: {@code sortBy(time).pairwise().map(distance)
 * .sum()}. One operation moves one visit to a new time (delete it, insert the moved copy) and reads
 * the total. Glazed Lists keeps the sorted list incrementally but the sum of neighbour distances
 * is a loop over it; the floor is a {@link TreeMap} by time with the total adjusted around the
 * changed positions.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'VisitsBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VisitsBenchmark {

  /** A visit at a time to a place on a line. */
  record Visit(long time, double place) {}

  static double distance(Visit a, Visit b) {
    return Math.abs(b.place() - a.place());
  }

  /** Random visits with distinct times, and the moves to make, the same for every system. */
  @State(Scope.Benchmark)
  public abstract static class Data {
    @Param({"1000", "10000", "100000", "1000000"})
    int size;

    Visit[] current;
    int[] moveIndex;
    long[] moveTime;
    int next;

    void makeData() {
      Random random = new Random(7);
      current = new Visit[size];
      for (int i = 0; i < size; i++) {
        // Distinct times: a random high part and the index as the low part.
        current[i] = new Visit((long) random.nextInt(1 << 30) * 2_000_000 + i, random.nextDouble());
      }
      moveIndex = new int[1024];
      moveTime = new long[1024];
      for (int i = 0; i < 1024; i++) {
        moveIndex[i] = random.nextInt(size);
        moveTime[i] = (long) random.nextInt(1 << 30) * 2_000_000 + 1_000_000 + i;
      }
    }

    /** The next move: the old visit is {@code current[index]}; returns the moved copy. */
    Visit nextMove(int[] indexOut) {
      int k = next++ & 1023;
      int index = moveIndex[k];
      indexOut[0] = index;
      // Keep times distinct across repeated moves of the same slot.
      long time = moveTime[k] + (long) (next >>> 10) * 2_000;
      return new Visit(time, current[index].place());
    }

    List<Visit> initial() {
      return List.of(current);
    }
  }

  /** The incremental pipeline on {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends Data {
    IncrCollection<Visit> visits;
    Computed<Double> total;
    final int[] index = new int[1];

    /** Builds the pipeline over the initial visits. */
    @Setup
    public void setup() {
      makeData();
      visits = Engine.singleThreaded().collection();
      total = visits.sortBy(Visit::time).pairwise()
          .map(p -> distance(p.first(), p.second())).sum(d -> d);
      visits.insertAll(initial());
      total.get();
    }
  }

  /** An {@link ArrayList}, sorted and summed from scratch on each read. */
  @State(Scope.Benchmark)
  public static class Streams extends Data {
    ArrayList<Visit> list;
    final int[] index = new int[1];

    /** Fills the list. */
    @Setup
    public void setup() {
      makeData();
      list = new ArrayList<>(initial());
    }

    double total() {
      List<Visit> sorted = list.stream().sorted(Comparator.comparingLong(Visit::time)).toList();
      double sum = 0;
      for (int i = 1; i < sorted.size(); i++) {
        sum += distance(sorted.get(i - 1), sorted.get(i));
      }
      return sum;
    }
  }

  /** A Glazed Lists {@link SortedList} by time, summed with a loop on each read. */
  @State(Scope.Benchmark)
  public static class GlazedLists extends Data {
    EventList<Visit> source;
    SortedList<Visit> sorted;
    final int[] index = new int[1];

    /** Builds the lists. */
    @Setup
    public void setup() {
      makeData();
      source = new BasicEventList<>();
      source.addAll(initial());
      sorted = new SortedList<>(source, Comparator.comparingLong(Visit::time));
    }

    double total() {
      double sum = 0;
      Visit previous = null;
      for (Visit v : sorted) {
        if (previous != null) {
          sum += distance(previous, v);
        }
        previous = v;
      }
      return sum;
    }
  }

  /** The floor: a {@link TreeMap} by time and a running total adjusted around each change. */
  @State(Scope.Benchmark)
  public static class Handwritten extends Data {
    TreeMap<Long, Visit> byTime;
    double total;
    final int[] index = new int[1];

    /** Fills the map and sums the initial distances. */
    @Setup
    public void setup() {
      makeData();
      byTime = new TreeMap<>();
      for (Visit v : current) {
        insert(v);
      }
    }

    void insert(Visit v) {
      Map.Entry<Long, Visit> below = byTime.lowerEntry(v.time());
      Map.Entry<Long, Visit> above = byTime.higherEntry(v.time());
      if (below != null && above != null) {
        total -= distance(below.getValue(), above.getValue());
      }
      if (below != null) {
        total += distance(below.getValue(), v);
      }
      if (above != null) {
        total += distance(v, above.getValue());
      }
      byTime.put(v.time(), v);
    }

    void delete(Visit v) {
      byTime.remove(v.time());
      Map.Entry<Long, Visit> below = byTime.lowerEntry(v.time());
      Map.Entry<Long, Visit> above = byTime.higherEntry(v.time());
      if (below != null) {
        total -= distance(below.getValue(), v);
      }
      if (above != null) {
        total -= distance(v, above.getValue());
      }
      if (below != null && above != null) {
        total += distance(below.getValue(), above.getValue());
      }
    }
  }

  /** Move one visit and read the total on the single-threaded engine. */
  @Benchmark
  public double visits_incrSingle(IncrSingle s) {
    Visit moved = s.nextMove(s.index);
    s.visits.delete(s.current[s.index[0]]);
    s.visits.insert(moved);
    s.current[s.index[0]] = moved;
    return s.total.get();
  }

  /** Move one visit and recompute the total from scratch. */
  @Benchmark
  public double visits_streams(Streams s) {
    Visit moved = s.nextMove(s.index);
    s.list.set(s.index[0], moved);
    s.current[s.index[0]] = moved;
    return s.total();
  }

  /** Move one visit in the Glazed Lists source and loop over the sorted list. */
  @Benchmark
  public double visits_glazedlists(GlazedLists s) {
    Visit moved = s.nextMove(s.index);
    s.source.set(s.index[0], moved);
    s.current[s.index[0]] = moved;
    return s.total();
  }

  /** Move one visit in the tree map, adjusting the running total. */
  @Benchmark
  public double visits_handwritten(Handwritten s) {
    Visit moved = s.nextMove(s.index);
    s.delete(s.current[s.index[0]]);
    s.insert(moved);
    s.current[s.index[0]] = moved;
    return s.total;
  }
}
