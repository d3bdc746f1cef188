package dev.incr.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incr.Computed;
import dev.incr.Engine;
import dev.incr.EngineStats;
import dev.incr.GraphSnapshot;
import dev.incr.Trace;
import dev.incr.TraceEvent;
import dev.incr.TraceEvent.Kind;
import dev.incr.Traced;
import dev.incr.Var;
import dev.incr.Why;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tracing, "why", graph export and statistics; run on both engines. */
abstract class TracingContract {

  abstract Engine newEngine();

  final Engine engine = newEngine();

  /** a -> b = a + 1, c = clamp(a) -> d = b + c, with a clamp that absorbs most changes. */
  final Var<Integer> a = engine.var(1).label("a");
  final Computed<Integer> b = engine.computed(() -> a.get() + 1).label("b");
  final Computed<Integer> c = engine.computed(() -> Math.min(a.get(), 0)).label("c");
  final Computed<String> cText = engine.computed(() -> "c=" + c.get()).label("cText");
  final Computed<Integer> d = engine.computed(() -> b.get() + c.get()).label("d");

  @Test
  void traceOfAFirstEvaluationShowsEveryNodeRunningInDependencyOrder() {
    Traced<Integer> traced = engine.trace(d::get);
    assertEquals(2, traced.value());
    assertEquals(List.of("b", "c", "d"), sorted(traced.trace().ran()));
    assertTrue(traced.trace().events().stream().allMatch(e -> e.kind() == Kind.RAN));
    assertTrue(traced.trace().totalNanos() > 0);
  }

  @Test
  void traceOfADiamondWithCutoffNamesCausesAndCutoffs() {
    d.get();
    cText.get();
    a.set(5); // b changes; c = min(5, 0) stays 0: cut off
    Trace trace = engine.trace(() -> {
      d.get();
      return cText.get();
    }).trace();

    List<TraceEvent> reran = trace.events(Kind.RERAN);
    List<TraceEvent> cutOff = trace.events(Kind.CUT_OFF);
    List<TraceEvent> verified = trace.events(Kind.VERIFIED);
    assertEquals(List.of("b", "d"), reran.stream().map(TraceEvent::label).sorted()
        .collect(Collectors.toList()));
    assertEquals(List.of("c"), cutOff.stream().map(TraceEvent::label).collect(Collectors.toList()));
    // cText read only c, which was cut off: verified without running.
    assertEquals(List.of("cText"), verified.stream().map(TraceEvent::label)
        .collect(Collectors.toList()));
    TraceEvent bEvent = reran.stream().filter(e -> e.label().equals("b")).findFirst().get();
    assertEquals("a", bEvent.cause());
    TraceEvent dEvent = reran.stream().filter(e -> e.label().equals("d")).findFirst().get();
    assertEquals("b", dEvent.cause());
    assertEquals("a", cutOff.get(0).cause());
    // d re-ran after b (its cause) re-ran.
    assertTrue(trace.events().indexOf(bEvent) < trace.events().indexOf(dEvent));
    assertTrue(trace.toString().contains("CUT_OFF c (because a)"), trace.toString());
  }

  @Test
  void traceRecordsFailuresAndTheExceptionStillReachesTheCaller() {
    Var<Integer> divisor = engine.var(1).label("divisor");
    Computed<Integer> q = engine.computed(() -> 10 / divisor.get()).label("q");
    q.get();
    divisor.set(0);
    assertThrows(ArithmeticException.class, () -> engine.trace(q::get));
    assertEquals(1, engine.stats().failures());
    divisor.set(2);
    Trace trace = engine.trace(q::get).trace();
    assertEquals(Kind.RERAN, trace.events().get(0).kind());
    assertEquals("its previous run failed", trace.events().get(0).cause());
  }

  @Test
  void nothingIsRecordedOutsideATrace() {
    d.get();
    Trace empty = engine.trace(d::get).trace();
    assertEquals(List.of(), empty.events());
  }

  @Test
  void whyFollowsTheLatestChangeDownToTheInput() {
    d.get();
    a.set(7);
    d.get();
    long changed = engine.revision();
    Why why = engine.why(d);
    assertEquals(List.of("d", "b", "a"),
        why.chain().stream().map(Why.Step::label).collect(Collectors.toList()));
    assertTrue(why.chain().stream().allMatch(s -> s.changedAt() == changed), why.toString());
    assertTrue(why.chain().get(2).input());
    assertEquals("d@" + changed + " <- b@" + changed + " <- a@" + changed + " (input)",
        why.toString());
  }

