package dev.incr.examples.kafkaorders;

import dev.incr.kafka.SourceBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible stream of changes: customers in four regions, then batches in which orders are
 * placed, orders are cancelled and customers move to another region (their old record deleted and
 * the new one inserted in the same batch).
 */
final class Workload {
  static final String[] REGIONS = {"APAC", "EU", "LATAM", "US"};

  /** One change of a source. */
  record Change(String topic, Object element, boolean insert) {}

  private final Random random;
  private final List<Customer> customers = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private int nextOrder;

  Workload(long seed, int customerCount) {
    random = new Random(seed);
    for (int i = 0; i < customerCount; i++) {
      customers.add(new Customer("c" + i, REGIONS[random.nextInt(REGIONS.length)]));
    }
  }

  /** The batch that inserts every customer. */
  List<Change> customersBatch() {
    List<Change> batch = new ArrayList<>();
    for (Customer c : customers) {
      batch.add(new Change(RevenuePipeline.CUSTOMERS, c, true));
    }
    return batch;
  }

  /** The next batch of {@code size} changes. */
  List<Change> nextBatch(int size) {
    List<Change> batch = new ArrayList<>(size + 1);
    while (batch.size() < size) {
      int dice = random.nextInt(100);
      if (dice < 65 || orders.isEmpty()) {
        Customer c = customers.get(random.nextInt(customers.size()));
        Order order = new Order("o" + nextOrder++, c.id(), (1 + random.nextInt(50_000)) / 100.0);
        orders.add(order);
        batch.add(new Change(RevenuePipeline.ORDERS, order, true));
      } else if (dice < 98) {
        Order cancelled = orders.remove(random.nextInt(orders.size()));
        batch.add(new Change(RevenuePipeline.ORDERS, cancelled, false));
      } else {
        int i = random.nextInt(customers.size());
        Customer old = customers.get(i);
        Customer moved = new Customer(old.id(), REGIONS[random.nextInt(REGIONS.length)]);
        if (!moved.equals(old)) {
          customers.set(i, moved);
          batch.add(new Change(RevenuePipeline.CUSTOMERS, old, false));
          batch.add(new Change(RevenuePipeline.CUSTOMERS, moved, true));
        }
      }
    }
    return batch;
  }

  /** Applies {@code changes} to {@code batch}. */
  static void apply(List<Change> changes, SourceBatch batch) {
    for (Change c : changes) {
      if (c.insert()) {
        batch.insert(c.topic(), c.element());
      } else {
        batch.delete(c.topic(), c.element());
      }
    }
  }
}
