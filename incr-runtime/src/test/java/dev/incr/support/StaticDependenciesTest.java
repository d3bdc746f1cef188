package dev.incr.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incr.Computed;
import dev.incr.CycleException;
import dev.incr.Engine;
import dev.incr.GraphSnapshot;
import dev.incr.IntComputed;
import dev.incr.IntVar;
import dev.incr.Node;
import dev.incr.Observation;
import dev.incr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Nodes whose function names its dependencies ({@link StaticDependencies}), as generated code makes
 * them for queries whose reads the processor found at compile time: the inputs counted as read
 * from fields are dependencies like any other, a read the list misses is recorded, and every
 * engine feature (observers, why, graph, cycles, both engines) sees the same dependencies as for a
 * node that recorded them.
 */
class StaticDependenciesTest {

  /** An input as a generated class keeps it: a field beside its var, written together. */
  static final class Input {
    final IntVar node;
    int field;

    Input(Engine engine, String label, int value) {
      node = engine.intVar(value).label(label);
      field = value;
    }

    void set(Engine engine, int value) {
      engine.batch(() -> {
        field = value;
        node.set(value);
      });
    }
  }

  /** Each node's label mapped to the labels it depends on, per the engine's graph export. */
  private static Map<String, TreeSet<String>> edges(Engine engine, Node<?>... roots) {
    GraphSnapshot g = engine.graph(roots);
    Map<String, String> labels = new TreeMap<>();
    for (GraphSnapshot.NodeInfo n : g.nodes()) {
      labels.put(n.id(), n.label());
    }
    Map<String, TreeSet<String>> edges = new TreeMap<>();
    for (GraphSnapshot.Edge e : g.edges()) {
      edges.computeIfAbsent(labels.get(e.from()), k -> new TreeSet<>()).add(labels.get(e.to()));
    }
    return edges;
  }

  @Test
  void inputsReadFromFieldsAreDependencies() {
    for (Engine engine : List.of(Engine.singleThreaded(), Engine.concurrent())) {
      Input width = new Input(engine, "width", 3);
      Input height = new Input(engine, "height", 4);
      int[] runs = {0};
      IntComputed area = engine.computedInt(
          new StaticDependencies.OfInt(2, width.node, height.node) {
            @Override
            public int getAsInt() {
              runs[0]++;
              return width.field * height.field;
            }
          }).label("area");
      assertEquals(12, area.getAsInt());
      assertEquals(Map.of("area", new TreeSet<>(List.of("height", "width"))), edges(engine, area));
      height.set(engine, 5);
      assertEquals(15, area.getAsInt());
      assertEquals(2, runs[0]);
      width.set(engine, 3); // unchanged: no run
      assertEquals(15, area.getAsInt());
      assertEquals(2, runs[0]);
      long r = engine.revision(); // the write of height; the equal write of width made none
      assertEquals("area@" + r + " <- height@" + r + " (input)", engine.why(area).toString());
    }
  }

  @Test
  void listedReadsAreCheckedInOrderAndRepeatedReadsKeepTheList() {
    Engine engine = Engine.singleThreaded();
    IntVar a = engine.intVar(1).label("a");
    IntComputed b = engine.computedInt(() -> a.getAsInt() + 1).label("b");
    IntComputed c = engine.computedInt(() -> a.getAsInt() * 2).label("c");
    int[] runs = {0};
    IntComputed d = engine.computedInt(new StaticDependencies.OfInt(0, b, c) {
      @Override
      public int getAsInt() {
        runs[0]++;
        return b.getAsInt() + c.getAsInt() + b.getAsInt();
      }
    }).label("d");
    assertEquals(6, d.getAsInt());
    a.set(2);
    assertEquals(10, d.getAsInt());
    assertEquals(2, runs[0]);
    assertEquals(new TreeSet<>(List.of("b", "c")), edges(engine, d).get("d"));
  }

