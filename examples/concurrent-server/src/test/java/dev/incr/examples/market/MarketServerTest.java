package dev.incr.examples.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the server on a loopback port with the writer ticking as fast as it can, fires requests
 * from several threads while prices move, and checks every answer is consistent: all its prices
 * belong to the tick it reports, each value is quantity times price, and the totals equal the sums
 * of their parts.
 */
class MarketServerTest {

  private static final int CLIENTS = 6;
  private static final int REQUESTS_PER_CLIENT = 150;

  private MarketServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = MarketServer.start("127.0.0.1", 0, 4, 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyAnswerAddsUpAtOneTickWhilePricesMove() throws Exception {
    long firstTick = server.book().tick();
    Set<Long> ticksSeen = ConcurrentHashMap.newKeySet();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        results.add(clients.submit(() -> {
          long lastTick = -1;
          for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            long tick;
            switch ((i + client) % 3) {
              case 0:
                tick = checkPortfolio(get("/portfolio"));
                break;
              case 1:
                tick = checkSectors(get("/sectors"));
                break;
              default:
                tick = checkPosition(get("/positions/" + symbolFor(i)), symbolFor(i));
            }
            assertTrue(tick >= lastTick, "tick went back from " + lastTick + " to " + tick);
            lastTick = tick;
            ticksSeen.add(tick);
          }
          return REQUESTS_PER_CLIENT;
        }));
      }
      for (Future<Integer> f : results) {
        assertEquals(REQUESTS_PER_CLIENT, f.get());
      }
    } finally {
      clients.shutdownNow();
    }
    // The writer moved prices while the requests ran: the answers came from many ticks.
    assertTrue(server.book().tick() > firstTick);
    assertTrue(ticksSeen.size() > 1, "answers saw ticks " + ticksSeen);
  }

  @Test
  void unknownSymbolsAndPathsAreClear404s() throws Exception {
    HttpResponse<String> r = send("/positions/NOPE");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Unknown symbol 'NOPE'; the book holds ACME, BYTE"), r.body());
    HttpResponse<String> other = send("/nothing");
    assertEquals(404, other.statusCode());
    assertTrue(other.body().contains("Unknown path /nothing; try /portfolio"), other.body());
  }

  @Test
  void pathsMatchExactly() throws Exception {
    for (String path : List.of("/statsX", "/stats/", "/portfolio/x", "/sectorsandmore",
        "/positions/", "/positions/ACME/value", "/")) {
      HttpResponse<String> r = send(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.body().contains("Unknown path " + path + "; try /portfolio"), r.body());
    }
    assertEquals(200, send("/stats").statusCode());
    assertEquals(200, send("/portfolio?ignored=1").statusCode());
  }

  @Test
  void otherMethodsGet405WithAnAllowHeader() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE")) {
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sectors"))
              .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, r.statusCode(), method);
      assertEquals(Optional.of("GET"), r.headers().firstValue("Allow"), method);
      assertEquals("{\"error\":\"Only GET is supported, not " + method + "\"}", r.body());
    }
  }

  @Test
  void keepAliveAnswersDoNotWaitForTheClientsDelayedAck() throws Exception {
    // With Nagle's algorithm on, each answer's body waited ~40 ms for the client's delayed ACK.
    long[] micros = LoadClient.measure(server.port(), "/stats", 1, 40);
    long median = LoadClient.quantile(micros, 0.5);
    assertTrue(median < 20_000, "median answer over keep-alive took " + median + " us");
  }

  @Test
  void theDemoBindsTheLoopbackAddressUnlessToldOtherwise() throws Exception {
    try (MarketServer local = MarketServer.startDemo(new String[] {"0"})) {
      assertEquals("127.0.0.1", local.host());
    }
    try (MarketServer everywhere = MarketServer.startDemo(new String[] {"0", "0.0.0.0"})) {
      assertTrue(InetAddress.getByName(everywhere.host()).isAnyLocalAddress(), everywhere.host());
    }
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> MarketServer.startDemo(new String[] {"0", "127.0.0.1", "extra"}));
    assertEquals("Expected at most a port and an address to bind, got 0 127.0.0.1 extra",
        tooMany.getMessage());
  }

  private static String symbolFor(int i) {
    return Market.INSTRUMENTS.get(i % Market.INSTRUMENTS.size()).symbol();
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> get(String path) throws Exception {
    HttpResponse<String> r = send(path);
    assertEquals(200, r.statusCode(), r.body());
    return (Map<String, Object>) MiniJson.parse(r.body());
  }

  /** Checks a position against the price path at the reported tick; returns the tick. */
  @SuppressWarnings("unchecked")
  private static long checkHolding(Map<String, Object> h, long tick) {
    String symbol = (String) h.get("symbol");
    int index = Market.indexOf(symbol);
    Instrument in = Market.INSTRUMENTS.get(index);
    long price = (Long) h.get("priceCents");
    assertEquals(Market.priceAt(index, tick), price, symbol + " price is not the one of tick " + tick);
    assertEquals(in.quantity(), h.get("quantity"));
    assertEquals(in.sector(), h.get("sector"));
    assertEquals(in.quantity() * price, h.get("valueCents"), symbol + " value");
    return in.quantity() * price;
  }

  /** Returns the expected book total and per-sector totals at {@code tick}, from scratch. */
  private static Map<String, Long> expectedSectors(long tick) {
    Map<String, Long> sectors = new HashMap<>();
    for (int i = 0; i < Market.INSTRUMENTS.size(); i++) {
      Instrument in = Market.INSTRUMENTS.get(i);
      sectors.merge(in.sector(), in.quantity() * Market.priceAt(i, tick), Long::sum);
    }
    return sectors;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> sectorsOf(Map<String, Object> answer) {
    Map<String, Long> sectors = new HashMap<>();
    for (Object o : (List<Object>) answer.get("sectors")) {
      Map<String, Object> s = (Map<String, Object>) o;
      sectors.put((String) s.get("sector"), (Long) s.get("valueCents"));
    }
    return sectors;
  }

  @SuppressWarnings("unchecked")
  private static long checkPortfolio(Map<String, Object> p) {
    long tick = (Long) p.get("tick");
    List<Object> positions = (List<Object>) p.get("positions");
    assertEquals(Market.INSTRUMENTS.size(), positions.size());
    long sum = 0;
    Map<String, Long> bySector = new HashMap<>();
    for (Object o : positions) {
      Map<String, Object> h = (Map<String, Object>) o;
      long value = checkHolding(h, tick);
      sum += value;
      bySector.merge((String) h.get("sector"), value, Long::sum);
    }
    assertEquals(sum, p.get("totalCents"), "total vs positions at tick " + tick);
    assertEquals(bySector, sectorsOf(p), "sectors vs positions at tick " + tick);
    assertEquals(expectedSectors(tick), bySector);
    return tick;
  }

  private static long checkSectors(Map<String, Object> s) {
    long tick = (Long) s.get("tick");
    Map<String, Long> sectors = sectorsOf(s);
    assertEquals(expectedSectors(tick), sectors, "sectors at tick " + tick);
    assertEquals(sectors.values().stream().mapToLong(Long::longValue).sum(), s.get("totalCents"),
        "total vs sectors at tick " + tick);
    return tick;
  }

  @SuppressWarnings("unchecked")
  private static long checkPosition(Map<String, Object> answer, String symbol) {
    long tick = (Long) answer.get("tick");
    Map<String, Object> h = (Map<String, Object>) answer.get("position");
    assertEquals(symbol, h.get("symbol"));
    checkHolding(h, tick);
    return tick;
  }
}
