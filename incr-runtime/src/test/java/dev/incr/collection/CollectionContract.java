package dev.incr.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.SortedCollection;
import dev.incr.internal.collection.Introspection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Collection behaviour every engine must have; one subclass per engine runs it. */
abstract class CollectionContract {

  abstract Engine newEngine();

  final Engine engine = newEngine();
  final IncrCollection<String> words = engine.collection();

  @Test
  void insertAndDeleteAreMultisetOperations() {
    words.insert("a");
    words.insert("a");
    words.insert("b");
    assertEquals(3L, words.count().get());
    assertTrue(words.delete("a"));
    assertFalse(words.delete("c"), "deleting an absent element returns false");
    Bags.assertSameBag(List.of("a", "b"), words.toList(), "after delete");
    assertTrue(words.delete("a"));
    assertFalse(words.delete("a"));
    assertEquals(List.of("b"), words.toList());
  }

  @Test
  void insertAllAndDeleteAllAreOneRevision() {
    long before = engine.revision();
    words.insertAll(List.of("a", "b", "a"));
    assertEquals(before + 1, engine.revision());
    assertEquals(2, words.deleteAll(List.of("a", "x", "b")));
    Bags.assertSameBag(List.of("a"), words.toList(), "after deleteAll");
  }

  @Test
  void changesComputeNothingUntilRead() {
    AtomicInteger calls = new AtomicInteger();
    Computed<Long> count =
        words
            .filter(
                w -> {
                  calls.incrementAndGet();
                  return true;
                })
            .count();
    assertEquals(0L, count.get());
    words.insert("a");
    words.insert("b");
    assertEquals(0, calls.get(), "insert only marks");
    assertEquals(2L, count.get());
    assertEquals(2, calls.get());
  }

  @Test
  void aStageReadLateSeesEverythingInsertedBefore() {
    words.insertAll(List.of("x", "y", "x"));
    IncrCollection<Integer> lengths = words.map(String::length);
    assertEquals(List.of(1, 1, 1), lengths.toList());
    assertEquals(Optional.of("x"), words.min(Comparator.naturalOrder()).get());
  }

  @Test
  void aggregatesAreNodesWithEarlyCutoff() {
    Computed<Long> count = words.count();
    AtomicInteger runs = new AtomicInteger();
    Computed<String> report =
        engine.computed(
            () -> {
              runs.incrementAndGet();
              return "n=" + count.get();
            });
    assertEquals("n=0", report.get());
    words.insert("a");
    assertEquals("n=1", report.get());
    assertEquals(2, runs.get());
    engine.batch(
        () -> {
          words.delete("a");
          words.insert("b");
        });
    assertEquals("n=1", report.get());
    assertEquals(2, runs.get(), "count unchanged: the query is not re-run");
    assertSame(count, words.count(), "count() is one node per collection");
  }

  @Test
  void sumIsExactAcrossInsertsAndDeletes() {
    IncrCollection<Double> xs = engine.collection();
    Computed<Double> sum = xs.sum(x -> x);
    xs.insert(1e20);
    xs.insert(1.0);
    xs.insert(0.1);
    assertEquals(1e20, sum.get());
    xs.delete(1e20);
    assertEquals(1.1, sum.get(), "no residue of the big value");
    xs.insert(Double.NaN);
    assertTrue(sum.get().isNaN());
    xs.delete(Double.NaN);
    assertEquals(1.1, sum.get());
    xs.insert(Double.POSITIVE_INFINITY);
    assertEquals(Double.POSITIVE_INFINITY, sum.get());
    xs.insert(Double.NEGATIVE_INFINITY);
    assertTrue(sum.get().isNaN());
  }

  @Test
  void minAndMaxFollowDeletes() {
    IncrCollection<Integer> xs = engine.collection();
    Computed<Optional<Integer>> min = xs.min(Comparator.naturalOrder());
    Computed<Optional<Integer>> max = xs.max(Comparator.naturalOrder());
    assertEquals(Optional.empty(), min.get());
    xs.insertAll(List.of(5, 3, 9, 3));
    assertEquals(Optional.of(3), min.get());
    assertEquals(Optional.of(9), max.get());
    xs.delete(3);
    assertEquals(Optional.of(3), min.get(), "one 3 left");
    xs.delete(3);
    xs.delete(9);
    assertEquals(Optional.of(5), min.get());
    assertEquals(Optional.of(5), max.get());
  }

