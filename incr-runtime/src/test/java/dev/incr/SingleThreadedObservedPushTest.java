package dev.incr;

class SingleThreadedObservedPushTest extends ObservedPushContract {
  @Override
  Engine newEngine() {
    return Engine.singleThreaded();
  }
}
