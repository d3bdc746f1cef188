package dev.incr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * What the {@code mixed} {@link JvmProfile} runs in a fork before the workload: small graphs of
 * every kind an application's JVM holds beside the one being measured, stepped in turn, so that the
 * JIT's type profiles at the libraries' call sites (the engine's {@code compute}, verify and push
 * loops, the suppliers and listeners it calls, JavaFX's binding and listener helpers) record many
 * receiver classes, as they do in an application, before the workload's own warm-up.
 *
 * <p>On one {@link dev.incr.Engine#singleThreaded()} engine ({@link IncrNodeKinds}):
 *
 * <ul>
 *   <li>boxed nodes ({@code Var<Integer>}, {@code Var<Boolean>}, {@code Computed<Integer>}, {@code
 *       Computed<String>}) and primitive ones (int, long and double vars and computeds);
 *   <li>chains, a diamond, a dynamic choice between branches, an early cutoff and a batch, each
 *       observed ({@code engine.observe}) or read on demand, some both;
 *   <li>an incremental collection through filter, map, count, sum, min, sortBy, groupBy (with a
 *       per-group count) and join, one aggregate observed;
 *   <li>generated classes: {@link GenMixed} (long, double, String and boolean inputs, a boxed and a
 *       parameterized query), and the generated chain, clamp, diamond, dynamic and fan-out
 *       classes of the workloads, one of them observed through a node that reads it.
 * </ul>
 *
 * <p>And the peers' other kinds ({@link PeerNodeKinds}): JavaFX double, long, boolean, String and
 * object properties and bindings, custom {@code IntegerBinding}s, {@code Bindings.when}, change and
 * invalidation listeners, an observable list with filtered and sorted views and {@code
 * Bindings.size}; ReactFX {@code map}, {@code combine} and {@code flatMap} values, observed.
 *
 * <p>The concurrent engine is not exercised: an application picks one engine. Every step checks
 * what it computed against plain Java and throws {@link IllegalStateException} on a difference, so
 * the profile also tests that the libraries agree with themselves under it.
 */
final class MixedProfile {

  /** How many rounds a fork runs: enough for the JIT to compile the libraries' hot paths. */
  static final int ROUNDS = 20_000;

  private MixedProfile() {}

  /**
   * Builds every graph, then runs {@code rounds} rounds; round {@code r} steps each graph once with
   * the value {@code r}.
   *
   * @return a checksum of the values read
   * @throws IllegalStateException if a graph computes a value different from plain Java
   */
  static long run(int rounds) {
    List<IntUnaryOperator> steps = new ArrayList<>();
    steps.addAll(IncrNodeKinds.steps());
    steps.addAll(PeerNodeKinds.steps());
    long checksum = 0;
    for (int r = 1; r <= rounds; r++) {
      for (IntUnaryOperator step : steps) {
        checksum += step.applyAsInt(r);
      }
    }
    return checksum;
  }

  /**
   * Returns {@code actual} if it equals {@code expected}.
   *
   * @throws IllegalStateException naming {@code what} and both values otherwise
   */
  static long check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException("Mixed profile: " + what + " computed " + actual
          + " where plain Java computes " + expected);
    }
    return actual;
  }

  /** {@link #check(String, long, long)} for doubles, which must be exactly equal. */
  static double check(String what, double actual, double expected) {
    if (Double.compare(actual, expected) != 0) {
      throw new IllegalStateException("Mixed profile: " + what + " computed " + actual
          + " where plain Java computes " + expected);
    }
    return actual;
  }
}
