package dev.incr.kafka;

import dev.incr.GroupedCollection;
import dev.incr.IncrCollection;
import dev.incr.Pair;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Seeded random insert/delete sequences through each pipeline in-process, as a topology in {@code
 * TopologyTestDriver}, and from scratch: every output equal after every batch. Small value ranges
 * give duplicates, ties and deletes of absent elements.
 */
class PipelineEquivalenceTest {

  record Item(int key, int value) {}

  record Tag(int key, String name) {}

  static final Codec<Item> ITEMS = Codec.json(Item.class);
  static final Codec<Tag> TAGS = Codec.records();
  static final Comparator<Item> BY_VALUE = Comparator.comparingInt(Item::value);
  static final Comparator<Item> STRICTLY =
      Comparator.comparingInt(Item::value).thenComparingInt(Item::key);
  static final String[] NAMES = {"a", "b", "c"};

  // ---------------------------------------------------------------------------------------------
  // Pipelines and their from-scratch oracles

  static final Pipeline ELEMENTWISE =
      topics -> {
        IncrCollection<Item> items = topics.source("items", ITEMS);
        IncrCollection<Item> big = items.filter(i -> i.value() > 1);
        IncrCollection<Integer> codes = big.map(i -> i.key() * 10 + i.value() % 3);
        topics.output("big", big, ITEMS);
        topics.output("codes", codes, Codec.records());
        topics.output("big-count", big.count(), Codec.records());
        topics.output("codes-sum", codes.sum(c -> c * 0.1), Codec.records());
        topics.output("min", items.min(BY_VALUE), Codec.records());
        topics.output("max", items.max(BY_VALUE), Codec.records());
        topics.output(
            "weighted",
            items.reduce(
                0L, (a, i) -> a + (long) i.key() * i.value(), (a, i) -> a - (long) i.key() * i.value()),
            Codec.records());
      };

  static Map<String, Object> elementwise(Map<String, List<Object>> live) {
    List<Item> items = items(live);
    List<Item> big = items.stream().filter(i -> i.value() > 1).toList();
    List<Integer> codes = big.stream().map(i -> i.key() * 10 + i.value() % 3).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("big", Bags.of(big));
    out.put("codes", Bags.of(codes));
    out.put("big-count", (long) big.size());
    out.put("codes-sum", exactSum(codes, c -> c * 0.1));
    out.put("min", items.stream().reduce((a, b) -> BY_VALUE.compare(a, b) <= 0 ? a : b));
    out.put("max", items.stream().reduce((a, b) -> BY_VALUE.compare(a, b) >= 0 ? a : b));
    out.put("weighted", items.stream().mapToLong(i -> (long) i.key() * i.value()).sum());
    return out;
  }

  static final Pipeline GROUPED =
      topics -> {
        IncrCollection<Item> items = topics.source("items", ITEMS);
        GroupedCollection<Integer, Item> byKey = items.groupBy(Item::key);
        topics.output("count", byKey.count(), Codec.records());
        topics.output("sum", byKey.sum(i -> i.value() * 0.1), Codec.records());
        topics.output("min", byKey.min(BY_VALUE), Codec.records());
        topics.output("max", byKey.max(BY_VALUE), Codec.records());
        topics.output(
            "squares",
            byKey.reduce(
                0L,
                (a, i) -> a + (long) i.value() * i.value(),
                (a, i) -> a - (long) i.value() * i.value()),
            Codec.records());
        topics.output(
            "big-doubled",
            byKey.aggregate(g -> g.filter(i -> i.value() > 2).map(i -> i.value() * 2).sum(v -> v)),
            Codec.records());
        topics.output("least", byKey.aggregate(g -> g.min(BY_VALUE)), Codec.records());
        topics.output("group-2", byKey.group(2), ITEMS);
      };

