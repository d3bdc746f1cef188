package dev.incr.bench;

import ca.odell.glazedlists.BasicEventList;
import ca.odell.glazedlists.EventList;
import ca.odell.glazedlists.GroupingList;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * {@code groupBy}: {@code size} integers grouped by {@code x % 1000}, with a count per group. One
 * operation inserts a new integer, reads its group's count, deletes it and reads the count again.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'GroupByBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GroupByBenchmark {

  /** How many groups. */
  static final int GROUPS = 1000;

  static int key(Integer x) {
    return x % GROUPS;
  }

  /** The elements {@code 0..size-1} and fresh values to insert, shared by every system. */
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
        extra[i] = size + i * 7;
      }
    }

    Integer nextExtra() {
      return extra[next++ & 1023];
    }
  }

  /** {@code groupBy(x % 1000)} and one {@code group(k).count()} per key, single-threaded. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends Data {
    IncrCollection<Integer> source;
    LongComputed[] counts;

    /** Builds the groups over the initial elements. */
    @Setup
    public void setup() {
      makeData();
      source = Engine.singleThreaded().collection();
      GroupedCollection<Integer, Integer> grouped = source.groupBy(GroupByBenchmark::key);
      counts = new LongComputed[GROUPS];
      for (int k = 0; k < GROUPS; k++) {
        counts[k] = grouped.group(k).count();
      }
      source.insertAll(initial);
      for (LongComputed c : counts) {
        c.getAsLong();
      }
    }
  }

  /** An {@link ArrayList}, grouped and counted from scratch with a stream on each read. */
  @State(Scope.Benchmark)
  public static class Streams extends Data {
    ArrayList<Integer> list;

    /** Fills the list. */
    @Setup
    public void setup() {
      makeData();
      list = new ArrayList<>(initial);
    }

    long count(int key) {
      return list.stream()
          .collect(Collectors.groupingBy(GroupByBenchmark::key, Collectors.counting()))
          .getOrDefault(key, 0L);
    }
  }

  /** Glazed Lists {@link GroupingList}: group {@code k} is at index {@code k} (all keys present). */
  @State(Scope.Benchmark)
  public static class GlazedLists extends Data {
    EventList<Integer> source;
    GroupingList<Integer> groups;

    /** Builds the lists. */
    @Setup
    public void setup() {
      makeData();
      source = new BasicEventList<>();
      source.addAll(initial);
      groups = new GroupingList<>(source, Comparator.comparingInt(GroupByBenchmark::key));
      groups.size();
    }
  }

  /** The floor: an array of counts indexed by key. */
  @State(Scope.Benchmark)
  public static class Handwritten extends Data {
    long[] counts;

    /** Counts the initial elements. */
    @Setup
    public void setup() {
      makeData();
      counts = new long[GROUPS];
      for (Integer x : initial) {
        counts[key(x)]++;
      }
    }
  }

  /** Insert, read the group's count, delete, read, on the single-threaded engine. */
  @Benchmark
  public long groupBy_incrSingle(IncrSingle s) {
    Integer x = s.nextExtra();
    LongComputed count = s.counts[key(x)];
    s.source.insert(x);
    long c = count.getAsLong();
    s.source.delete(x);
    return c + count.getAsLong();
  }

  /** Insert, group from scratch, delete, group from scratch. */
  @Benchmark
  public long groupBy_streams(Streams s) {
    Integer x = s.nextExtra();
    s.list.add(x);
    long c = s.count(key(x));
    s.list.remove(s.list.size() - 1);
    return c + s.count(key(x));
  }

  /** Insert, read the group's size, delete, read, through a Glazed Lists {@link GroupingList}. */
  @Benchmark
  public long groupBy_glazedlists(GlazedLists s) {
    Integer x = s.nextExtra();
    s.source.add(x);
    long c = s.groups.get(key(x)).size();
    s.source.remove(s.source.size() - 1);
    return c + s.groups.get(key(x)).size();
  }

  /** Insert, read, delete, read on an array of counts. */
  @Benchmark
  public long groupBy_handwritten(Handwritten s) {
    Integer x = s.nextExtra();
    int k = key(x);
    s.counts[k]++;
    long c = s.counts[k];
    s.counts[k]--;
    return c + s.counts[k];
  }
}
