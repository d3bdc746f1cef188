package dev.incr;

import java.util.Objects;

/**
 * Two values, as produced by {@link SortedCollection#pairwise()}, {@link IncrCollection#join} and
 * {@link GroupedCollection#aggregate}. Equality is component-wise ({@link Objects#equals}).
 *
 * @param first the first component
 * @param second the second component
 * @param <A> the type of the first component
 * @param <B> the type of the second component
 */
public record Pair<A, B>(A first, B second) {

  /** Returns a pair of {@code first} and {@code second}. */
  public static <A, B> Pair<A, B> of(A first, B second) {
    return new Pair<>(first, second);
  }
}
