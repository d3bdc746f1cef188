package dev.incr.bench;

import ca.odell.glazedlists.BasicEventList;
import ca.odell.glazedlists.EventList;
import ca.odell.glazedlists.FilterList;
import ca.odell.glazedlists.FunctionList;
import dev.incr.Computed;
import dev.incr.Durability;
import dev.incr.Engine;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.ValueLru;
import dev.incr.Var;
import dev.incr.support.QueryMemo;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.NumberExpression;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Measures heap bytes per node: builds many nodes of one kind, keeps them reachable, and divides
 * the growth of the used heap after a full collection by the node count. Reported, not asserted.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.incr.bench.MemoryMain [nodes]
 * }</pre>
 *
 * <p>Values held by the nodes are shared {@link Integer}s, so the figures are the graph's own
 * overhead: the node objects, their dependency arrays and the lambdas that compute them.
 *
 * <p>The {@code byte[100]} cases are the exception: each node makes its own 120-byte array, once
 * without a budget, once in a {@link ValueLru} that holds them all, and once in one that holds one
 * (every other value evicted, the node and its dependencies kept), to show what eviction frees and
 * what a budget costs per node.
 *
 * <p>A memo entry is one argument list of a parameterized query ({@link QueryMemo}), with its node
 * and its result; the argument objects are made before the measurement, so they do not count.
 *
 * <p>Then, for a few collection pipelines over {@code nodes / 10} integers: heap per element once
 * built (the integers themselves included), heap per element after {@code nodes} insert+delete
 * pairs with reads in between, and the retained growth in bytes (the change logs must not keep
 * history).
 */
public final class MemoryMain {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private static final java.util.Set<String> ARRAY_HELD = java.util.Set.of("incrSingle var",
      "incrSingle computed (reads one var, computed)", "incrSingle IntVar",
      "incrSingle IntComputed (reads one var, computed)", "javafx SimpleIntegerProperty",
      "incrSingle IntVar, Durability.HIGH", "incrSingle IntComputed over a HIGH var (computed)",
      "incrSingle computed holding a byte[100] (computed)",
      "incrSingle computed with a ValueLru, byte[100] held",
      "incrSingle computed with a ValueLru, byte[100] evicted");

  private MemoryMain() {}

