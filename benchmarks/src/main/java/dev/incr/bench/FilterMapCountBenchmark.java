package dev.incr.bench;

import ca.odell.glazedlists.BasicEventList;
import ca.odell.glazedlists.EventList;
import ca.odell.glazedlists.FilterList;
import ca.odell.glazedlists.FunctionList;
import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
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
 * {@code filterMapCount}: a collection of {@code size} integers through {@code filter(even)}, {@code
 * map(x * 3)} and a count. One operation inserts one new element, reads the count, deletes the
 * element and reads the count again (so the size stays put).
 *
 * <p>JavaFX has no mapping list in {@code javafx.collections.transformation}, so its variant is
 * filter + count only. Streams recompute the pipeline from scratch on each read.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'FilterMapCountBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterMapCountBenchmark {

  /** The elements and the fresh values the operations insert, shared by every system. */
  @State(Scope.Benchmark)
  public abstract static class Data {
    @Param({"1000", "10000", "100000", "1000000"})
    int size;

    List<Integer> initial;
    Integer[] extra;
    int next;

    void makeData() {
      initial = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        initial.add(i);
      }
      extra = new Integer[1024];
      for (int i = 0; i < extra.length; i++) {
        extra[i] = size + i;
      }
    }

    Integer nextExtra() {
      return extra[next++ & 1023];
    }
  }

  static boolean keep(Integer x) {
    return (x & 1) == 0;
  }

  static Integer transform(Integer x) {
    return x * 3;
  }

  /** The pipeline on {@link Engine#singleThreaded()}. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends Data {
    IncrCollection<Integer> source;
    LongComputed count;

    /** Builds the pipeline over the initial elements. */
    @Setup
    public void setup() {
      makeData();
      source = Engine.singleThreaded().collection();
      count = source.filter(FilterMapCountBenchmark::keep).map(FilterMapCountBenchmark::transform)
          .count();
      source.insertAll(initial);
      count.get();
    }
  }

  /** An {@link ArrayList}, the pipeline recomputed with a stream on each read. */
  @State(Scope.Benchmark)
  public static class Streams extends Data {
    ArrayList<Integer> list;

    /** Fills the list. */
    @Setup
    public void setup() {
      makeData();
      list = new ArrayList<>(initial);
    }

    long count() {
      return list.stream().filter(FilterMapCountBenchmark::keep)
          .map(FilterMapCountBenchmark::transform).count();
    }
  }

  /** Glazed Lists: {@code FilterList} then {@code FunctionList}; its size is the count. */
  @State(Scope.Benchmark)
  public static class GlazedLists extends Data {
    EventList<Integer> source;
    FunctionList<Integer, Integer> mapped;

    /** Builds the lists. */
    @Setup
    public void setup() {
      makeData();
      source = new BasicEventList<>();
      source.addAll(initial);
      FilterList<Integer> filtered = new FilterList<>(source, FilterMapCountBenchmark::keep);
      mapped = new FunctionList<>(filtered, FilterMapCountBenchmark::transform);
      mapped.size();
    }
  }

  /** JavaFX: an observable list and a {@link FilteredList} (no map: JavaFX has none). */
  @State(Scope.Benchmark)
  public static class JavaFx extends Data {
    ObservableList<Integer> source;
    FilteredList<Integer> filtered;

    /** Builds the lists. */
    @Setup
    public void setup() {
      makeData();
      source = FXCollections.observableArrayList(initial);
      filtered = source.filtered(FilterMapCountBenchmark::keep);
      filtered.size();
    }
  }

  /** The floor: the count kept by hand, the map applied to each kept element. */
  @State(Scope.Benchmark)
  public static class Handwritten extends Data {
    long count;
    int sink;

    /** Counts the initial elements. */
    @Setup
    public void setup() {
      makeData();
      for (Integer x : initial) {
        insert(x);
      }
    }

    void insert(Integer x) {
      if (keep(x)) {
        sink += transform(x);
        count++;
      }
    }

    void delete(Integer x) {
      if (keep(x)) {
        sink -= transform(x);
        count--;
      }
    }
  }

  /** Insert, read, delete, read on the single-threaded engine. */
  @Benchmark
  public long filterMapCount_incrSingle(IncrSingle s) {
    Integer x = s.nextExtra();
    s.source.insert(x);
    long c = s.count.getAsLong();
    s.source.delete(x);
    return c + s.count.getAsLong();
  }

  /** Insert, recompute, delete, recompute, with streams over an {@link ArrayList}. */
  @Benchmark
  public long filterMapCount_streams(Streams s) {
    s.list.add(s.nextExtra());
    long c = s.count();
    s.list.remove(s.list.size() - 1);
    return c + s.count();
  }

  /** Insert, read, delete, read through Glazed Lists. */
  @Benchmark
  public long filterMapCount_glazedlists(GlazedLists s) {
    s.source.add(s.nextExtra());
    long c = s.mapped.size();
    s.source.remove(s.source.size() - 1);
    return c + s.mapped.size();
  }

  /** Insert, read, delete, read through a JavaFX {@link FilteredList}. */
  @Benchmark
  public long filterMapCount_javafx(JavaFx s) {
    s.source.add(s.nextExtra());
    long c = s.filtered.size();
    s.source.remove(s.source.size() - 1);
    return c + s.filtered.size();
  }

  /** Insert, read, delete, read, hand-written. */
  @Benchmark
  public long filterMapCount_handwritten(Handwritten s) {
    Integer x = s.nextExtra();
    s.insert(x);
    long c = s.count;
    s.delete(x);
    return c + s.count;
  }
}
