package dev.incr.internal;

import dev.incr.support.QueryMemo;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The memo tables of parameterized queries ({@link QueryMemo}) made on one engine, for {@link
 * dev.incr.Engine#stats()}. Held weakly: a table lives as long as the object whose query it
 * memoizes, and the engine must not keep that object alive. Cleared references are dropped when
 * the list has doubled since they were last dropped, so it stays within twice the live tables.
 * Tables may be made on any thread: every method holds the registry's own lock.
 */
final class MemoRegistry {

  private final ArrayList<WeakReference<QueryMemo<?>>> memos = new ArrayList<>();
  private int purgeAt = 16;

  synchronized void add(QueryMemo<?> memo) {
    if (memos.size() >= purgeAt) {
      memos.removeIf(r -> r.get() == null);
      purgeAt = Math.max(16, 2 * memos.size());
    }
    memos.add(new WeakReference<>(memo));
  }

  /** Calls {@code action} with each live table. */
  synchronized void forEach(Consumer<QueryMemo<?>> action) {
    for (WeakReference<QueryMemo<?>> r : memos) {
      QueryMemo<?> memo = r.get();
      if (memo != null) {
        action.accept(memo);
      }
    }
  }

  /** Returns {live tables, their entries}. */
  synchronized long[] count() {
    long tables = 0;
    long entries = 0;
    for (WeakReference<QueryMemo<?>> r : memos) {
      QueryMemo<?> memo = r.get();
      if (memo != null) {
        tables++;
        entries += memo.size();
      }
    }
    return new long[] {tables, entries};
  }
}
