package dev.incr;

/**
 * The handle of an observer registered with {@link Engine#observe(Node, java.util.function.Consumer)}.
 * Closing it stops further notifications; closing twice is harmless.
 */
public interface Observation extends AutoCloseable {

  /** Stops notifications to this observer. */
  @Override
  void close();

  /** Returns whether {@link #close()} has been called. */
  boolean isClosed();
}