  static Map<String, Object> grouped(Map<String, List<Object>> live) {
    List<Item> items = items(live);
    Map<Integer, List<Item>> groups = groups(items, Item::key);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", pairs(groups, g -> (long) g.size()));
    out.put("sum", pairs(groups, g -> exactSum(g, i -> i.value() * 0.1)));
    out.put(
        "min", pairs(groups, g -> g.stream().reduce((a, b) -> BY_VALUE.compare(a, b) <= 0 ? a : b).get()));
    out.put(
        "max", pairs(groups, g -> g.stream().reduce((a, b) -> BY_VALUE.compare(a, b) >= 0 ? a : b).get()));
    out.put("squares", pairs(groups, g -> g.stream().mapToLong(i -> (long) i.value() * i.value()).sum()));
    out.put(
        "big-doubled",
        pairs(
            groups,
            g -> exactSum(g.stream().filter(i -> i.value() > 2).map(i -> i.value() * 2).toList(), v -> v)));
    out.put(
        "least", pairs(groups, g -> g.stream().reduce((a, b) -> BY_VALUE.compare(a, b) <= 0 ? a : b)));
    out.put("group-2", Bags.of(items.stream().filter(i -> i.key() == 2).toList()));
    return out;
  }

  static final Pipeline JOINED =
      topics -> {
        IncrCollection<Item> items = topics.source("items", ITEMS);
        IncrCollection<Tag> tags = topics.source("tags", TAGS);
        IncrCollection<Pair<Item, Tag>> pairs = items.join(tags, Item::key, Tag::key);
        topics.output("pairs", pairs, Codec.records());
        topics.output(
            "by-name",
            pairs.groupBy(p -> p.second().name()).sum(p -> p.first().value() * 0.1),
            Codec.records());
        topics.output(
            "same-value", items.join(items, Item::value, Item::value).count(), Codec.records());
      };

  static Map<String, Object> joined(Map<String, List<Object>> live) {
    List<Item> items = items(live);
    List<Tag> tags = tags(live);
    List<Pair<Item, Tag>> pairs = join(items, tags, Item::key, Tag::key);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pairs", Bags.of(pairs));
    out.put(
        "by-name",
        pairs(groups(pairs, p -> p.second().name()), g -> exactSum(g, p -> p.first().value() * 0.1)));
    out.put("same-value", (long) join(items, items, Item::value, Item::value).size());
    return out;
  }

  static final Pipeline CHAINED =
      topics -> {
        IncrCollection<Item> items = topics.source("items", ITEMS);
        IncrCollection<Tag> tags = topics.source("tags", TAGS);
        IncrCollection<Pair<Integer, Long>> crowded =
            items.groupBy(Item::key).count().filter(p -> p.second() > 1);
        IncrCollection<String> names =
            crowded.join(tags, Pair::first, Tag::key).map(p -> p.second().name());
        topics.output("names", names.groupBy(n -> n).count(), Codec.records());
        topics.output(
            "best",
            items.join(tags, Item::key, Tag::key).map(Pair::first).max(STRICTLY),
            Codec.records());
      };

  static Map<String, Object> chained(Map<String, List<Object>> live) {
    List<Item> items = items(live);
    List<Tag> tags = tags(live);
    List<Pair<Integer, Long>> crowded =
        pairs(groups(items, Item::key), g -> (long) g.size()).keySet().stream()
            .map(p -> (Pair<Integer, Long>) p)
            .filter(p -> p.second() > 1)
            .toList();
    List<String> names =
        join(crowded, tags, Pair::first, Tag::key).stream().map(p -> p.second().name()).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("names", pairs(groups(names, n -> n), g -> (long) g.size()));
    out.put(
        "best",
        join(items, tags, Item::key, Tag::key).stream().map(Pair::first).max(STRICTLY));
    return out;
  }

  static final Pipeline ONE_PARTITION =
      topics -> {
        IncrCollection<Item> items = topics.source("items", ITEMS);
        IncrCollection<Pair<Item, Item>> legs =
            topics.inOnePartition(items.filter(i -> i.key() != 3), c -> c.sortBy(Item::value).pairwise());
        topics.output("legs", legs, Codec.records());
        topics.output("legs-count", legs.count(), Codec.records());
      };

