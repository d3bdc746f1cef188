package dev.incr;

class ConcurrentObservedPushTest extends ObservedPushContract {
  @Override
  Engine newEngine() {
    return Engine.concurrent();
  }
}
