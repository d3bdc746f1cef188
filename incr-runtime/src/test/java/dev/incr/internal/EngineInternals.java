package dev.incr.internal;

import dev.incr.Engine;
import dev.incr.Node;

/** Test access to the engine's package-private invariant checks. */
public final class EngineInternals {
  private EngineInternals() {}

  /**
   * Turns the per-thread detection of cross-engine reads and writes on or off. Lincheck's model
   * checker abandons threads mid-operation, which would leave stale per-thread state behind.
   */
  public static void detectCrossEngineAccess(boolean enabled) {
    CrossEngineGuard.enabled = enabled;
  }

  /**
   * Makes {@code engine} verify every graph with its explicit-stack walk, which otherwise only
   * graphs deeper than 1,200 levels reach; returns the engine.
   */
  public static Engine verifyingIteratively(Engine engine) {
    ((EngineCore) engine).verifyRecursionLimit = 0;
    return engine;
  }

  /** How many per-depth dependency recorders the engine holds between reads. */
  public static int recordersHeld(Engine engine) {
    return ((EngineCore) engine).recordersHeld();
  }

  /**
   * Whether the engine keeps track of cycles (some node's last run met a {@link
   * dev.incr.CycleException}); while it does not, cycle handling costs the engine nothing.
   */
  public static boolean tracksCycles(Engine engine) {
    return ((EngineCore) engine).cycleWitnesses.tracking;
  }

  /** Checks the engine core's invariants over {@code nodes}, if the engine has them. */
  public static void checkInvariants(Engine engine, Iterable<? extends Node<?>> nodes) {
    if (engine instanceof EngineCore) {
      InvariantChecker.check((EngineCore) engine, nodes);
    }
  }

  /** Whether {@code node} is a computed of a {@link dev.incr.ValueLru} whose value is evicted. */
  public static boolean isEvicted(Node<?> node) {
    return node instanceof LruComputedNode && ((LruComputedNode<?>) node).evicted();
  }
}
