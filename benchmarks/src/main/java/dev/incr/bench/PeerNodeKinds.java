package dev.incr.bench;

import static dev.incr.bench.MixedProfile.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.LongBinding;
import javafx.beans.binding.NumberBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.reactfx.value.Val;
import org.reactfx.value.Var;

/**
 * The peers' part of the {@link MixedProfile}: JavaFX bindings and ReactFX values of the kinds the
 * workloads do not use, each a step that writes the round's value, reads, and checks against plain
 * Java. Each step reads the bindings at the top of its graph: JavaFX refers to a binding from what
 * it observes only weakly, so a binding its step did not hold could be collected with its
 * listeners.
 */
final class PeerNodeKinds {

  private PeerNodeKinds() {}

  /** Builds the graphs and returns one step per graph. */
  static List<IntUnaryOperator> steps() {
    List<IntUnaryOperator> steps = new ArrayList<>();
    steps.add(javafxNumbers());
    steps.add(javafxObservedChain());
    steps.add(javafxObjectsAndStrings());
    steps.add(javafxCustomBindings());
    steps.add(javafxList());
    steps.add(reactfx());
    return steps;
  }

  /** Double and long properties and bindings, one with a change listener. */
  private static IntUnaryOperator javafxNumbers() {
    SimpleDoubleProperty d = new SimpleDoubleProperty(0);
    DoubleBinding scaled = d.multiply(1.5).add(2);
    SimpleLongProperty l = new SimpleLongProperty(0);
    LongBinding square = Bindings.createLongBinding(() -> l.get() * l.get(), l);
    long[] seen = new long[1];
    square.addListener((observable, old, value) -> seen[0] = value.longValue());
    return v -> {
      d.set(v);
      l.set(v);
      check("JavaFX double binding", scaled.get(), v * 1.5 + 2);
      check("JavaFX long binding, listener", seen[0], (long) v * v);
      return (int) check("JavaFX long binding, read", square.get(), (long) v * v);
    };
  }

  /** An int chain of {@code add} bindings whose top has a change listener (eager). */
  private static IntUnaryOperator javafxObservedChain() {
    SimpleIntegerProperty input = new SimpleIntegerProperty(0);
    NumberBinding top = input.add(3).add(3).multiply(2);
    int[] seen = new int[1];
    top.addListener((observable, old, value) -> seen[0] = value.intValue());
    return v -> {
      input.set(v);
      check("JavaFX observed chain, listener", seen[0], (v + 6) * 2);
      return (int) check("JavaFX observed chain, read", top.intValue(), (v + 6) * 2);
    };
  }

  /** Object, boolean and String bindings, {@code Bindings.when}, an invalidation listener. */
  private static IntUnaryOperator javafxObjectsAndStrings() {
    SimpleObjectProperty<Integer> boxed = new SimpleObjectProperty<>(0);
    ObjectBinding<String> text = Bindings.createObjectBinding(() -> "n" + boxed.get(), boxed);
    StringExpression concat = Bindings.concat("[", text, "]");
    SimpleIntegerProperty x = new SimpleIntegerProperty(0);
    BooleanBinding even = Bindings.createBooleanBinding(() -> x.get() % 2 == 0, x);
    NumberBinding chosen = Bindings.when(even).then(x.multiply(2)).otherwise(x.multiply(3));
    int[] lengths = new int[1];
    concat.addListener((InvalidationListener) observable ->
        lengths[0] = ((ObservableValue<?>) observable).getValue().toString().length());
    return v -> {
      boxed.set(v);
      x.set(v);
      check("JavaFX string concat, invalidation listener", lengths[0], ("[n" + v + "]").length());
      check("JavaFX string concat, read", concat.get().length(), ("[n" + v + "]").length());
      return (int) check("JavaFX when/then/otherwise", chosen.intValue(),
          v % 2 == 0 ? 2 * v : 3 * v);
    };
  }

  /** Custom {@code IntegerBinding} subclasses bound to each other, read on demand. */
  private static IntUnaryOperator javafxCustomBindings() {
    SimpleIntegerProperty a = new SimpleIntegerProperty(0);
    IntegerBinding b = new IntegerBinding() {
      {
        bind(a);
      }

      @Override
      protected int computeValue() {
        return a.get() * 5;
      }
    };
    IntegerBinding c = new IntegerBinding() {
      {
        bind(a, b);
      }

      @Override
      protected int computeValue() {
        return a.get() + b.get();
      }
    };
    return v -> {
      a.set(v);
      return (int) check("JavaFX custom bindings", c.get(), 6 * v);
    };
  }

  /** An observable list of the last few round values, filtered, sorted, and its size bound. */
  private static IntUnaryOperator javafxList() {
    ObservableList<Integer> list = FXCollections.observableArrayList();
    FilteredList<Integer> evens = list.filtered(x -> x % 2 == 0);
    SortedList<Integer> descending = list.sorted((p, q) -> Integer.compare(q, p));
    IntegerBinding size = Bindings.size(list);
    int live = IncrNodeKinds.LIVE;
    return v -> {
      list.add(v);
      if (v > live) {
        list.remove(Integer.valueOf(v - live));
      }
      int lo = Math.max(1, v - live + 1);
      check("JavaFX filtered list size", evens.size(), v / 2 - (lo - 1) / 2);
      check("JavaFX sorted list, first", descending.get(0), v);
      return (int) check("JavaFX list size binding", size.get(), v - lo + 1);
    };
  }

  /** ReactFX {@code map}, {@code combine} and {@code flatMap} values of several types, observed. */
  private static IntUnaryOperator reactfx() {
    Var<Integer> x = Var.newSimpleVar(0);
    Var<Boolean> flag = Var.newSimpleVar(true);
    Val<String> text = x.map(v -> "v" + v);
    Val<Double> half = x.map(v -> v / 2.0);
    Val<Integer> combined = Val.combine(text, half, (t, h) -> t.length() + (int) Math.floor(h));
    Val<Integer> chosen = flag.flatMap(f -> f ? combined : x);
    int[] seen = new int[1];
    chosen.observeChanges((observable, old, value) -> seen[0] = value);
    return v -> {
      x.setValue(v);
      flag.setValue(v % 2 == 0);
      int expected = v % 2 == 0 ? ("v" + v).length() + v / 2 : v;
      check("ReactFX flatMap, observed", seen[0], expected);
      return (int) check("ReactFX flatMap, read", chosen.getValue(), expected);
    };
  }
}
