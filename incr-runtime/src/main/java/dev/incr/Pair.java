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

  /**
   * Returns a hash code that mixes the components' hash codes. The record default ({@code 31 * h1 +
   * h2}) keeps structured keys apart poorly: pairs of neighbours {@code (2i, 2i + 2)} all hash to
   * {@code 64i + 2}, so a hash table of them uses one bucket in 64.
   */
  @Override
  public int hashCode() {
    int h = Objects.hashCode(first) * 0x9E3779B9;
    h ^= h >>> 16;
    return h * 31 + Objects.hashCode(second);
  }

  /** Returns a pair of {@code first} and {@code second}. */
  public static <A, B> Pair<A, B> of(A first, B second) {
    return new Pair<>(first, second);
  }
}
