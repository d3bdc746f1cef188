package dev.incr;

import dev.incr.internal.EngineInternals;

/**
 * The same semantics on the concurrent engine when every verification walks the engine's explicit
 * stack: runs found on the way leave the lock in the middle of the walk, taking the stack with
 * them, and the walk goes on where it was when they come back.
 */
class ConcurrentIterativelyVerifyingExactSemanticsTest extends ExactSemanticsContract {
  @Override
  Engine newEngine() {
    return EngineInternals.verifyingIteratively(Engine.concurrent());
  }
}
