package dev.incr;

import dev.incr.internal.EngineInternals;

/** The same scenarios when every verification walks the engine's explicit stack. */
class IterativelyVerifyingObservedPushTest extends ObservedPushContract {
  @Override
  Engine newEngine() {
    return EngineInternals.verifyingIteratively(Engine.singleThreaded());
  }
}
