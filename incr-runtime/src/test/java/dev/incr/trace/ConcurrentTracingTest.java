package dev.incr.trace;

import dev.incr.Engine;

class ConcurrentTracingTest extends TracingContract {
  @Override
  Engine newEngine() {
    return Engine.concurrent();
  }
}
