package dev.incr.kafka;

/**
 * The messages of operators a pipeline cannot run on Kafka Streams faithfully, each saying what to
 * do instead.
 */
final class Refusals {
  private Refusals() {}

  private static final String ELSEWHERE =
      " Publish its input with topics.output(...) and apply it in the engine that reads that topic"
          + " (OutputReader gives an incr collection there, and the same incr code runs on it);"
          + " or wrap it in topics.inOnePartition(input, c -> ...) to run it in a single partition.";

  static UnsupportedOperationException sortBy(String label) {
    return new UnsupportedOperationException(
        "sortBy on '"
            + label
            + "' cannot be distributed over partitions: it orders the whole collection, which no"
            + " partition sees (and pairwise and window work on that order)."
            + ELSEWHERE);
  }

  static UnsupportedOperationException fold(String operator, String label) {
    return new UnsupportedOperationException(
        operator
            + " on '"
            + label
            + "' cannot be distributed over partitions: a fold that cannot be undone must see the"
            + " remaining elements again when one is deleted. Use count, sum, min, max or the"
            + " invertible reduce(identity, add, remove) if they fit."
            + ELSEWHERE);
  }

  static UnsupportedOperationException wholeList(String operator, String label) {
    return new UnsupportedOperationException(
        operator
            + " on '"
            + label
            + "' cannot be distributed over partitions: its function reads all the elements at"
            + " once. Use count, sum, min, max or the invertible reduce(identity, add, remove) if"
            + " they fit."
            + ELSEWHERE);
  }

  static IllegalStateException noContents(String what, String label) {
    return new IllegalStateException(
        what
            + " of '"
            + label
            + "' has no value while a pipeline is being translated for Kafka: the data lives in"
            + " the topics. Publish it with topics.output(...) and read it with OutputReader.");
  }

  static UnsupportedOperationException notASource(String label) {
    return new UnsupportedOperationException(
        "'"
            + label
            + "' is part of a pipeline translated for Kafka: change its source by writing to the"
            + " source topic (SourceWriter), not by insert or delete in the definition");
  }

  static UnsupportedOperationException engine(String method) {
    return new UnsupportedOperationException(
        "Engine."
            + method
            + " is not available while a pipeline is being translated for Kafka: a pipeline is"
            + " built from its sources' collection operators only. Compute on the results in the"
            + " engine that reads the output topics (OutputReader).");
  }
}
