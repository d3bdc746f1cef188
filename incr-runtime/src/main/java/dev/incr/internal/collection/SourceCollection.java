package dev.incr.internal.collection;

import dev.incr.Engine;
import dev.incr.LongVar;
import dev.incr.Node;
import dev.incr.internal.CollectionHooks;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection changed directly by {@code insert}/{@code delete}: the root of a pipeline. Its
 * version node is a {@link LongVar} bumped by every change; each change runs inside {@link
 * Engine#batch}, so it is one write for the engine (serialized with computations on a concurrent
 * engine) and changes inside a user's batch share its revision.
 *
 * @param <T> the element type
 */
public final class SourceCollection<T> extends Stage<T> {
  /**
   * Counts the changes: readers look at its change revision only. A count rather than a toggle, so
   * that two changes in one batch never set it back to the value it had before (a var written back
   * within a batch is unchanged). Unboxed, so a change stores no reference into it.
   */
  private final LongVar version;

  private long changes;

  /**
   * The engine if a change there needs no batch ({@link CollectionHooks#writesDirectly}), else
   * null.
   */
  private final Engine direct;

  /** Creates an empty collection of {@code engine}; use {@link Engine#collection()}. */
  public SourceCollection(Engine engine) {
    super(engine, "collection", true);
    this.version = engine.longVar(0);
    this.direct = CollectionHooks.writesDirectly(engine) ? engine : null;
    relabel(label());
  }

  @Override
  Node<Long> version() {
    return version;
  }

  @Override
  long readVersion() {
    return version.getAsLong();
  }

  @Override
  public boolean insert(T element) {
    checkElement(element);
    if (direct != null) {
      checkDirectWrite("insert into");
      add(element);
    } else {
      write("insert into", () -> add(element));
    }
    return true;
  }

  @Override
  public boolean delete(T element) {
    if (element == null) {
      return false;
    }
    if (direct != null) {
      checkDirectWrite("delete from");
      return remove(element);
    }
    boolean[] removed = new boolean[1];
    write("delete from", () -> removed[0] = remove(element));
    return removed[0];
  }

  @Override
  public void insertAll(Iterable<? extends T> elements) {
    argument(elements, "insertAll(null)", "the elements to insert");
    List<T> copy = new ArrayList<>();
    for (T element : elements) {
      checkElement(element);
      copy.add(element);
    }
    write(
        "insert into",
        () -> {
          for (T element : copy) {
            add(element);
          }
        });
  }

  @Override
  public int deleteAll(Iterable<? extends T> elements) {
    argument(elements, "deleteAll(null)", "the elements to delete");
    int[] removed = new int[1];
    write(
        "delete from",
        () -> {
          for (T element : elements) {
            if (element != null && remove(element)) {
              removed[0]++;
            }
          }
        });
    return removed[0];
  }

  private void add(T element) {
    out.emit(element, 1);
    bump();
  }

  private boolean remove(T element) {
    int slot = out.live.removeIfPresent(element);
    if (slot < 0) {
      return false;
    }
    out.forward(element, -1, slot);
    bump();
    return true;
  }

  private void bump() {
    version.set(++changes);
  }

  /** Throws, naming this collection, if a single-threaded change would run inside a computation. */
  private void checkDirectWrite(String operation) {
    try {
      CollectionHooks.checkDirectWrite(direct);
    } catch (IllegalStateException e) {
      throw refused(operation, e);
    }
  }

  private void checkElement(T element) {
    if (element == null) {
      throw new NullPointerException(
          "Collection '"
              + label()
              + "' does not accept null elements;"
              + " insert a non-null value (an Optional or a sentinel object) instead.");
    }
  }

  /**
   * Runs {@code change} as an engine write. The engine refuses a batch inside a computation before
   * running it; that refusal is reported here naming this collection.
   */
  private void write(String operation, Runnable change) {
    boolean[] entered = new boolean[1];
    try {
      engine.batch(
          () -> {
            entered[0] = true;
            change.run();
          });
    } catch (IllegalStateException e) {
      if (entered[0]) {
        throw e;
      }
      throw refused(operation, e);
    }
  }

  private IllegalStateException refused(String operation, IllegalStateException e) {
    return new IllegalStateException(
          "Cannot "
              + operation
              + " collection '"
              + label()
              + "' inside a computation: computations must not change inputs. Make the change"
              + " outside, after get() returns. ("
              + e.getMessage()
              + ")",
        e);
  }
}
