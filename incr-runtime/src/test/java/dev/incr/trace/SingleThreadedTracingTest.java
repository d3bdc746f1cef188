package dev.incr.trace;

import dev.incr.Engine;

class SingleThreadedTracingTest extends TracingContract {
  @Override
  Engine newEngine() {
    return Engine.singleThreaded();
  }
}
