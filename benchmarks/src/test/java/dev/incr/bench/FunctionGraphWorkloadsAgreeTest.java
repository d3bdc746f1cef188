package dev.incr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Checks that every system in a function-graph benchmark computes the same values, step after step,
 * by calling the benchmark methods themselves. Times nothing.
 */
class FunctionGraphWorkloadsAgreeTest {

  private static final int STEPS = 7;

  /** The benchmark methods take the JVM profile only so that JMH prepares it; any one will do. */
  private static final JvmProfile P = JvmProfile.pristine();

  private static List<Integer> run(IntSupplier step) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      values.add(step.getAsInt());
    }
    return values;
  }

  private static void assertAllEqual(List<Integer> expected, List<?>... others) {
    for (List<?> other : others) {
      assertEquals(expected, other);
    }
  }

  @Test
  void diamondSystemsAgree() {
    DiamondBenchmark b = new DiamondBenchmark();
    for (int width : new int[] {2, 10, 1000}) {
      DiamondBenchmark.IncrConcurrent conc = new DiamondBenchmark.IncrConcurrent();
      conc.width = width;
      conc.setup();
      DiamondBenchmark.Generated gen = new DiamondBenchmark.Generated();
      gen.width = width;
      gen.setup();
      DiamondBenchmark.IncrSingle incr = new DiamondBenchmark.IncrSingle();
      incr.width = width;
      incr.setup();
      DiamondBenchmark.JavaFx fx = new DiamondBenchmark.JavaFx();
      fx.width = width;
      fx.setup();
      DiamondBenchmark.ReactFx rfx = new DiamondBenchmark.ReactFx();
      rfx.width = width;
      rfx.setup();
      DiamondBenchmark.Handwritten hand = new DiamondBenchmark.Handwritten();
      hand.width = width;
      hand.setup();
      DiamondBenchmark.IncrBoxed boxed = new DiamondBenchmark.IncrBoxed();
      boxed.width = width;
      boxed.setup();
      DiamondBenchmark.IncrSingleObserved observed = new DiamondBenchmark.IncrSingleObserved();
      observed.width = width;
      observed.setup();
      DiamondBenchmark.IncrConcurrentObserved concObserved =
          new DiamondBenchmark.IncrConcurrentObserved();
      concObserved.width = width;
      concObserved.setup();
      DiamondBenchmark.GeneratedObserved genObserved = new DiamondBenchmark.GeneratedObserved();
      genObserved.width = width;
      genObserved.setup();
      DiamondBenchmark.JavaFxObserved fxObserved = new DiamondBenchmark.JavaFxObserved();
      fxObserved.width = width;
      fxObserved.setup();
      DiamondBenchmark.HandwrittenObserved handObserved =
          new DiamondBenchmark.HandwrittenObserved();
      handObserved.width = width;
      handObserved.setup();
      System.gc(); // JavaFX holds bindings weakly: the states must keep them

      List<Integer> expected = run(() -> b.diamond_handwritten(hand, P));
      List<Integer> fromScratch = new ArrayList<>();
      for (int a = 1; a <= STEPS; a++) {
        fromScratch.add(DiamondBenchmark.expected(a, width));
      }
      assertEquals(fromScratch, expected, "width " + width);
      assertAllEqual(expected, run(() -> b.diamond_incrSingle(incr, P)),
          run(() -> b.diamond_incrConcurrent(conc, P)),
          run(() -> b.diamond_incrGenerated(gen, P)), run(() -> b.diamond_javafx(fx, P)),
          run(() -> b.diamond_reactfx(rfx, P)), run(() -> b.diamond_incrBoxed(boxed, P)),
          run(() -> b.diamondObserved_incrSingle(observed, P)),
          run(() -> b.diamondObserved_incrConcurrent(concObserved, P)),
          run(() -> b.diamondObserved_incrGenerated(genObserved, P)),
          run(() -> b.diamondObserved_javafx(fxObserved, P)),
          run(() -> b.diamondObserved_handwritten(handObserved, P)));
    }
  }

  @Test
  void theDiamondOfTwoMiddleNodesIsTheClassicOne() {
    // d = (a + 1) + (a * 2)
    for (int a = -3; a <= 3; a++) {
      assertEquals((a + 1) + (a * 2), DiamondBenchmark.expected(a, 2));
    }
    // the middle nodes: a + 1, a * 2, a + 2, a * 3, a + 3, ...
    assertEquals((5 + 1) + 5 * 2 + (5 + 2) + 5 * 3 + (5 + 3), DiamondBenchmark.expected(5, 5));
  }

  @Test
  void chainSystemsAgree() {
    ChainBenchmark b = new ChainBenchmark();
    for (int n : new int[] {10, 1000}) {
      ChainBenchmark.IncrConcurrent conc = new ChainBenchmark.IncrConcurrent();
      conc.n = n;
      conc.setup();
      ChainBenchmark.Generated gen = new ChainBenchmark.Generated();
      gen.n = n;
      gen.setup();
      ChainBenchmark.IncrSingle incr = new ChainBenchmark.IncrSingle();
      incr.n = n;
      incr.setup();
      ChainBenchmark.JavaFx fx = new ChainBenchmark.JavaFx();
      fx.n = n;
      fx.setup();
      ChainBenchmark.ReactFx rfx = new ChainBenchmark.ReactFx();
      rfx.n = n;
      rfx.setup();
      ChainBenchmark.Handwritten hand = new ChainBenchmark.Handwritten();
      hand.n = n;
      hand.setup();
      ChainBenchmark.BareVerifier bare = new ChainBenchmark.BareVerifier();
      bare.n = n;
      bare.setup();
      ChainBenchmark.IncrBoxed boxed = new ChainBenchmark.IncrBoxed();
      boxed.n = n;
      boxed.setup();
      ChainBenchmark.IncrSingleObserved observed = new ChainBenchmark.IncrSingleObserved();
      observed.n = n;
      observed.setup();
      ChainBenchmark.IncrConcurrentObserved concObserved =
          new ChainBenchmark.IncrConcurrentObserved();
      concObserved.n = n;
      concObserved.setup();
      ChainBenchmark.GeneratedObserved genObserved = new ChainBenchmark.GeneratedObserved();
      genObserved.n = n;
      genObserved.setup();
      ChainBenchmark.JavaFxObserved fxObserved = new ChainBenchmark.JavaFxObserved();
      fxObserved.n = n;
      fxObserved.setup();
      ChainBenchmark.HandwrittenObserved handObserved = new ChainBenchmark.HandwrittenObserved();
      handObserved.n = n;
      handObserved.setup();
      System.gc(); // JavaFX holds bindings weakly: the states must keep them
      List<Integer> expected = run(() -> b.chain_handwritten(hand, P));
      assertEquals(n + 1, expected.get(0));
      assertEquals(n + STEPS, expected.get(STEPS - 1));
      assertAllEqual(expected, run(() -> b.chain_incrSingle(incr, P)),
          run(() -> b.chain_incrConcurrent(conc, P)), run(() -> b.chain_incrGenerated(gen, P)),
          run(() -> b.chain_javafx(fx, P)), run(() -> b.chain_reactfx(rfx, P)),
          run(() -> b.chain_bareVerifier(bare, P)), run(() -> b.chain_incrBoxed(boxed, P)),
          run(() -> b.chainObserved_incrSingle(observed, P)),
          run(() -> b.chainObserved_incrConcurrent(concObserved, P)),
          run(() -> b.chainObserved_incrGenerated(genObserved, P)),
          run(() -> b.chainObserved_javafx(fxObserved, P)),
          run(() -> b.chainObserved_handwritten(handObserved, P)));
    }
  }

  @Test
  void cutoffSystemsAgree() {
    CutoffBenchmark b = new CutoffBenchmark();
    int n = 10;
    CutoffBenchmark.IncrConcurrent conc = new CutoffBenchmark.IncrConcurrent();
    conc.n = n;
    conc.setup();
    CutoffBenchmark.Generated gen = new CutoffBenchmark.Generated();
    gen.n = n;
    gen.setup();
    CutoffBenchmark.IncrSingle incr = new CutoffBenchmark.IncrSingle();
    incr.n = n;
    incr.setup();
    CutoffBenchmark.JavaFx fx = new CutoffBenchmark.JavaFx();
    fx.n = n;
    fx.setup();
    CutoffBenchmark.ReactFx rfx = new CutoffBenchmark.ReactFx();
    rfx.n = n;
    rfx.setup();
    CutoffBenchmark.Handwritten hand = new CutoffBenchmark.Handwritten();
    hand.n = n;
    hand.setup();
    List<Integer> expected = run(() -> b.cutoff_handwritten(hand, P));
    assertEquals(List.of(20, 20, 20, 20, 20, 20, 20), expected);
    assertAllEqual(expected, run(() -> b.cutoff_incrSingle(incr, P)),
        run(() -> b.cutoff_incrConcurrent(conc, P)), run(() -> b.cutoff_incrGenerated(gen, P)),
        run(() -> b.cutoff_javafx(fx, P)), run(() -> b.cutoff_reactfx(rfx, P)));

    CutoffBenchmark.IncrSingleObserved observed = new CutoffBenchmark.IncrSingleObserved();
    observed.n = n;
    observed.setup();
    CutoffBenchmark.IncrConcurrentObserved concObserved =
        new CutoffBenchmark.IncrConcurrentObserved();
    concObserved.n = n;
    concObserved.setup();
    CutoffBenchmark.JavaFxObserved fxObserved = new CutoffBenchmark.JavaFxObserved();
    fxObserved.n = n;
    fxObserved.setup();
    CutoffBenchmark.GeneratedObserved genObserved = new CutoffBenchmark.GeneratedObserved();
    genObserved.n = n;
    genObserved.setup();
    CutoffBenchmark.HandwrittenObserved handObserved = new CutoffBenchmark.HandwrittenObserved();
    handObserved.n = n;
    handObserved.setup();
    assertAllEqual(expected, run(() -> b.cutoffObserved_incrSingle(observed, P)),
        run(() -> b.cutoffObserved_incrGenerated(genObserved, P)),
        run(() -> b.cutoffObserved_handwritten(handObserved, P)),
        run(() -> b.cutoffObserved_incrConcurrent(concObserved, P)),
        run(() -> b.cutoffObserved_javafx(fxObserved, P)));
  }

  @Test
  void observersSystemsAgree() {
    ObserversBenchmark b = new ObserversBenchmark();
    ObserversBenchmark.IncrSingle incr = new ObserversBenchmark.IncrSingle();
    incr.n = 10;
    incr.setup();
    ObserversBenchmark.IncrConcurrent conc = new ObserversBenchmark.IncrConcurrent();
    conc.n = 10;
    conc.setup();
    ObserversBenchmark.JavaFx fx = new ObserversBenchmark.JavaFx();
    fx.n = 10;
    fx.setup();
    ObserversBenchmark.Handwritten hand = new ObserversBenchmark.Handwritten();
    hand.n = 10;
    hand.setup();
    System.gc(); // JavaFX holds bindings weakly: the state must keep them
    // Step k sets input k % 10 to k; its listener adds k + k % 10.
    long expected = 0;
    for (int k = 1; k <= 25; k++) {
      expected += k + k % 10;
      assertEquals(expected, b.observers_incrSingle(incr, P));
      assertEquals(expected, b.observers_incrConcurrent(conc, P));
      assertEquals(expected, b.observers_javafx(fx, P));
      assertEquals(expected, b.observers_handwritten(hand, P));
    }
  }

  @Test
  void readSystemsAgree() {
    ReadBenchmark b = new ReadBenchmark();
    ReadBenchmark.IncrConcurrent conc = new ReadBenchmark.IncrConcurrent();
    conc.setup();
    ReadBenchmark.Generated gen = new ReadBenchmark.Generated();
    gen.setup();
    ReadBenchmark.IncrSingle incr = new ReadBenchmark.IncrSingle();
    incr.setup();
    ReadBenchmark.JavaFx fx = new ReadBenchmark.JavaFx();
    fx.setup();
    ReadBenchmark.ReactFx rfx = new ReadBenchmark.ReactFx();
    rfx.setup();
    ReadBenchmark.Handwritten hand = new ReadBenchmark.Handwritten();
    hand.setup();
    assertEquals(1001, b.read_handwritten(hand, P));
    assertEquals(1001, b.read_incrSingle(incr, P));
    assertEquals(1001, b.read_incrConcurrent(conc, P));
    assertEquals(1001, b.read_incrGenerated(gen, P));
    assertEquals(1001, b.read_javafx(fx, P));
    assertEquals(1001, b.read_reactfx(rfx, P));
  }

  @Test
  void fanoutSystemsAgree() {
    FanoutBenchmark b = new FanoutBenchmark();
    FanoutBenchmark.IncrConcurrent conc = new FanoutBenchmark.IncrConcurrent();
    conc.setup();
    FanoutBenchmark.Generated gen = new FanoutBenchmark.Generated();
    gen.setup();
    FanoutBenchmark.IncrSingle incr = new FanoutBenchmark.IncrSingle();
    incr.setup();
    FanoutBenchmark.JavaFx fx = new FanoutBenchmark.JavaFx();
    fx.setup();
    FanoutBenchmark.ReactFx rfx = new FanoutBenchmark.ReactFx();
    rfx.setup();
    FanoutBenchmark.Handwritten hand = new FanoutBenchmark.Handwritten();
    hand.setup();
    List<Integer> expected = run(() -> b.fanout_handwritten(hand, P));
    int w = FanoutBenchmark.WIDTH;
    assertEquals(w + w * (w - 1) / 2, expected.get(0));
    assertAllEqual(expected, run(() -> b.fanout_incrSingle(incr, P)),
        run(() -> b.fanout_incrConcurrent(conc, P)), run(() -> b.fanout_incrGenerated(gen, P)),
        run(() -> b.fanout_javafx(fx, P)), run(() -> b.fanout_reactfx(rfx, P)));
  }

  @Test
  void dynamicSystemsAgree() {
    DynamicBenchmark b = new DynamicBenchmark();
    DynamicBenchmark.IncrConcurrent conc = new DynamicBenchmark.IncrConcurrent();
    conc.setup();
    DynamicBenchmark.Generated gen = new DynamicBenchmark.Generated();
    gen.setup();
    DynamicBenchmark.IncrSingle incr = new DynamicBenchmark.IncrSingle();
    incr.setup();
    DynamicBenchmark.JavaFx fx = new DynamicBenchmark.JavaFx();
    fx.setup();
    DynamicBenchmark.ReactFx rfx = new DynamicBenchmark.ReactFx();
    rfx.setup();
    DynamicBenchmark.Handwritten hand = new DynamicBenchmark.Handwritten();
    hand.setup();
    List<Integer> expected = run(() -> b.dynamic_handwritten(hand, P));
    // Reads right (y = 0) after the first flip, then left with x = 1, then right with y = 2...
    assertEquals(List.of(0, 2, 6, 6, 12, 10, 18), expected);
    assertAllEqual(expected, run(() -> b.dynamic_incrSingle(incr, P)),
        run(() -> b.dynamic_incrConcurrent(conc, P)), run(() -> b.dynamic_incrGenerated(gen, P)),
        run(() -> b.dynamic_javafx(fx, P)), run(() -> b.dynamic_reactfx(rfx, P)));
  }
}