  static Map<String, Object> onePartition(Map<String, List<Object>> live) {
    List<Item> sorted = new ArrayList<>(items(live).stream().filter(i -> i.key() != 3).toList());
    sorted.sort(BY_VALUE); // stable: ties keep insertion order
    List<Pair<Item, Item>> legs = new ArrayList<>();
    for (int i = 0; i + 1 < sorted.size(); i++) {
      legs.add(Pair.of(sorted.get(i), sorted.get(i + 1)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("legs", Bags.of(legs));
    out.put("legs-count", (long) legs.size());
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Properties

  @Property(tries = 70)
  void elementwiseOperatorsAndTotals(@ForAll long seed) {
    run(ELEMENTWISE, PipelineEquivalenceTest::elementwise, seed, false);
  }

  @Property(tries = 70)
  void groupedAggregates(@ForAll long seed) {
    run(GROUPED, PipelineEquivalenceTest::grouped, seed, false);
  }

  @Property(tries = 70)
  void joins(@ForAll long seed) {
    run(JOINED, PipelineEquivalenceTest::joined, seed, true);
  }

  @Property(tries = 60)
  void chainsOfAggregatesJoinsAndMaps(@ForAll long seed) {
    run(CHAINED, PipelineEquivalenceTest::chained, seed, true);
  }

  @Property(tries = 40)
  void operatorsInOnePartition(@ForAll long seed) {
    run(ONE_PARTITION, PipelineEquivalenceTest::onePartition, seed, false);
  }

  static void run(Pipeline pipeline, Harness.Oracle oracle, long seed, boolean withTags) {
    Random random = new Random(seed);
    try (Harness harness = new Harness(pipeline, oracle)) {
      harness.check();
      int batches = 10 + random.nextInt(20);
      for (int b = 0; b < batches; b++) {
        int changes = 1 + random.nextInt(3);
        harness.batch(
            batch -> {
              for (int c = 0; c < changes; c++) {
                boolean insert = random.nextInt(100) < 65;
                if (withTags && random.nextInt(3) == 0) {
                  Tag tag = new Tag(random.nextInt(4), NAMES[random.nextInt(NAMES.length)]);
                  if (insert) {
                    batch.insert("tags", tag);
                  } else {
                    batch.delete("tags", tag);
                  }
                } else {
                  Item item = new Item(random.nextInt(4), random.nextInt(6));
                  if (insert) {
                    batch.insert("items", item);
                  } else {
                    batch.delete("items", item);
                  }
                }
              }
            });
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // From-scratch helpers

  @SuppressWarnings("unchecked")
  static List<Item> items(Map<String, List<Object>> live) {
    return (List<Item>) (List<?>) live.get("items");
  }

  @SuppressWarnings("unchecked")
  static List<Tag> tags(Map<String, List<Object>> live) {
    return (List<Tag>) (List<?>) live.get("tags");
  }

  static <T, K> Map<K, List<T>> groups(List<T> elements, Function<T, K> key) {
    Map<K, List<T>> groups = new HashMap<>();
    for (T e : elements) {
      groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e);
    }
    return groups;
  }

  /** One pair (key, value of the group) per group, as a bag. */
  static <T, K, A> Map<Object, Long> pairs(Map<K, List<T>> groups, Function<List<T>, A> value) {
    return Bags.of(
        groups.entrySet().stream()
            .map(e -> Pair.of(e.getKey(), value.apply(e.getValue())))
            .collect(Collectors.toList()));
  }

  static <T, U, K> List<Pair<T, U>> join(
      List<T> left, List<U> right, Function<T, K> leftKey, Function<U, K> rightKey) {
    List<Pair<T, U>> pairs = new ArrayList<>();
    for (T t : left) {
      for (U u : right) {
        if (leftKey.apply(t).equals(rightKey.apply(u))) {
          pairs.add(Pair.of(t, u));
        }
      }
    }
    return pairs;
  }

  /** The exact sum, rounded once. */
  static <T> double exactSum(List<T> elements, ToDoubleFunction<T> value) {
    BigDecimal sum = BigDecimal.ZERO;
    for (T e : elements) {
      sum = sum.add(new BigDecimal(value.applyAsDouble(e)));
    }
    return sum.signum() == 0 ? 0.0 : Double.parseDouble(sum.toString());
  }

}
