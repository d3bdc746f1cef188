package dev.incr.concurrent;

/**
 * The same operations with {@code summary} observed, so that it and everything it reads are kept
 * up to date by the writers' pushes and read through the clean mark without a lock.
 */
public class ObservedEngineLincheckTest extends ConcurrentEngineLincheckTest {

  /** Builds the graph and observes its top. */
  public ObservedEngineLincheckTest() {
    engine.observe(summary, value -> { });
  }
}
