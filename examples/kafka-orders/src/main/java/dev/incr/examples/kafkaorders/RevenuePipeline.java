package dev.incr.examples.kafkaorders;

import dev.incr.IncrCollection;
import dev.incr.Pair;
import dev.incr.kafka.Codec;
import dev.incr.kafka.Pipeline;

/**
 * Revenue per region: orders joined with their customers, grouped by the customer's region, the
 * amounts summed exactly. Written once; {@link KafkaOrders} runs it in-process or on Kafka Streams.
 */
public final class RevenuePipeline {
  public static final String ORDERS = "orders";
  public static final String CUSTOMERS = "customers";
  public static final String REVENUE = "revenue-by-region";
  public static final String ORDER_COUNT = "order-count";

  private RevenuePipeline() {}

  /** The pipeline. */
  public static final Pipeline PIPELINE =
      topics -> {
        IncrCollection<Order> orders = topics.source(ORDERS, Codec.json(Order.class));
        IncrCollection<Customer> customers = topics.source(CUSTOMERS, Codec.json(Customer.class));
        IncrCollection<Pair<String, Double>> revenue =
            orders
                .join(customers, Order::customer, Customer::id)
                .groupBy(p -> p.second().region())
                .sum(p -> p.first().amount());
        topics.output(REVENUE, revenue, Codec.records());
        topics.output(ORDER_COUNT, orders.count(), Codec.records());
      };
}
