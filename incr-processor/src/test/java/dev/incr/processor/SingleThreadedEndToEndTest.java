package dev.incr.processor;

import dev.incr.Engine;

/** The end-to-end tests on {@link Engine#singleThreaded()}. */
class SingleThreadedEndToEndTest extends EndToEndContract {
  @Override
  Engine newEngine() {
    return Engine.singleThreaded();
  }
}
