package dev.incr.collection;

import dev.incr.Engine;

/** The collection contract on the concurrent engine. */
class ConcurrentCollectionTest extends CollectionContract {
  @Override
  Engine newEngine() {
    return Engine.concurrent();
  }
}
