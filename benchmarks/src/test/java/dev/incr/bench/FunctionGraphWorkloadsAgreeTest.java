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
    DiamondBenchmark.IncrConcurrent conc = new DiamondBenchmark.IncrConcurrent();
    conc.setup();
    DiamondBenchmark.Generated gen = new DiamondBenchmark.Generated();
    gen.setup();
    DiamondBenchmark.IncrSingle incr = new DiamondBenchmark.IncrSingle();
    incr.setup();
    DiamondBenchmark.JavaFx fx = new DiamondBenchmark.JavaFx();
    fx.setup();
    DiamondBenchmark.ReactFx rfx = new DiamondBenchmark.ReactFx();
    rfx.setup();
    DiamondBenchmark.Handwritten hand = new DiamondBenchmark.Handwritten();
    hand.setup();
    DiamondBenchmark.IncrBoxed boxed = new DiamondBenchmark.IncrBoxed();
    boxed.setup();
    List<Integer> expected = run(() -> b.diamond_handwritten(hand));
    assertEquals(List.of(4, 7, 10, 13, 16, 19, 22), expected);
    assertAllEqual(expected, run(() -> b.diamond_incrSingle(incr)),
        run(() -> b.diamond_incrConcurrent(conc)), run(() -> b.diamond_incrGenerated(gen)),
        run(() -> b.diamond_javafx(fx)), run(() -> b.diamond_reactfx(rfx)),
        run(() -> b.diamond_incrBoxed(boxed)));
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
      List<Integer> expected = run(() -> b.chain_handwritten(hand));
      assertEquals(n + 1, expected.get(0));
      assertEquals(n + STEPS, expected.get(STEPS - 1));
      assertAllEqual(expected, run(() -> b.chain_incrSingle(incr)),
          run(() -> b.chain_incrConcurrent(conc)), run(() -> b.chain_incrGenerated(gen)),
          run(() -> b.chain_javafx(fx)), run(() -> b.chain_reactfx(rfx)),
          run(() -> b.chain_bareVerifier(bare)), run(() -> b.chain_incrBoxed(boxed)));
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
    List<Integer> expected = run(() -> b.cutoff_handwritten(hand));
    assertEquals(List.of(20, 20, 20, 20, 20, 20, 20), expected);
    assertAllEqual(expected, run(() -> b.cutoff_incrSingle(incr)),
        run(() -> b.cutoff_incrConcurrent(conc)), run(() -> b.cutoff_incrGenerated(gen)),
        run(() -> b.cutoff_javafx(fx)), run(() -> b.cutoff_reactfx(rfx)));

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
    assertAllEqual(expected, run(() -> b.cutoffObserved_incrSingle(observed)),
        run(() -> b.cutoffObserved_incrConcurrent(concObserved)),
        run(() -> b.cutoffObserved_javafx(fxObserved)));
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
    System.gc(); // JavaFX holds bindings weakly: the state must keep them
    // Step k sets input k % 10 to k; its listener adds k + k % 10.
    long expected = 0;
    for (int k = 1; k <= 25; k++) {
      expected += k + k % 10;
      assertEquals(expected, b.observers_incrSingle(incr));
      assertEquals(expected, b.observers_incrConcurrent(conc));
      assertEquals(expected, b.observers_javafx(fx));
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
    assertEquals(1001, b.read_handwritten(hand));
    assertEquals(1001, b.read_incrSingle(incr));
    assertEquals(1001, b.read_incrConcurrent(conc));
    assertEquals(1001, b.read_incrGenerated(gen));
    assertEquals(1001, b.read_javafx(fx));
    assertEquals(1001, b.read_reactfx(rfx));
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
    List<Integer> expected = run(() -> b.fanout_handwritten(hand));
    int w = FanoutBenchmark.WIDTH;
    assertEquals(w + w * (w - 1) / 2, expected.get(0));
    assertAllEqual(expected, run(() -> b.fanout_incrSingle(incr)),
        run(() -> b.fanout_incrConcurrent(conc)), run(() -> b.fanout_incrGenerated(gen)),
        run(() -> b.fanout_javafx(fx)), run(() -> b.fanout_reactfx(rfx)));
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
    List<Integer> expected = run(() -> b.dynamic_handwritten(hand));
    // Reads right (y = 0) after the first flip, then left with x = 1, then right with y = 2...
    assertEquals(List.of(0, 2, 6, 6, 12, 10, 18), expected);
    assertAllEqual(expected, run(() -> b.dynamic_incrSingle(incr)),
        run(() -> b.dynamic_incrConcurrent(conc)), run(() -> b.dynamic_incrGenerated(gen)),
        run(() -> b.dynamic_javafx(fx)), run(() -> b.dynamic_reactfx(rfx)));
  }
}
