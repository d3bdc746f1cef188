package dev.incr.examples.market;

import java.util.Objects;

/**
 * The single writer: a daemon thread that applies one price tick to the {@link Book} after another,
 * pausing between ticks.
 */
public final class MarketFeed implements AutoCloseable {

  private final Book book;
  private final long pauseMillis;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Starts feeding {@code book}.
   *
   * @param pauseMillis the pause between ticks; 0 ticks as fast as the engine allows
   */
  public MarketFeed(Book book, long pauseMillis) {
    this.book = Objects.requireNonNull(book, "book");
    if (pauseMillis < 0) {
      throw new IllegalArgumentException("pauseMillis must be 0 or more, not " + pauseMillis);
    }
    this.pauseMillis = pauseMillis;
    this.thread = new Thread(this::run, "market-feed");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      book.advance();
      try {
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        } else {
          Thread.yield();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops the feed and waits for the writer thread to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
