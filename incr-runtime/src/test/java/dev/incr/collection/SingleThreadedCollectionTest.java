package dev.incr.collection;

import dev.incr.Engine;

/** The collection contract on the single-threaded engine. */
class SingleThreadedCollectionTest extends CollectionContract {
  @Override
  Engine newEngine() {
    return Engine.singleThreaded();
  }
}