  /**
   * Prints one line per measurement.
   *
   * @param args optionally, how many nodes to build per measurement (default 1,000,000)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Map<String, IntFunction<Object>> cases = new LinkedHashMap<>();
    cases.put("incrSingle var", MemoryMain::incrVars);
    cases.put("incrSingle computed (reads one var, computed)", MemoryMain::incrComputeds);
    cases.put("incrSingle chain node (reads previous, computed)", MemoryMain::incrChain);
    cases.put("incrSingle IntVar", MemoryMain::incrIntVars);
    cases.put("incrSingle IntComputed (reads one var, computed)", MemoryMain::incrIntComputeds);
    cases.put("incrSingle IntComputed chain node (computed)", MemoryMain::incrIntChain);
    cases.put("incrSingle IntVar, Durability.HIGH", MemoryMain::incrDurableIntVars);
    cases.put("incrSingle IntComputed over a HIGH var (computed)",
        MemoryMain::incrDurableIntComputeds);
    cases.put("incrSingle memo entry (QueryMemo, per argument)", MemoryMain::incrMemoEntries);
    cases.put("incrSingle computed holding a byte[100] (computed)", k -> incrArrays(k, 0));
    cases.put("incrSingle computed with a ValueLru, byte[100] held", k -> incrArrays(k, k));
    cases.put("incrSingle computed with a ValueLru, byte[100] evicted", k -> incrArrays(k, 1));
    cases.put("javafx SimpleIntegerProperty", MemoryMain::javafxProperties);
    cases.put("javafx chain node (previous.add(1), computed)", MemoryMain::javafxChain);
    cases.put("handwritten chain cell", k -> new CellChain(k));
    memoKeys = new Integer[n];
    for (int i = 0; i < n; i++) {
      memoKeys[i] = i;
    }
    // Warm up class loading and the JIT on small graphs first, so they do not count.
    for (IntFunction<Object> c : cases.values()) {
      c.apply(1000);
    }
    // Cases that hold their nodes in an Object[] subtract the array's own cost per slot.
    double slot = bytesPerNode(k -> new Object[k], n);
    System.out.printf(Locale.ROOT, "%-52s %12s%n", n + " nodes per case", "bytes/node");
    for (Map.Entry<String, IntFunction<Object>> c : cases.entrySet()) {
      double perNode = bytesPerNode(c.getValue(), n);
      if (ARRAY_HELD.contains(c.getKey())) {
        perNode -= slot;
      }
      System.out.printf(Locale.ROOT, "%-52s %12.1f%n", c.getKey(), perNode);
    }
    System.out.printf(Locale.ROOT, "(holding array slot, subtracted above: %.1f bytes)%n", slot);
    System.out.println();
    int elements = Math.max(1000, n / 10);
    int churn = n;
    System.out.printf(Locale.ROOT, "%-52s %12s %12s %14s%n", elements + " elements, " + churn
        + " insert+delete", "bytes/elem", "after churn", "retained growth");
    churnPipeline("incr filter+map+count", elements, churn, (engine, source) ->
        source.filter(x -> (x & 1) == 0).map(x -> x * 3).count());
    churnPipeline("incr sortBy+count", elements, churn, (engine, source) ->
        source.sortBy(x -> x).count());
    churnPipeline("incr groupBy(x % 1000).group(0..999).count", elements, churn,
        (engine, source) -> {
          dev.incr.GroupedCollection<Integer, Integer> g = source.groupBy(x -> x % 1000);
          java.util.List<Computed<Long>> counts = new java.util.ArrayList<>();
          for (int k = 0; k < 1000; k++) {
            counts.add(g.group(k).count());
          }
          return engine.computed(() -> {
            long total = 0;
            for (Computed<Long> c : counts) {
              total += c.get();
            }
            return total;
          });
        });
    glazedPipeline(elements);
    javafxPipeline(elements);
  }

  /**
   * Glazed Lists' filter + map ({@link FilterList}, {@link FunctionList}) over the same integers,
   * per element once built (its count is the list's size).
   */
  static void glazedPipeline(int elements) {
    java.util.List<Integer> initial = integers(elements);
    long before = usedAfterGc();
    EventList<Integer> source = new BasicEventList<>();
    source.addAll(initial);
    FunctionList<Integer, Integer> mapped =
        new FunctionList<>(new FilterList<>(source, x -> (x & 1) == 0), x -> x * 3);
    int size = mapped.size();
    long built = usedAfterGc();
    System.out.printf(Locale.ROOT, "%-52s %12.1f%n", "glazedlists FilterList+FunctionList",
        (built - before) / (double) elements);
    Reference.reachabilityFence(source);
    Reference.reachabilityFence(mapped);
    Reference.reachabilityFence(size);
  }

  /** JavaFX's {@link FilteredList} (it has no map) over the same integers, per element. */
  static void javafxPipeline(int elements) {
    java.util.List<Integer> initial = integers(elements);
    long before = usedAfterGc();
    ObservableList<Integer> source = FXCollections.observableArrayList(initial);
    FilteredList<Integer> filtered = source.filtered(x -> (x & 1) == 0);
    int size = filtered.size();
    long built = usedAfterGc();
    System.out.printf(Locale.ROOT, "%-52s %12.1f%n", "javafx FilteredList (no map)",
        (built - before) / (double) elements);
    Reference.reachabilityFence(source);
    Reference.reachabilityFence(filtered);
    Reference.reachabilityFence(size);
  }

  /** The integers 0 .. n - 1, boxed, made as the incr pipelines make theirs. */
  private static java.util.List<Integer> integers(int n) {
    java.util.List<Integer> list = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }

  /** Builds one pipeline over {@code elements} integers, then churns it; prints heap figures. */
  static void churnPipeline(String name, int elements, int churn,
      java.util.function.BiFunction<Engine, dev.incr.IncrCollection<Integer>, Computed<Long>> build) {
    java.util.List<Integer> initial = new java.util.ArrayList<>(elements);
    for (int i = 0; i < elements; i++) {
      initial.add(i);
    }
    Integer[] extra = new Integer[1024];
    for (int i = 0; i < extra.length; i++) {
      extra[i] = elements + i;
    }
    long before = usedAfterGc();
    Engine engine = Engine.singleThreaded();
    dev.incr.IncrCollection<Integer> source = engine.collection();
    Computed<Long> result = build.apply(engine, source);
    source.insertAll(initial);
    long expected = result.get();
    long built = usedAfterGc();
    for (int i = 0; i < churn; i++) {
      Integer x = extra[i & 1023];
      source.insert(x);
      result.get();
      source.delete(x);
      if (result.get() != expected) {
        throw new AssertionError(name + ": result drifted during churn");
      }
    }
    long after = usedAfterGc();
    System.out.printf(Locale.ROOT, "%-52s %12.1f %12.1f %14d%n", name,
        (built - before) / (double) elements, (after - before) / (double) elements, after - built);
    Reference.reachabilityFence(source);
    Reference.reachabilityFence(result);
  }

