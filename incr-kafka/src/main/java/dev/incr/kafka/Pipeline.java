package dev.incr.kafka;

/**
 * A collection pipeline, written once against incr's own collection interfaces, that runs
 * in-process ({@link LocalPipeline}) or as a Kafka Streams topology ({@link KafkaPipeline}) with
 * the same results.
 *
 * <pre>{@code
 * Pipeline revenue = topics -> {
 *   IncrCollection<Order> orders = topics.source("orders", Codec.json(Order.class));
 *   IncrCollection<Customer> customers = topics.source("customers", Codec.json(Customer.class));
 *   IncrCollection<Pair<String, Double>> byRegion =
 *       orders.join(customers, Order::customer, Customer::id)
 *           .groupBy(p -> p.second().region())
 *           .sum(p -> p.first().amount());
 *   topics.output("revenue-by-region", byRegion, Codec.records());
 *   topics.output("orders-total", orders.count(), Codec.records());
 * };
 * }</pre>
 *
 * <p>The definition runs once per run: in-process against a real engine, and for Kafka against
 * recording implementations of the interfaces, from which the topology is built (in every
 * application instance, so the functions given to operators need not be serializable). Its
 * functions must be pure, as incr requires of operator functions anyway.
 */
@FunctionalInterface
public interface Pipeline {

  /** Declares the sources, the operators on them and the outputs. */
  void define(Topics topics);
}
