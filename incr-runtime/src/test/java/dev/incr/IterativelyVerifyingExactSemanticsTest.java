package dev.incr;

import dev.incr.internal.EngineInternals;

/** The same semantics when every verification walks the engine's explicit stack. */
class IterativelyVerifyingExactSemanticsTest extends ExactSemanticsContract {
  @Override
  Engine newEngine() {
    return EngineInternals.verifyingIteratively(Engine.singleThreaded());
  }
}
