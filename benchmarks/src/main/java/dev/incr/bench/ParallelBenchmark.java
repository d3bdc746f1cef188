package dev.incr.bench;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * The concurrent engine on several threads.
 *
 * <ul>
 *   <li>{@code round_*}: a write makes 64 independent computeds stale, each about 50 us of work,
 *       and then every thread of the group reads all 64 (one forward, one backward). With two
 *       threads, each round starts at a barrier that both threads reach once they have read the
 *       previous round's values, and the write is the barrier's action (so no thread's reads of one
 *       round meet the next round's write). Each method's score is rounds per second; {@code
 *       round_twoThreads} against {@code round_oneThread} is the speed-up from computing on two
 *       cores.
 *   <li>{@code handSplit_*}: the ceiling for that speed-up on the machine at hand: the same 64
 *       {@link #work} calls per round without an engine, one thread doing all of them, or two
 *       threads meeting at the same kind of barrier and doing 32 each. The group's score counts
 *       both threads' operations, so for {@code round_twoThreads} and {@code
 *       handSplit_twoThreads} rounds per second are half of it.
 *   <li>{@code cleanRead_*}: reading an up-to-date node, on one and on two threads at once (per
 *       thread, in nanoseconds: equal figures mean reads scale).
 *   <li>{@code writeWhileComputing}: the latency of a write while two threads keep running 1 ms
 *       computations that read a node every 10 us (they are cancelled at that read);
 *       {@code writeAlone} is the same write with nobody reading. Both include a 200 us pause
 *       after each write, so that the readers start computing again: compare the difference. (The
 *       readers' own score is meaningless: every write cancels their computations, so a read only
 *       returns once the writes stop at the end of the iteration.)
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'ParallelBenchmark' -f 1 -wi 2 -w 1s -i 3 -r 1s
 * }</pre>
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ParallelBenchmark {

  static final int NODES = 64;
  /** Iterations of {@link #work} that take about 50 us on a 2-3 GHz core. */
  static final int WORK = 25_000;

  /** About 50 us of arithmetic that depends on its inputs (so it cannot be skipped). */
  static long work(long seed) {
    long x = seed;
    for (int k = 0; k < WORK; k++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      x ^= x >>> 29;
    }
    return x;
  }

  /** 64 computeds over one generation var, and the barrier that starts each round. */
  @State(Scope.Group)
  public static class Round {
    Var<Integer> generation;
    List<Computed<Long>> nodes;
    /** Starts each round once both threads are done with the last one, by writing the var. */
    final CyclicBarrier start = new CyclicBarrier(2, () -> generation.set(++this.next));
    int next;

    /** Builds the graph. */
    @Setup(Level.Trial)
    public void setup() {
      Engine engine = Engine.concurrent();
      generation = engine.var(0);
      nodes = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        long seed = i;
        nodes.add(engine.computed(() -> work(seed * 1_000_003L + generation.get())));
      }
    }

    /** Frees a thread left waiting for its partner when the iteration ended. */
    @TearDown(Level.Iteration)
    public void release() {
      start.reset();
    }

    /** Waits for the partner; false if it stopped (the iteration is over). */
    boolean meet() {
      return meetAt(start);
    }
  }

  @Benchmark
  @Group("round_oneThread")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long round_oneThread(Round r) {
    r.generation.set(++r.next);
    long sum = 0;
    for (int i = 0; i < NODES; i++) {
      sum += r.nodes.get(i).get();
    }
    return sum;
  }

  /** The thread that reads the nodes forward once the round has started. */
  @Benchmark
  @Group("round_twoThreads")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long round_twoThreads_forward(Round r) {
    if (!r.meet()) {
      return 0;
    }
    long sum = 0;
    for (int i = 0; i < NODES; i++) {
      sum += r.nodes.get(i).get();
    }
    return sum;
  }

  /** The thread that reads the nodes backward once the round has started. */
  @Benchmark
  @Group("round_twoThreads")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long round_twoThreads_backward(Round r) {
    if (!r.meet()) {
      return 0;
    }
    long sum = 0;
    for (int i = NODES - 1; i >= 0; i--) {
      sum += r.nodes.get(i).get();
    }
    return sum;
  }

  /**
   * The hand-split peer of {@link Round}: a generation number (its var) and the barrier that
   * starts each round, and nothing else.
   */
  @State(Scope.Group)
  public static class HandSplit {
    volatile int generation;
    /** Starts each round once both threads are done with the last one, as {@link Round}'s. */
    final CyclicBarrier start = new CyclicBarrier(2, () -> generation++);

    /** Frees a thread left waiting for its partner when the iteration ended. */
    @TearDown(Level.Iteration)
    public void release() {
      start.reset();
    }

    /** Waits for the partner; false if it stopped (the iteration is over). */
    boolean meet() {
      return meetAt(start);
    }

    /** The values of nodes {@code from} (inclusive) to {@code to} (exclusive) this round. */
    long work(int from, int to) {
      int g = generation;
      long sum = 0;
      for (int i = from; i < to; i++) {
        sum += ParallelBenchmark.work(i * 1_000_003L + g);
      }
      return sum;
    }
  }

  /** One round's 64 computations on one thread, no engine. */
  @Benchmark
  @Group("handSplit_oneThread")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long handSplit_oneThread(HandSplit h) {
    h.generation++;
    return h.work(0, NODES);
  }

  /** The thread that does the first half of a round's computations. */
  @Benchmark
  @Group("handSplit_twoThreads")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long handSplit_twoThreads_first(HandSplit h) {
    if (!h.meet()) {
      return 0;
    }
    return h.work(0, NODES / 2);
  }

  /** The thread that does the second half of a round's computations. */
  @Benchmark
  @Group("handSplit_twoThreads")
  @GroupThreads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long handSplit_twoThreads_second(HandSplit h) {
    if (!h.meet()) {
      return 0;
    }
    return h.work(NODES / 2, NODES);
  }

  /** An up-to-date node of a concurrent engine. */
  @State(Scope.Benchmark)
  public static class Clean {
    Computed<Integer> node;

    /** Builds the node and computes it. */
    @Setup
    public void setup() {
      Engine engine = Engine.concurrent();
      Var<Integer> a = engine.var(1000);
      node = engine.computed(() -> a.get() + 1);
      node.get();
    }
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Integer cleanRead_oneThread(Clean s) {
    return s.node.get();
  }

  @Benchmark
  @Threads(2)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Integer cleanRead_twoThreads(Clean s) {
    return s.node.get();
  }

  /** Slow computations that read a node every 10 us, kept running by two reader threads. */
  @State(Scope.Group)
  public static class Busy {
    Var<Integer> x;
    Var<Integer> tick;
    Computed<Integer> slow1;
    Computed<Integer> slow2;
    int next;

    /** Builds the graph. */
    @Setup(Level.Trial)
    public void setup() {
      Engine engine = Engine.concurrent();
      x = engine.var(0);
      tick = engine.var(0);
      slow1 = engine.computed(() -> slowRun(1));
      slow2 = engine.computed(() -> slowRun(2));
    }

    private int slowRun(int k) {
      int base = x.get();
      for (int i = 0; i < 100; i++) {
        tick.get();
        LockSupport.parkNanos(10_000);
      }
      return base * k;
    }
  }

  @Benchmark
  @Group("writeWhileComputing")
  @GroupThreads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void writeWhileComputing_write(Busy b, Control control) {
    if (!control.stopMeasurement) {
      b.x.set(++b.next);
    }
    // Let the readers start computing again. Once the iteration is over the writes stop, so that
    // the readers' computations, cancelled by every write, can finish and the iteration can end.
    LockSupport.parkNanos(200_000);
  }

  @Benchmark
  @Group("writeWhileComputing")
  @GroupThreads(2)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int writeWhileComputing_read(Busy b) {
    return b.slow1.get() + b.slow2.get();
  }

  @Benchmark
  @Group("writeAlone")
  @GroupThreads(1)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void writeAlone(Busy b) {
    b.x.set(++b.next);
    LockSupport.parkNanos(200_000);
  }

  /** Waits at {@code start} for the partner thread; false if it stopped (the iteration is over). */
  static boolean meetAt(CyclicBarrier start) {
    try {
      start.await(200, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | BrokenBarrierException e) {
      start.reset();
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
