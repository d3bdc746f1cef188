package dev.incr.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Records which query bodies ran, for the end-to-end tests: the compiled test classes call {@link
 * #ran(String)} at the top of each query, and the test takes the log after each step.
 */
public final class RunLog {
  private static final List<String> LOG = new ArrayList<>();

  private RunLog() {}

  /** Records that {@code what} ran. */
  public static synchronized void ran(String what) {
    LOG.add(what);
  }

  /** Returns what ran since the last call, in order, and clears the log. */
  public static synchronized List<String> take() {
    List<String> taken = List.copyOf(LOG);
    LOG.clear();
    return taken;
  }
}