  @Test
  void aReadTheListMissesIsRecordedAsForADynamicNode() {
    for (Engine engine : List.of(Engine.singleThreaded(), Engine.concurrent())) {
      Input flag = new Input(engine, "flag", 1);
      Var<String> left = engine.var("L").label("left");
      Var<String> right = engine.var("R").label("right");
      int[] runs = {0};
      Computed<String> pick = engine.computed(new StaticDependencies.Of<String>(1, flag.node) {
        @Override
        public String get() {
          runs[0]++;
          return flag.field == 1 ? left.get() : right.get();
        }
      }).label("pick");
      assertEquals("L", pick.get());
      assertEquals(new TreeSet<>(List.of("flag", "left")), edges(engine, pick).get("pick"));
      left.set("L2");
      assertEquals("L2", pick.get());
      assertEquals(2, runs[0]);
      flag.set(engine, 0);
      assertEquals("R", pick.get());
      assertEquals(new TreeSet<>(List.of("flag", "right")), edges(engine, pick).get("pick"));
      left.set("L3"); // no longer read
      assertEquals("R", pick.get());
      assertEquals(3, runs[0]);
      right.set("R2");
      assertEquals("R2", pick.get());
      assertEquals(4, runs[0]);
    }
  }

  @Test
  void observedStaticNodesArePushed() {
    Engine engine = Engine.singleThreaded();
    Input x = new Input(engine, "x", 1);
    IntComputed twice = engine.computedInt(new StaticDependencies.OfInt(1, x.node) {
      @Override
      public int getAsInt() {
        return x.field * 2;
      }
    }).label("twice");
    IntComputed plusOne = engine.computedInt(new StaticDependencies.OfInt(0, twice) {
      @Override
      public int getAsInt() {
        return twice.getAsInt() + 1;
      }
    }).label("plusOne");
    List<Integer> seen = new ArrayList<>();
    Observation o = engine.observe(plusOne, seen::add);
    x.set(engine, 5);
    x.set(engine, 5);
    x.set(engine, 6);
    assertEquals(List.of(11, 13), seen);
    o.close();
  }

  @Test
  void aCycleThroughAStaticNodeIsReportedAndRecovers() {
    Engine engine = Engine.singleThreaded();
    Input on = new Input(engine, "on", 0);
    List<IntComputed> nodes = new ArrayList<>();
    IntComputed back = engine.computedInt(() -> on.node.getAsInt() == 1
        ? nodes.get(0).getAsInt() : 7).label("back");
    IntComputed front = engine.computedInt(new StaticDependencies.OfInt(0, back) {
      @Override
      public int getAsInt() {
        return back.getAsInt() + 1;
      }
    }).label("front");
    nodes.add(front);
    assertEquals(8, front.getAsInt());
    on.set(engine, 1);
    CycleException e = assertThrows(CycleException.class, front::getAsInt);
    assertTrue(e.getMessage().contains("front") && e.getMessage().contains("back"),
        e.getMessage());
    on.set(engine, 0);
    assertEquals(8, front.getAsInt());
  }

  @Test
  void aListedNodeOfAnotherEngineIsRefusedNamingBoth() {
    Engine mine = Engine.singleThreaded();
    IntVar foreign = Engine.singleThreaded().intVar(1).label("foreign");
    IntComputed n = mine.computedInt(new StaticDependencies.OfInt(1, foreign) {
      @Override
      public int getAsInt() {
        return 1;
      }
    }).label("n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, n::getAsInt);
    assertEquals("Node 'foreign', a static dependency of 'n', belongs to another engine; a"
        + " computation may only read nodes of its own engine.", e.getMessage());
    // The node is left as it was: not stuck as running.
    assertThrows(IllegalArgumentException.class, n::getAsInt);
  }

  @Test
  void aNodeListedTwiceIsRefused() {
    Engine engine = Engine.singleThreaded();
    IntVar a = engine.intVar(1).label("a");
    IntComputed n = engine.computedInt(new StaticDependencies.OfInt(1, a, a) {
      @Override
      public int getAsInt() {
        return 1;
      }
    }).label("n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, n::getAsInt);
    assertEquals("Node 'a' is listed twice among the static dependencies of 'n'.",
        e.getMessage());
  }

  @Test
  void fieldReadsMustCountListedNodes() {
    Engine engine = Engine.singleThreaded();
    IntVar a = engine.intVar(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StaticDependencies.OfInt(2, a) {
          @Override
          public int getAsInt() {
            return 0;
          }
        });
    assertEquals("fieldReads 2 is not between 0 and the number of dependencies, 1",
        e.getMessage());
    assertThrows(NullPointerException.class, () -> new StaticDependencies.OfInt(0, a, null) {
      @Override
      public int getAsInt() {
        return 0;
      }
    });
  }
}
