package dev.incr.bench;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.LongComputed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * {@code join}: {@code size} orders joined with {@code size / 10} customers on the customer id,
 * counting the joined pairs. One operation inserts an order, reads the count, deletes the order and
 * reads the count again. Neither Glazed Lists nor JavaFX has a join.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'JoinBenchmark' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JoinBenchmark {

  /** An order of one customer. */
  record Order(int id, int customer) {}

  /** Orders, customers and fresh orders to insert, shared by every system. */
  @State(Scope.Benchmark)
  public abstract static class Data {
    @Param({"1000", "10000", "100000", "1000000"})
    int size;

    List<Order> orders;
    List<Integer> customers;
    Order[] extra;
    int next;

    void makeData() {
      int customerCount = Math.max(1, size / 10);
      customers = new ArrayList<>(customerCount);
      for (int c = 0; c < customerCount; c++) {
        customers.add(c);
      }
      orders = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        orders.add(new Order(i, i % customerCount));
      }
      extra = new Order[1024];
      for (int i = 0; i < extra.length; i++) {
        extra[i] = new Order(size + i, (i * 7) % customerCount);
      }
    }

    Order nextExtra() {
      return extra[next++ & 1023];
    }
  }

  /** {@code orders.join(customers, Order::customer, c -> c).count()}, single-threaded. */
  @State(Scope.Benchmark)
  public static class IncrSingle extends Data {
    IncrCollection<Order> left;
    LongComputed count;

    /** Builds the join over the initial rows. */
    @Setup
    public void setup() {
      makeData();
      Engine engine = Engine.singleThreaded();
      left = engine.collection();
      IncrCollection<Integer> right = engine.collection();
      count = left.join(right, Order::customer, Function.identity()).count();
      left.insertAll(orders);
      right.insertAll(customers);
      count.get();
    }
  }

  /** Lists, hash-joined from scratch with streams on each read. */
  @State(Scope.Benchmark)
  public static class Streams extends Data {
    ArrayList<Order> left;

    /** Fills the lists. */
    @Setup
    public void setup() {
      makeData();
      left = new ArrayList<>(orders);
    }

    long count() {
      Map<Integer, Long> byId = customers.stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      return left.stream().mapToLong(o -> byId.getOrDefault(o.customer(), 0L)).sum();
    }
  }

  /** The floor: customers counted per id in a hash map; the joined count kept by hand. */
  @State(Scope.Benchmark)
  public static class Handwritten extends Data {
    HashMap<Integer, Integer> customersById;
    long count;

    /** Indexes the customers and counts the initial pairs. */
    @Setup
    public void setup() {
      makeData();
      customersById = new HashMap<>();
      for (Integer c : customers) {
        customersById.merge(c, 1, Integer::sum);
      }
      for (Order o : orders) {
        count += customersById.getOrDefault(o.customer(), 0);
      }
    }
  }

  /** Insert, read, delete, read on the single-threaded engine. */
  @Benchmark
  public long join_incrSingle(IncrSingle s) {
    Order o = s.nextExtra();
    s.left.insert(o);
    long c = s.count.getAsLong();
    s.left.delete(o);
    return c + s.count.getAsLong();
  }

  /** Insert, join from scratch, delete, join from scratch. */
  @Benchmark
  public long join_streams(Streams s) {
    s.left.add(s.nextExtra());
    long c = s.count();
    s.left.remove(s.left.size() - 1);
    return c + s.count();
  }

  /** Insert, read, delete, read, hand-written. */
  @Benchmark
  public long join_handwritten(Handwritten s) {
    Order o = s.nextExtra();
    s.count += s.customersById.getOrDefault(o.customer(), 0);
    long c = s.count;
    s.count -= s.customersById.getOrDefault(o.customer(), 0);
    return c + s.count;
  }
}