  @Test
  void graphSnapshotHasLabelsKindsRevisionsAndFreshness() {
    d.get();
    a.set(2);
    GraphSnapshot graph = engine.graph(d);
    assertEquals(4, graph.nodes().size());
    GraphSnapshot.NodeInfo dInfo = graph.nodes().get(0);
    assertEquals("d", dInfo.label());
    assertEquals("computed", dInfo.kind());
    assertEquals(false, dInfo.upToDate());
    GraphSnapshot.NodeInfo aInfo = graph.nodes().stream()
        .filter(n -> n.label().equals("a")).findFirst().get();
    assertEquals("var", aInfo.kind());
    assertEquals("2", aInfo.value());
    assertEquals(engine.revision(), aInfo.changedAt());
    assertEquals(Set.of("d->b", "d->c", "b->a", "c->a"), labelledEdges(graph));

    String json = graph.toJson();
    assertTrue(json.startsWith("{\"revision\":" + engine.revision() + ",\"nodes\":[{\"id\":\"n0\","
        + "\"label\":\"d\",\"kind\":\"computed\""), json);
    assertTrue(json.contains("\"edges\":[{\"from\":\"n0\",\"to\":\"n1\"}"), json);
  }

  @Test
  void dotOutputParsesAsAGraphWithTheRightEdges() throws Exception {
    requireGraphviz();
    d.get();
    cText.get();
    GraphSnapshot graph = engine.graph(d, cText);
    List<String> plain = renderPlain(graph.toDot());
    // `dot -Tplain` lists "node <id> ..." and "edge <tail> <head> ..." lines.
    Set<String> nodes = plain.stream().filter(l -> l.startsWith("node "))
        .map(l -> l.split(" ")[1]).collect(Collectors.toCollection(TreeSet::new));
    Set<String> edges = plain.stream().filter(l -> l.startsWith("edge "))
        .map(l -> l.split(" ")[1] + "->" + l.split(" ")[2])
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedNodes = graph.nodes().stream().map(GraphSnapshot.NodeInfo::id)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedEdges = graph.edges().stream().map(e -> e.from() + "->" + e.to())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expectedNodes, nodes);
    assertEquals(expectedEdges, edges);
    assertEquals(Set.of("d->b", "d->c", "b->a", "c->a", "cText->c"), labelledEdges(graph));
  }

  @Test
  void graphOfANodeOfAnotherEngineIsRejected() {
    Var<Integer> foreign = newEngine().var(1).label("foreign");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> engine.graph(foreign));
    assertTrue(e.getMessage().contains("foreign"), e.getMessage());
  }

  @Test
  void statsCountNodesRunsRerunsCutoffsAndVerifications() {
    d.get();
    cText.get();
    a.set(5);
    d.get();
    cText.get();
    EngineStats stats = engine.stats();
    assertEquals(1, stats.vars());
    assertEquals(4, stats.computeds());
    assertEquals(4, stats.runs());
    assertEquals(2, stats.reruns());
    assertEquals(1, stats.cutoffs());
    assertEquals(1, stats.verifications());
    assertEquals(0, stats.failures());
  }

  @Test
  void flightRecorderEventsAreCommittedWhileOnAndARecordingIsRunning() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("incr", ".jfr");
    try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
      recording.enable("dev.incr.Recomputation");
      recording.start();
      engine.recordFlightEvents(true);
      assertEquals(2, d.get());
      a.set(5); // b re-runs, c is cut off, d re-runs
      assertEquals(6, d.get());
      engine.recordFlightEvents(false);
      a.set(6);
      assertEquals(7, d.get()); // not recorded
      recording.stop();
      recording.dump(file);
    }
    List<String> events = jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
        .filter(e -> e.getEventType().getName().equals("dev.incr.Recomputation"))
        .map(e -> e.getString("kind") + " " + e.getString("node"))
        .collect(Collectors.toList());
    java.nio.file.Files.deleteIfExists(file);
    // Events are committed as runs complete: b and c finish inside d's run.
    assertEquals(List.of("RAN b", "RAN c", "RAN d", "RERAN b", "CUT_OFF c", "RERAN d"), events);
  }

  static List<String> sorted(List<String> labels) {
    return labels.stream().sorted().collect(Collectors.toList());
  }

  static Set<String> labelledEdges(GraphSnapshot graph) {
    java.util.Map<String, String> labels = graph.nodes().stream()
        .collect(Collectors.toMap(GraphSnapshot.NodeInfo::id, GraphSnapshot.NodeInfo::label));
    return graph.edges().stream().map(e -> labels.get(e.from()) + "->" + labels.get(e.to()))
        .collect(Collectors.toSet());
  }

  /**
   * Skips the calling test when Graphviz's {@code dot} is not installed, or fails it when the build
   * was run with {@code -Dincr.requireTools=true} (as CI is), so CI never skips it silently.
   */
  static void requireGraphviz() throws InterruptedException {
    boolean found;
    try {
      Process probe = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      found = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException notOnPath) {
      found = false;
    }
    String message = "Graphviz's `dot` is not on the PATH: install Graphviz (`apt-get install"
        + " graphviz`, `brew install graphviz`) to run this test";
    if (!found && Boolean.getBoolean("incr.requireTools")) {
      fail(message + " (-Dincr.requireTools=true turns this skip into a failure)");
    }
    assumeTrue(found, message);
  }

  static List<String> renderPlain(String dot) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("dot", "-Tplain").redirectErrorStream(true).start();
    process.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), "dot rejected the output:\n" + out + "\n" + dot);
    return out.lines().collect(Collectors.toList());
  }
}
