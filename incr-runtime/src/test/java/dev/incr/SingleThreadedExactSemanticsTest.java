package dev.incr;

class SingleThreadedExactSemanticsTest extends ExactSemanticsContract {
  @Override
  Engine newEngine() {
    return Engine.singleThreaded();
  }
}