  @Test
  void maxPrefersTheEarliestInsertedAmongEquals() {
    IncrCollection<String> xs = engine.collection();
    Computed<Optional<String>> longest = xs.max(Comparator.comparingInt(String::length));
    Computed<Optional<String>> shortest = xs.min(Comparator.comparingInt(String::length));
    xs.insertAll(List.of("bb", "aa", "c", "d"));
    assertEquals(Optional.of("bb"), longest.get());
    assertEquals(Optional.of("c"), shortest.get());
  }

  @Test
  void sortByKeepsInsertionOrderForTies() {
    IncrCollection<String> xs = engine.collection();
    SortedCollection<String> byLength = xs.sortBy(String::length);
    xs.insertAll(List.of("ccc", "b", "a", "dd", "e"));
    assertEquals(List.of("b", "a", "e", "dd", "ccc"), byLength.entries());
    assertEquals("dd", byLength.get(3));
    xs.delete("a");
    xs.insert("a");
    assertEquals(List.of("b", "e", "a", "dd", "ccc"), byLength.entries(), "re-inserted goes last");
    assertThrows(IndexOutOfBoundsException.class, () -> byLength.get(5));
  }

  @Test
  void pairwiseAndWindowEmitAdjacentRuns() {
    IncrCollection<Integer> xs = engine.collection();
    SortedCollection<Integer> sorted = xs.sortBy(x -> x);
    IncrCollection<Pair<Integer, Integer>> pairs = sorted.pairwise();
    IncrCollection<List<Integer>> windows = sorted.window(3);
    xs.insertAll(List.of(30, 10, 20));
    assertEquals(List.of(Pair.of(10, 20), Pair.of(20, 30)), sortedPairs(pairs.toList()));
    assertEquals(List.of(List.of(10, 20, 30)), windows.toList());
    xs.insert(15);
    Bags.assertSameBag(
        List.of(Pair.of(10, 15), Pair.of(15, 20), Pair.of(20, 30)), pairs.toList(), "after insert");
    Bags.assertSameBag(
        List.of(List.of(10, 15, 20), List.of(15, 20, 30)), windows.toList(), "after insert");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sorted.window(0));
    assertTrue(e.getMessage().contains("n >= 1"), e.getMessage());
  }

  @Test
  void windowsOfAnySizeTheApiAcceptsFollowInsertsAndDeletes() {
    IncrCollection<Integer> xs = engine.collection();
    SortedCollection<Integer> sorted = xs.sortBy(x -> x);
    IncrCollection<List<Integer>> huge = sorted.window(Integer.MAX_VALUE);
    IncrCollection<List<Integer>> whole = sorted.window(3);
    Computed<Long> hugeCount = huge.count();
    xs.insertAll(List.of(3, 1, 2));
    assertEquals(List.of(), huge.toList());
    assertEquals(0L, hugeCount.get());
    assertEquals(List.of(List.of(1, 2, 3)), whole.toList());
    assertTrue(xs.delete(2));
    assertEquals(List.of(), huge.toList(), "after a delete");
    assertEquals(List.of(), whole.toList(), "after a delete");
    xs.insert(2);
    assertEquals(List.of(List.of(1, 2, 3)), whole.toList(), "after re-inserting");
    assertEquals(0L, hugeCount.get(), "after re-inserting");
    assertEquals(List.of(), sorted.window(Integer.MAX_VALUE - 1).toList());
  }

  private static List<Pair<Integer, Integer>> sortedPairs(List<Pair<Integer, Integer>> pairs) {
    List<Pair<Integer, Integer>> copy = new ArrayList<>(pairs);
    copy.sort(Comparator.comparing(Pair::first));
    return copy;
  }

  @Test
  void groupIsEmptyUntilItsKeyHasElementsAndStaysTheSameObject() {
    GroupedCollection<Integer, String> byLength = words.groupBy(String::length);
    IncrCollection<String> twos = byLength.group(2);
    assertEquals(List.of(), twos.toList());
    words.insertAll(List.of("ab", "c", "de"));
    Bags.assertSameBag(List.of("ab", "de"), twos.toList(), "group 2");
    words.deleteAll(List.of("ab", "de"));
    assertEquals(List.of(), twos.toList());
    assertSame(twos, byLength.group(2));
    words.insert("xy");
    assertEquals(List.of("xy"), byLength.group(2).toList());
    Bags.assertSameBag(
        List.of(Pair.of(1, 1L), Pair.of(2, 1L)), byLength.count().toList(), "counts");
  }

  @Test
  void aGroupsReadersAreNotReRunWhenOtherGroupsChange() {
    GroupedCollection<Integer, String> byLength = words.groupBy(String::length);
    Computed<Long> ones = byLength.group(1).count();
    AtomicInteger runs = new AtomicInteger();
    Computed<Long> reader =
        engine.computed(
            () -> {
              runs.incrementAndGet();
              return ones.get();
            });
    words.insert("a");
    assertEquals(1L, reader.get());
    words.insert("abc");
    words.insert("abcd");
    assertEquals(1L, reader.get());
    assertEquals(1, runs.get());
  }

  @Test
  void joinIsMultisetCorrect() {
    IncrCollection<String> left = engine.collection();
    IncrCollection<Integer> right = engine.collection();
    IncrCollection<Pair<String, Integer>> joined = left.join(right, String::length, x -> x);
    left.insertAll(List.of("a", "a", "bb"));
    right.insertAll(List.of(1, 1, 2, 3));
    Bags.assertSameBag(
        List.of(
            Pair.of("a", 1), Pair.of("a", 1), Pair.of("a", 1), Pair.of("a", 1), Pair.of("bb", 2)),
        joined.toList(),
        "join");
    right.delete(1);
    left.delete("bb");
    Bags.assertSameBag(List.of(Pair.of("a", 1), Pair.of("a", 1)), joined.toList(), "after delete");
  }

  @Test
  void generalReduceSeesTheWholeCollection() {
    Computed<String> joined =
        words.reduce(list -> String.join(",", list.stream().sorted().toList()));
    words.insertAll(List.of("b", "a"));
    assertEquals("a,b", joined.get());
  }

  @Test
  void toListInsideAComputationIsATrackedRead() {
    Computed<Integer> size = engine.computed(() -> words.toList().size());
    assertEquals(0, size.get());
    words.insert("a");
    assertEquals(1, size.get());
  }

  // ---------------------------------------------------------------------------------------------
  // Bad use

  @Test
  void insertInsideAComputationNamesTheCollection() {
    words.label("words");
    Computed<Integer> bad =
        engine.computed(
            () -> {
              words.insert("x");
              return 1;
            });
    IllegalStateException e = assertThrows(IllegalStateException.class, bad::get);
    assertTrue(e.getMessage().contains("'words'"), e.getMessage());
    assertTrue(e.getMessage().contains("inside a computation"), e.getMessage());
    assertEquals(List.of(), words.toList(), "nothing was inserted");
    words.insert("y");
    assertEquals(List.of("y"), words.toList(), "the engine stays usable");
  }

  @Test
  void deleteInsideAComputationNamesTheCollection() {
    words.label("words");
    words.insert("x");
    Computed<Boolean> bad = engine.computed(() -> words.delete("x"));
    IllegalStateException e = assertThrows(IllegalStateException.class, bad::get);
    assertTrue(e.getMessage().contains("'words'"), e.getMessage());
    assertEquals(List.of("x"), words.toList());
  }

  @Test
  void nullElementsAreRejectedWithAnExplanation() {
    words.label("words");
    NullPointerException e = assertThrows(NullPointerException.class, () -> words.insert(null));
    assertTrue(e.getMessage().contains("'words'"), e.getMessage());
    assertThrows(
        NullPointerException.class, () -> words.insertAll(java.util.Arrays.asList("a", null)));
    assertEquals(List.of(), words.toList(), "insertAll checks before inserting anything");
    assertFalse(words.delete(null));
  }

  @Test
  void derivedCollectionsRejectChanges() {
    IncrCollection<String> filtered = words.filter(w -> true).label("filtered");
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> filtered.insert("a"));
    assertTrue(e.getMessage().contains("'filtered'"), e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> filtered.delete("a"));
  }

  @Test
  void aThrowingFunctionReachesTheReaderAndIsRetried() {
    IncrCollection<Integer> xs = engine.collection();
    Computed<Long> count = xs.filter(x -> 10 / x > 0).count();
    xs.insert(1);
    assertEquals(1L, count.get());
    xs.insert(0);
    assertThrows(ArithmeticException.class, count::get);
    assertThrows(
        ArithmeticException.class, count::get, "still failing: the element is still there");
    xs.delete(0);
    assertEquals(1L, count.get(), "the bad element came and went: the stage recovers");
    xs.insert(2);
    assertEquals(2L, count.get());
  }

  @Test
  void aThrowingMapFunctionLeavesTheStageAsItWasAndIsRetried() {
    IncrCollection<Integer> xs = engine.collection();
    IncrCollection<Integer> mapped = xs.map(x -> 10 / x);
    Computed<Long> count = mapped.count();
    xs.insert(5);
    assertEquals(1L, count.get());
    xs.insert(0);
    xs.insert(2);
    assertThrows(ArithmeticException.class, count::get);
    assertThrows(ArithmeticException.class, mapped::toList, "still failing on the same element");
    Introspection.checkInvariants(mapped);
    xs.delete(0);
    assertEquals(2L, count.get(), "the bad element came and went: the stage recovers");
    Bags.assertSameBag(List.of(2, 5), mapped.toList(), "mapped");
    Introspection.checkInvariants(mapped);
  }

  @Test
  void nullArgumentsOfOperationsAreRejectedNamingTheCallTheCollectionAndWhatToPass() {
    IncrCollection<String> words = engine.<String>collection().label("words");
    IncrCollection<String> visible = words.filter(w -> true).label("visible");
    GroupedCollection<Integer, String> byLength = words.groupBy(String::length).label("byLength");
    assertNullArgument(() -> words.filter(null),
        "filter(null) on 'words': pass the predicate of the elements to keep.");
    assertNullArgument(() -> visible.map(null),
        "map(null) on 'visible': pass the function that maps each element.");
    assertNullArgument(() -> words.sortBy(null),
        "sortBy(null) on 'words': pass the function giving each element's sort key.");
    assertNullArgument(() -> words.groupBy(null),
        "groupBy(null) on 'words': pass the function giving each element's group key.");
    assertNullArgument(() -> words.join(null, w -> w, w -> w),
        "join(null, ...) on 'words': pass the collection to join with.");
    assertNullArgument(() -> words.join(visible, null, w -> w),
        "join(other, null, rightKey) on 'words': pass the key function of this side.");
    assertNullArgument(() -> words.sum(null),
        "sum(null) on 'words': pass the function giving each element's value.");
    assertNullArgument(() -> words.max(null),
        "max(null) on 'words': pass the comparator that orders elements.");
    assertNullArgument(() -> words.reduce("", null),
        "reduce(identity, null) on 'words': pass the function that combines elements.");
    assertNullArgument(() -> words.insertAll(null),
        "insertAll(null) on 'words': pass the elements to insert.");
    assertNullArgument(() -> words.label(null),
        "label(null) on 'words': pass a non-null name.");
    assertNullArgument(() -> byLength.min(null),
        "min(null) on 'byLength': pass the comparator that orders elements.");
    assertNullArgument(() -> byLength.aggregate(null),
        "aggregate(null) on 'byLength': pass the aggregate of one group.");
    assertNullArgument(() -> words.join(visible, w -> w, null),
        "join(other, leftKey, null) on 'words': pass the key function of the other side.");
    assertNullArgument(() -> words.min(null),
        "min(null) on 'words': pass the comparator that orders elements.");
    assertNullArgument(() -> words.reduce(0, null, (a, w) -> a),
        "reduce(identity, null, remove) on 'words': pass the function that adds an element.");
    assertNullArgument(() -> words.reduce(0, (a, w) -> a, null),
        "reduce(identity, add, null) on 'words': pass the function that removes an element.");
    assertNullArgument(
        () -> words.reduce((java.util.function.Function<List<String>, Integer>) null),
        "reduce(null) on 'words': pass the function of the whole list.");
    assertNullArgument(() -> words.deleteAll(null),
        "deleteAll(null) on 'words': pass the elements to delete.");
    assertNullArgument(() -> byLength.sum(null),
        "sum(null) on 'byLength': pass the function giving each element's value.");
    assertNullArgument(() -> byLength.max(null),
        "max(null) on 'byLength': pass the comparator that orders elements.");
    assertNullArgument(() -> byLength.reduce("", null),
        "reduce(identity, null) on 'byLength': pass the function that combines elements.");
    assertNullArgument(() -> byLength.reduce(0, null, (a, w) -> a),
        "reduce(identity, null, remove) on 'byLength': pass the function that adds an element.");
    assertNullArgument(() -> byLength.reduce(
            (java.util.function.Function<List<String>, Integer>) null),
        "reduce(null) on 'byLength': pass the function of the whole list.");
    assertNullArgument(() -> byLength.label(null),
        "label(null) on 'byLength': pass a non-null name.");
    words.insert("ab");
    assertEquals(List.of("ab"), visible.toList());
    assertEquals(List.of(new Pair<>(2, 1L)), byLength.count().toList());
  }

  private static void assertNullArgument(
      org.junit.jupiter.api.function.Executable call, String message) {
    NullPointerException e = assertThrows(NullPointerException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void anOperatorFunctionThatReadsANodeFailsNamingBothAndTheEngineStaysUsable() {
    dev.incr.Var<Integer> threshold = engine.var(5).label("threshold");
    IncrCollection<Integer> xs = engine.<Integer>collection().label("xs");
    IncrCollection<Integer> big = xs.filter(x -> x > threshold.get()).label("big");
    Computed<Long> fine = xs.filter(x -> x > 5).count();
    xs.insertAll(List.of(1, 6, 10));
    IllegalStateException e = assertThrows(IllegalStateException.class, big::toList);
    assertEquals("The function of 'big' read node 'threshold'. Functions given to collection"
        + " operators run once per changed element and may depend only on it: the collection"
        + " would not follow 'threshold'. Read it outside the operator, for example in a computed"
        + " over the input's toList(), or make it part of the elements (join).", e.getMessage());
    List<org.junit.jupiter.api.function.Executable> reads = List.of(
        xs.map(x -> x + threshold.get()).label("shifted")::toList,
        xs.sortBy(x -> x * threshold.get()).label("scaled")::toList,
        () -> xs.groupBy(x -> x % threshold.get()).label("mod").count().toList(),
        xs.join(xs, x -> x + threshold.get(), x -> x).label("pairs")::toList,
        xs.sum(x -> x * threshold.get())::get,
        xs.min(Comparator.comparing(x -> x + threshold.get()))::get,
        xs.reduce(0, (a, b) -> a + b + threshold.get())::get,
        xs.reduce(0, (a, x) -> a + x + threshold.get(), (a, x) -> a - x)::get);
    for (org.junit.jupiter.api.function.Executable read : reads) {
      e = assertThrows(IllegalStateException.class, read);
      assertTrue(e.getMessage().contains("read node 'threshold'"), e.getMessage());
    }
    IncrCollection<Integer> setter =
        xs.filter(x -> { threshold.set(x); return true; }).label("setter");
    e = assertThrows(IllegalStateException.class, setter::toList);
    assertEquals("Cannot set 'threshold' inside the function of 'setter': computations must not"
        + " change inputs. Make the change outside, after get() returns.", e.getMessage());
    dev.incr.Var<Integer> foreign = newEngine().var(0).label("foreign");
    IncrCollection<Integer> reader = xs.filter(x -> x > foreign.get()).label("reader");
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class, reader::toList);
    assertEquals("Node 'foreign' belongs to another engine than the function of 'reader', which"
        + " reads it; a computation may only read nodes of its own engine.", other.getMessage());
    // Nothing else is disturbed: the source, another pipeline, the node and writes all work.
    assertEquals(2L, fine.get());
    threshold.set(7);
    xs.insert(8);
    assertEquals(3L, fine.get());
    Bags.assertSameBag(List.of(1, 6, 10, 8), xs.toList(), "xs");
    assertEquals(7, threshold.get());
  }

  @Test
  void mapToNullAndNullKeysAreReportedOnRead() {
    IncrCollection<Integer> xs = engine.collection();
    IncrCollection<String> mapped = xs.map(x -> (String) null).label("toNull");
    xs.insert(1);
    NullPointerException e = assertThrows(NullPointerException.class, mapped::toList);
    assertTrue(e.getMessage().contains("'toNull'"), e.getMessage());
    SortedCollection<Integer> sorted = xs.sortBy(x -> (Integer) null);
    assertThrows(NullPointerException.class, sorted::toList);
    assertThrows(NullPointerException.class, () -> xs.groupBy(x -> null).count().toList());
    IncrCollection<Pair<Integer, Integer>> joined =
        xs.join(xs, x -> (Integer) null, x -> x).label("nullJoin");
    e = assertThrows(NullPointerException.class, joined::toList);
    assertTrue(
        e.getMessage().contains("'nullJoin'") && e.getMessage().contains("1"), e.getMessage());
    GroupedCollection<Integer, Integer> grouped = xs.groupBy(x -> x).label("byItself");
    e = assertThrows(NullPointerException.class, () -> grouped.group(null));
    assertTrue(e.getMessage().contains("'byItself'"), e.getMessage());
  }

  @Test
  void joiningCollectionsOfDifferentEnginesIsRejected() {
    IncrCollection<String> other = newEngine().collection();
    other.label("other");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> words.join(other, w -> w, w -> w));
    assertTrue(e.getMessage().contains("'other'"), e.getMessage());
  }

  @Test
  void aLongChainOfStagesReadsWithoutStackOverflow() {
    IncrCollection<Integer> xs = engine.collection();
    IncrCollection<Integer> chain = xs;
    for (int i = 0; i < 3_000; i++) {
      chain = i % 2 == 0 ? chain.filter(x -> x >= 0) : chain.map(x -> x + 1);
    }
    Computed<Long> count = chain.count();
    Computed<Double> sum = chain.sum(x -> x);
    xs.insertAll(List.of(1, 2, 3));
    assertEquals(3L, count.get());
    assertEquals(6.0 + 3 * 1_500, sum.get());
    xs.delete(2);
    assertEquals(2L, count.get());
    assertEquals(4.0 + 2 * 1_500, sum.get());
  }

  /** An element with identity equality and a mutable field: the wrong thing to key on. */
  static final class Box {
    int v;

    Box(int v) {
      this.v = v;
    }

    @Override
    public String toString() {
      return "Box(" + v + ")";
    }
  }

  @Test
  void aKeyThatChangesBetweenInsertAndDeleteIsReportedAsImpure() {
    IncrCollection<Box> boxes = engine.collection();
    IncrCollection<Pair<Integer, Long>> counts = boxes.groupBy(b -> b.v).label("byV").count();
    IncrCollection<Pair<Box, Box>> joined = boxes.join(boxes, b -> b.v, b -> b.v).label("selfJoin");
    Box box = new Box(1);
    boxes.insert(box);
    assertEquals(List.of(Pair.of(1, 1L)), counts.toList());
    assertEquals(List.of(Pair.of(box, box)), joined.toList());
    box.v = 2;
    boxes.delete(box);
    IllegalStateException e = assertThrows(IllegalStateException.class, counts::toList);
    assertTrue(e.getMessage().contains("'byV'") && e.getMessage().contains("pure"), e.getMessage());
    e = assertThrows(IllegalStateException.class, joined::toList);
    assertTrue(
        e.getMessage().contains("'selfJoin'") && e.getMessage().contains("pure"), e.getMessage());
  }

  @Test
  void anEqualElementWithAnotherKeyIsReportedAsImpure() {
    IncrCollection<Box> boxes = engine.collection();
    IncrCollection<Box> group1 = boxes.groupBy(b -> b.v).label("byV").group(1);
    Box box = new Box(1);
    boxes.insert(box);
    assertEquals(List.of(box), group1.toList());
    box.v = 2;
    boxes.insert(box);
    IllegalStateException e = assertThrows(IllegalStateException.class, group1::toList);
    assertTrue(
        e.getMessage().contains("'byV'")
            && e.getMessage().contains("equal element")
            && e.getMessage().contains("pure"),
        e.getMessage());
  }

  @Test
  void aQueryReadingOnePositionIsReRunOnlyWhenThatPositionChanges() {
    IncrCollection<Integer> xs = engine.collection();
    SortedCollection<Integer> sorted = xs.sortBy(x -> x);
    AtomicInteger runs = new AtomicInteger();
    Computed<String> lowest =
        engine.computed(
            () -> {
              runs.incrementAndGet();
              return "lowest " + sorted.get(0);
            });
    xs.insertAll(List.of(5, 7));
    assertEquals("lowest 5", lowest.get());
    xs.insert(9);
    xs.delete(7);
    assertEquals("lowest 5", lowest.get());
    assertEquals(1, runs.get(), "position 0 did not change");
    xs.insert(1);
    assertEquals("lowest 1", lowest.get());
    assertEquals(2, runs.get());
  }

  @Test
  void observersOfAggregatesAreNotifiedOfChanges() {
    List<Long> seen = new ArrayList<>();
    try (var observation = engine.observe(words.count(), seen::add)) {
      words.insert("a");
      engine.batch(
          () -> {
            words.insert("b");
            words.delete("b");
          });
      words.insertAll(List.of("c", "d"));
      assertTrue(!observation.isClosed());
    }
    words.insert("e");
    assertEquals(List.of(1L, 3L), seen);
  }

  @Test
  void anObserverMayChangeTheCollectionItObserves() {
    List<Long> seen = new ArrayList<>();
    List<Boolean> nestedDeletes = new ArrayList<>();
    try (var observation =
        engine.observe(
            words.count(),
            n -> {
              seen.add(n);
              if (n == 2) {
                nestedDeletes.add(words.delete("a"));
                nestedDeletes.add(words.delete("absent"));
              }
            })) {
      words.insert("a");
      assertTrue(words.delete("a"), "the outer delete reports its own element");
      words.insert("a");
      words.insert("b");
      assertTrue(words.delete("b"), "the nested deletes do not change the outer result");
      assertFalse(observation.isClosed());
    }
    assertEquals(List.of(true, false), nestedDeletes);
    assertEquals(List.of(), words.toList());
    assertEquals(List.of(1L, 0L, 1L, 2L, 1L, 0L), seen);
  }

  @Test
  void readsInsideABatchSeeTheChangesMadeSoFar() {
    IncrCollection<Integer> xs = engine.collection();
    Computed<Long> count = xs.count();
    Computed<Double> sum = xs.sum(x -> x);
    SortedCollection<Integer> sorted = xs.sortBy(x -> -x);
    List<String> seen = new ArrayList<>();
    engine.batch(
        () -> {
          xs.insert(1);
          seen.add(count.get() + " " + sum.get() + " " + sorted.entries());
          xs.insert(2);
          seen.add(count.get() + " " + sum.get() + " " + sorted.entries());
          xs.delete(1);
          seen.add(count.get() + " " + sum.get() + " " + sorted.entries());
        });
    assertEquals(List.of("1 1.0 [1]", "2 3.0 [2, 1]", "1 2.0 [2]"), seen);
  }

  @Test
  void perGroupRunsOncePerGroupEvenWhenAHandedOutGroupEmptiesAndRefills() {
    GroupedCollection<Integer, String> byLength = words.groupBy(String::length);
    IncrCollection<String> ones = byLength.group(1);
    AtomicInteger built = new AtomicInteger();
    IncrCollection<Pair<Integer, Long>> counts =
        byLength.aggregate(
            g -> {
              built.incrementAndGet();
              return g.count();
            });
    words.insert("a");
    assertEquals(List.of(Pair.of(1, 1L)), counts.toList());
    words.delete("a");
    assertEquals(List.of(), counts.toList(), "no pair for a key without elements");
    words.insert("b");
    assertEquals(List.of(Pair.of(1, 1L)), counts.toList());
    assertEquals(1, built.get());
    assertEquals(List.of("b"), ones.toList());
  }

  @Test
  void aFoldNeedsNoInverseAndSurvivesAThrowingAccumulator() {
    IncrCollection<Integer> xs = engine.collection();
    Computed<Integer> max =
        xs.reduce(
            Integer.MIN_VALUE,
            (a, b) -> {
              if (a == 13 || b == 13) {
                throw new IllegalArgumentException("unlucky");
              }
              return Math.max(a, b);
            });
    assertEquals(Integer.MIN_VALUE, max.get());
    for (int i = 0; i < 100; i++) {
      xs.insert(i * 7 % 100 + 20);
    }
    assertEquals(119, max.get());
    xs.insert(13);
    assertThrows(IllegalArgumentException.class, max::get);
    xs.delete(13);
    assertEquals(119, max.get());
    for (int i = 0; i < 100; i++) {
      xs.delete(i * 7 % 100 + 20);
    }
    xs.insert(5);
    assertEquals(5, max.get());
  }
}
