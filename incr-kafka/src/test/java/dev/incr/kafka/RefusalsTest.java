package dev.incr.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incr.Engine;
import dev.incr.IncrCollection;
import dev.incr.Node;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every operator a pipeline cannot run on Kafka Streams is refused when the definition calls it,
 * with a message that names it and says what to do; misuses of a definition are errors naming the
 * topic or collection. The same definitions run in-process.
 */
class RefusalsTest {
  record Item(int key, int value) {}

  private static final String ELSEWHERE =
      " Publish its input with topics.output(...) and apply it in the engine that reads that topic"
          + " (OutputReader gives an incr collection there, and the same incr code runs on it);"
          + " or wrap it in topics.inOnePartition(input, c -> ...) to run it in a single partition.";

  private static final String UNDOABLE =
      " Use count, sum, min, max or the invertible reduce(identity, add, remove) if they fit.";

  /** Asserts that translating a pipeline whose definition runs {@code body} on a source throws. */
  private static <X extends Throwable> void refused(
      Class<X> type, String message, Consumer<IncrCollection<Item>> body) {
    Pipeline pipeline = topics -> body.accept(topics.source("items", Codec.records()));
    X thrown = assertThrows(type, () -> KafkaPipeline.of(pipeline));
    assertEquals(message, thrown.getMessage());
  }

  @Test
  void sortByNamesItselfAndTheWaysToRunIt() {
    refused(
        UnsupportedOperationException.class,
        "sortBy on 'items' cannot be distributed over partitions: it orders the whole collection,"
            + " which no partition sees (and pairwise and window work on that order)."
            + ELSEWHERE,
        items -> items.sortBy(Item::value).pairwise());
  }

  @Test
  void sortByNamesTheLabelledCollection() {
    refused(
        UnsupportedOperationException.class,
        "sortBy on 'big' cannot be distributed over partitions: it orders the whole collection,"
            + " which no partition sees (and pairwise and window work on that order)."
            + ELSEWHERE,
        items -> items.filter(i -> i.value() > 3).label("big").sortBy(Item::value).window(3));
  }

  @Test
  void foldThatCannotBeUndone() {
    refused(
        UnsupportedOperationException.class,
        "reduce(identity, accumulator) on 'items' cannot be distributed over partitions: a fold"
            + " that cannot be undone must see the remaining elements again when one is deleted."
            + UNDOABLE
            + ELSEWHERE,
        items -> items.map(Item::value).label("items").reduce(0, Math::max));
  }

  @Test
  void reduceOverTheWholeList() {
    refused(
        UnsupportedOperationException.class,
        "reduce(function) on 'items' cannot be distributed over partitions: its function reads all"
            + " the elements at once."
            + UNDOABLE
            + ELSEWHERE,
        items -> items.reduce(List::size));
  }

  @Test
  void groupedFoldThatCannotBeUndone() {
    refused(
        UnsupportedOperationException.class,
        "GroupedCollection.reduce(identity, accumulator) on 'by key' cannot be distributed over"
            + " partitions: a fold that cannot be undone must see the remaining elements again when"
            + " one is deleted."
            + UNDOABLE
            + ELSEWHERE,
        items ->
            items.groupBy(Item::key).label("by key").reduce(new Item(0, 0), (a, b) -> a));
  }

  @Test
  void groupedReduceOverTheWholeList() {
    refused(
        UnsupportedOperationException.class,
        "GroupedCollection.reduce(function) on 'groupBy(items)' cannot be distributed over"
            + " partitions: its function reads all the elements at once."
            + UNDOABLE
            + ELSEWHERE,
        items -> items.groupBy(Item::key).reduce(List::size));
  }

  @Test
  void perGroupNodeNotBuiltFromTheGroup() {
    refused(
        IllegalArgumentException.class,
        "aggregate on 'groupBy(items)': on Kafka the per-group function must build its node from"
            + " the group it is given, through filter and map only, ending in count, sum, min, max"
            + " or an invertible reduce; it returned 'count(items)'",
        items -> items.groupBy(Item::key).aggregate(g -> items.count()));
  }

  @Test
  void joinInsideAGroup() {
    refused(
        UnsupportedOperationException.class,
        "join inside aggregate(...) on 'groupBy(items) (a group)' cannot be distributed: a group's"
            + " aggregate is built from its own elements through filter and map only; join before"
            + " groupBy instead",
        items -> items.groupBy(Item::key).aggregate(g -> g.join(items, i -> i, i -> i).count()));
  }