  /** Heap growth per node when {@code build} makes {@code n} nodes, kept reachable. */
  static double bytesPerNode(IntFunction<Object> build, int n) {
    long before = usedAfterGc();
    Object keep = build.apply(n);
    long after = usedAfterGc();
    double perNode = (after - before) / (double) n;
    Reference.reachabilityFence(keep);
    return perNode;
  }

  /** The used heap after full collections have settled. */
  static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static Object incrVars(int n) {
    Engine engine = Engine.singleThreaded();
    Integer shared = 7;
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = engine.var(shared);
    }
    return nodes;
  }

  private static Object incrComputeds(int n) {
    Engine engine = Engine.singleThreaded();
    Var<Integer> input = engine.var(7);
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      Computed<Integer> c = engine.computed(input::get);
      c.get();
      nodes[i] = c;
    }
    return nodes;
  }

  private static Object incrChain(int n) {
    Engine engine = Engine.singleThreaded();
    Var<Integer> input = engine.var(7);
    Computed<Integer> previous = engine.computed(input::get);
    for (int i = 1; i < n; i++) {
      previous = engine.computed(previous::get);
    }
    previous.get();
    return previous;
  }

  private static Object incrIntVars(int n) {
    Engine engine = Engine.singleThreaded();
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = engine.intVar(i);
    }
    return nodes;
  }

  private static Object incrIntComputeds(int n) {
    Engine engine = Engine.singleThreaded();
    IntVar input = engine.intVar(7);
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      IntComputed c = engine.computedInt(input::getAsInt);
      c.getAsInt();
      nodes[i] = c;
    }
    return nodes;
  }

  /** Each node holds a distinct value ({@code i} above the input), as a boxed chain could not. */
  private static Object incrIntChain(int n) {
    Engine engine = Engine.singleThreaded();
    IntVar input = engine.intVar(1000);
    IntSupplier previous = input;
    for (int i = 0; i < n; i++) {
      IntSupplier p = previous;
      previous = engine.computedInt(() -> p.getAsInt() + 1);
    }
    ((IntComputed) previous).getAsInt();
    return previous;
  }

  private static Object incrDurableIntVars(int n) {
    Engine engine = Engine.singleThreaded();
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = engine.intVar(i, Durability.HIGH);
    }
    return nodes;
  }

  private static Object incrDurableIntComputeds(int n) {
    Engine engine = Engine.singleThreaded();
    IntVar input = engine.intVar(7, Durability.HIGH);
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      IntComputed c = engine.computedInt(input::getAsInt);
      c.getAsInt();
      nodes[i] = c;
    }
    return nodes;
  }

  /**
   * {@code n} computeds over one var, each computing a {@code byte[100]} (120 bytes on the heap),
   * read once: without a budget ({@code budget} 0), or in one {@link ValueLru} of {@code budget}
   * values ({@code n}: every value held; 1: all but one evicted, their dependencies kept).
   */
  private static Object incrArrays(int n, int budget) {
    Engine engine = Engine.singleThreaded();
    Var<Integer> input = engine.var(7);
    ValueLru lru = budget > 0 ? engine.valueLru(budget) : null;
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      Supplier<byte[]> f = () -> new byte[100 + input.get() - 7];
      Computed<byte[]> c = lru != null ? engine.computed(f, lru) : engine.computed(f);
      c.get();
      nodes[i] = c;
    }
    return nodes;
  }

  /** Argument objects for {@link #incrMemoEntries}, made before its measurement. */
  private static Integer[] memoKeys = new Integer[0];

  private static Object incrMemoEntries(int n) {
    Integer[] keys = memoKeys;
    Engine engine = Engine.singleThreaded();
    Integer shared = 7;
    QueryMemo<Integer> memo = new QueryMemo<>(engine, "memo");
    for (int i = 0; i < n; i++) {
      memo.get(keys.length > i ? keys[i] : Integer.valueOf(i), () -> shared);
    }
    return memo;
  }

  private static Object javafxProperties(int n) {
    Object[] nodes = new Object[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = new SimpleIntegerProperty(7);
    }
    return nodes;
  }

  private static Object javafxChain(int n) {
    SimpleIntegerProperty input = new SimpleIntegerProperty(7);
    NumberExpression previous = input;
    for (int i = 0; i < n; i++) {
      previous = previous.add(0);
    }
    previous.intValue();
    return new Object[] {input, previous};
  }
}
