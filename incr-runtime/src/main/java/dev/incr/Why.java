package dev.incr;

import java.util.List;

/**
 * Why a node last changed: the chain of dependencies, from the node down to an input, along which
 * the most recent change arrived. Each step names a node and the revision its value last changed
 * at; the last step is the {@link Var} whose {@code set} started it (or a computed that has no
 * dependency changed since, such as one run for the first time).
 *
 * @param node the node asked about
 * @param chain the steps, starting with {@code node}
 */
public record Why(Node<?> node, List<Step> chain) {

  /** Copies the chain. */
  public Why {
    chain = List.copyOf(chain);
  }

  /**
   * One node on the chain.
   *
   * @param label the node's label
   * @param node the node
   * @param changedAt the revision at which its value last changed
   * @param input whether it is an input ({@link Var})
   */
  public record Step(String label, Node<?> node, long changedAt, boolean input) {}

  /** Reads like {@code total@7 <- subtotal@7 <- quantity@7 (input)}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Step step : chain) {
      if (s.length() > 0) {
        s.append(" <- ");
      }
      s.append(step.label()).append('@').append(step.changedAt());
      if (step.input()) {
        s.append(" (input)");
      }
    }
    return s.toString();
  }
}