  @Test
  void groupByInsideAGroup() {
    refused(
        UnsupportedOperationException.class,
        "groupBy inside aggregate(...) on 'groupBy(groupBy(items) (a group))' cannot be"
            + " distributed: a group's aggregate is built from its own elements through filter and"
            + " map only; group by both keys at once instead (a Pair key)",
        items -> items.groupBy(Item::key).aggregate(g -> g.groupBy(Item::value).count().count()));
  }

  @Test
  void contentsDuringTranslation() {
    refused(
        IllegalStateException.class,
        "toList() of 'items' has no value while a pipeline is being translated for Kafka: the data"
            + " lives in the topics. Publish it with topics.output(...) and read it with"
            + " OutputReader.",
        IncrCollection::toList);
    refused(
        IllegalStateException.class,
        "the count of 'count(items)' has no value while a pipeline is being translated for Kafka:"
            + " the data lives in the topics. Publish it with topics.output(...) and read it with"
            + " OutputReader.",
        items -> items.count().getAsLong());
    refused(
        IllegalStateException.class,
        "the sum of 'total' has no value while a pipeline is being translated for Kafka: the data"
            + " lives in the topics. Publish it with topics.output(...) and read it with"
            + " OutputReader.",
        items -> items.sum(Item::value).label("total").get());
  }

  @Test
  void changesInsideTheDefinition() {
    refused(
        UnsupportedOperationException.class,
        "'items' is part of a pipeline translated for Kafka: change its source by writing to the"
            + " source topic (SourceWriter), not by insert or delete in the definition",
        items -> items.insert(new Item(1, 2)));
  }

  @Test
  void engineMethods() {
    refused(
        UnsupportedOperationException.class,
        "Engine.computed is not available while a pipeline is being translated for Kafka: a"
            + " pipeline is built from its sources' collection operators only. Compute on the"
            + " results in the engine that reads the output topics (OutputReader).",
        items -> items.engine().computed(() -> 1));
    refused(
        UnsupportedOperationException.class,
        "Engine.collection is not available while a pipeline is being translated for Kafka: a"
            + " pipeline is built from its sources' collection operators only. Compute on the"
            + " results in the engine that reads the output topics (OutputReader).",
        items -> items.engine().collection());
  }

  @Test
  void outputOfACollectionFromElsewhere() {
    IncrCollection<Item> foreign = Engine.singleThreaded().collection();
    foreign.label("foreign");
    refused(
        IllegalArgumentException.class,
        "output 'out': collection 'foreign' does not come from this pipeline's sources"
            + " (topics.source(...))",
        items -> topicsOf(items).output("out", foreign, Codec.records()));
  }

  @Test
  void outputOfANodeFromElsewhere() {
    Engine engine = Engine.singleThreaded();
    Node<Integer> foreign = engine.computed(() -> 1).label("one");
    refused(
        IllegalArgumentException.class,
        "output 'out': one is not an aggregate of this pipeline's collections; publish count(),"
            + " sum, min, max or an invertible reduce of one of them",
        items -> topicsOf(items).output("out", foreign, Codec.records()));
  }

  @Test
  void topicUsedTwice() {
    Pipeline pipeline =
        topics -> {
          IncrCollection<Item> items = topics.source("items", Codec.records());
          topics.output("items", items, Codec.records());
        };
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> KafkaPipeline.of(pipeline));
    assertEquals("topic 'items' is already a source or an output of this pipeline", thrown.getMessage());
    IllegalArgumentException local =
        assertThrows(
            IllegalArgumentException.class,
            () -> LocalPipeline.start(Engine.singleThreaded(), pipeline));
    assertEquals("topic 'items' is already a source or an output of this pipeline", local.getMessage());
  }

  @Test
  void refusedOperatorsRunInProcess() {
    Pipeline pipeline =
        topics -> {
          IncrCollection<Item> items = topics.source("items", Codec.records());
          topics.output("legs", items.sortBy(Item::value).pairwise(), Codec.records());
          topics.output("largest", items.map(Item::value).reduce(0, Math::max), Codec.records());
        };
    LocalPipeline local = LocalPipeline.start(Engine.singleThreaded(), pipeline);
    local.batch(
        b -> {
          b.insert("items", new Item(1, 7));
          b.insert("items", new Item(2, 3));
        });
    assertEquals(1, local.collection("legs").toList().size());
    assertEquals(7, local.node("largest").get());
  }

  /** The topics of the definition that made {@code items}, reached through a recorded step. */
  private static Topics topicsOf(IncrCollection<Item> items) {
    return ((RecordedCollection<Item>) items).recorder();
  }
}
