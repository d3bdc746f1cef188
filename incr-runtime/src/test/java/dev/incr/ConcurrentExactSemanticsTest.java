package dev.incr;

class ConcurrentExactSemanticsTest extends ExactSemanticsContract {
  @Override
  Engine newEngine() {
    return Engine.concurrent();
  }
}
