package dev.incr.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the concurrent engine's synchronization costs on the machine at hand, on one thread with
 * nobody else contending: an uncontended {@link ReentrantLock} {@code lock()}/{@code unlock()}
 * pair (what the engine pays each time it takes its lock) and one compare-and-swap (the least a
 * claim on a node could cost). Against the single-threaded engine's time for an operation, these
 * give the floor of what a thread-safe engine adds to it on one thread.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'SynchronizationCostBenchmark' -f 1 -wi 2 -w 1s -i 3 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SynchronizationCostBenchmark {

  private static final VarHandle WORD;

  static {
    try {
      WORD = MethodHandles.lookup().findVarHandle(Sync.class, "word", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A lock and a word to swap, used by one thread. */
  @State(Scope.Thread)
  public static class Sync {
    final ReentrantLock lock = new ReentrantLock();
    long word;
    long counter;
  }

  /** Takes and releases an uncontended lock around one increment. */
  @Benchmark
  public long lockUnlock(Sync s) {
    s.lock.lock();
    try {
      return ++s.counter;
    } finally {
      s.lock.unlock();
    }
  }

  /** One successful compare-and-swap. */
  @Benchmark
  public long compareAndSet(Sync s) {
    long w = s.word;
    WORD.compareAndSet(s, w, w + 1);
    return w;
  }

  /** The increment alone, for reference. */
  @Benchmark
  public long plain(Sync s) {
    return ++s.counter;
  }
}
