package dev.incr.internal.collection;

import dev.incr.Engine;
import dev.incr.Node;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A collection changed directly by {@code insert}/{@code delete}: the root of a pipeline. Its
 * version node is a {@link Var} bumped by every change; each change runs inside {@link
 * Engine#batch}, so it is one write for the engine (serialized with computations on a concurrent
 * engine) and changes inside a user's batch share its revision.
 *
 * @param <T> the element type
 */
public final class SourceCollection<T> extends Stage<T> {
  private final Var<Long> version;
  private long changes;

  /** Creates an empty collection of {@code engine}; use {@link Engine#collection()}. */
  public SourceCollection(Engine engine) {
    super(engine, "collection", true);
    this.version = engine.var(0L);
    relabel(label());
  }

  @Override
  Node<Long> version() {
    return version;
  }

  @Override
  public boolean insert(T element) {
    checkElement(element);
    write("insert into", () -> add(element));
    return true;
  }

  @Override
  public boolean delete(T element) {
    if (element == null) {
      return false;
    }
    boolean[] removed = new boolean[1];
    write("delete from", () -> removed[0] = remove(element));
    return removed[0];
  }

  @Override
  public void insertAll(Iterable<? extends T> elements) {
    Objects.requireNonNull(elements, "elements");
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
    Objects.requireNonNull(elements, "elements");
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
    version.set(++changes);
  }

  private boolean remove(T element) {
    if (out.live.count(element) == 0) {
      return false;
    }
    out.emit(element, -1);
    version.set(++changes);
    return true;
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
      throw new IllegalStateException(
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
}
