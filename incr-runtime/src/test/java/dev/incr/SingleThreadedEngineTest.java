package dev.incr;

class SingleThreadedEngineTest extends EngineContract {
  @Override
  Engine newEngine() {
    return Engine.singleThreaded();
  }
}
