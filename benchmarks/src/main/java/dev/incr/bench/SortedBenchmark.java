package dev.incr.bench;

import ca.odell.glazedlists.BasicEventList;
import ca.odell.glazedlists.EventList;
import ca.odell.glazedlists.SortedList;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
 * {@code sorted}: a sorted view of {@code size} random integers. One operation inserts a random
 * integer, reads the view, deletes the integer and reads the view again. incr reads the sorted
 * view's {@code count()}, which makes the {@code sortBy} stage place the change in its tree;
 * Glazed Lists and JavaFX keep their {@code SortedList}s sorted eagerly; the floor is a {@link
 * TreeMap} of counts; streams sort a copy from scratch.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'SortedBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SortedBenchmark {

  /** Random elements and random values to insert, the same for every system (fixed seed). */
  @State(Scope.Benchmark)
  public abstract static class Data {
    @Param({"1000", "10000", "100000", "1000000"})
    int size;

    List<Integer> initial;
    Integer[] extra;
    int next;

    void makeData() {
      Random random = new Random(42);
      initial = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        initial.add(random.nextInt());
      }
      extra = new Integer[1024];
      for (int i = 0; i < extra.length; i++) {
        extra[i] = random.nextInt();
      }
    }

    Integer nextExtra() {
      return extra[next++ & 1023];
    }
  }

  /** {@code sortBy(x -> x)} on {@link Engine#singleThreaded()}, read through its count. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends Data {
    IncrCollection<Integer> source;
    LongComputed count;

    /** Builds the view over the initial elements. */
    @Setup
    public void setup() {
      makeData();
      source = Engine.singleThreaded().collection();
      count = source.sortBy(x -> x).count();
      source.insertAll(initial);
      count.get();
    }
  }

  /** An {@link ArrayList}, sorted from scratch with a stream on each read. */
  @State(Scope.Benchmark)
  public static class Streams extends Data {
    ArrayList<Integer> list;

    /** Fills the list. */
    @Setup
    public void setup() {
      makeData();
      list = new ArrayList<>(initial);
    }

    int sortedFirst() {
      return list.stream().sorted().toList().get(0);
    }
  }

  /** Glazed Lists {@link SortedList} over a {@link BasicEventList}. */
  @State(Scope.Benchmark)
  public static class GlazedLists extends Data {
    EventList<Integer> source;
    SortedList<Integer> sorted;

    /** Builds the lists. */
    @Setup
    public void setup() {
      makeData();
      source = new BasicEventList<>();
      source.addAll(initial);
      sorted = new SortedList<>(source, Comparator.naturalOrder());
      sorted.size();
    }
  }

  /** JavaFX {@link javafx.collections.transformation.SortedList} over an observable list. */
  @State(Scope.Benchmark)
  public static class JavaFx extends Data {
    ObservableList<Integer> source;
    javafx.collections.transformation.SortedList<Integer> sorted;

    /** Builds the lists. */
    @Setup
    public void setup() {
      makeData();
      source = FXCollections.observableArrayList(initial);
      sorted = source.sorted(Comparator.naturalOrder());
      sorted.size();
    }
  }

  /** The floor: a {@link TreeMap} from element to its multiplicity. */
  @State(Scope.Benchmark)
  public static class Handwritten extends Data {
    TreeMap<Integer, Integer> tree;
    int size2;

    /** Fills the tree. */
    @Setup
    public void setup() {
      makeData();
      tree = new TreeMap<>();
      for (Integer x : initial) {
        insert(x);
      }
    }

    void insert(Integer x) {
      tree.merge(x, 1, Integer::sum);
      size2++;
    }

    void delete(Integer x) {
      Integer c = tree.get(x);
      if (c == 1) {
        tree.remove(x);
      } else {
        tree.put(x, c - 1);
      }
      size2--;
    }
  }

  /** Insert, read, delete, read on the single-threaded engine. */
  @Benchmark
  public long sorted_incrSingle(IncrSingle s) {
    Integer x = s.nextExtra();
    s.source.insert(x);
    long c = s.count.getAsLong();
    s.source.delete(x);
    return c + s.count.getAsLong();
  }

  /** Insert, sort from scratch, delete, sort from scratch. */
  @Benchmark
  public long sorted_streams(Streams s) {
    s.list.add(s.nextExtra());
    long c = s.sortedFirst();
    s.list.remove(s.list.size() - 1);
    return c + s.sortedFirst();
  }

  /** Insert, read, delete, read through a Glazed Lists {@link SortedList}. */
  @Benchmark
  public long sorted_glazedlists(GlazedLists s) {
    s.source.add(s.nextExtra());
    long c = s.sorted.size();
    s.source.remove(s.source.size() - 1);
    return c + s.sorted.size();
  }

  /** Insert, read, delete, read through a JavaFX sorted list. */
  @Benchmark
  public long sorted_javafx(JavaFx s) {
    s.source.add(s.nextExtra());
    long c = s.sorted.size();
    s.source.remove(s.source.size() - 1);
    return c + s.sorted.size();
  }

  /** Insert, read, delete, read on a {@link TreeMap}. */
  @Benchmark
  public long sorted_handwritten(Handwritten s) {
    Integer x = s.nextExtra();
    s.insert(x);
    long c = s.size2;
    s.delete(x);
    return c + s.size2;
  }
}
