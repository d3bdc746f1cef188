package dev.incr;

class ConcurrentEngineTest extends EngineContract {
  @Override
  Engine newEngine() {
    return Engine.concurrent();
  }
}
