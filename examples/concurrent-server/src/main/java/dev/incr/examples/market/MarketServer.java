package dev.incr.examples.market;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.incr.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * An HTTP server over a {@link Book} fed by a {@link MarketFeed}: one writer thread moves prices
 * while a pool of handler threads answers with values derived by the concurrent engine. Every
 * answer is computed at one revision, so its parts add up to its totals.
 *
 * <p>Endpoints (all JSON, money in cents, {@code GET} only): {@code /portfolio}, {@code /sectors},
 * {@code /positions/SYMBOL}, {@code /stats}. Paths match exactly ({@code /statsX} is a 404); any
 * other method gets a 405 with an {@code Allow: GET} header.
 *
 * <p>Run it from the repository root with {@code ./mvnw -q -pl examples/concurrent-server -am
 * compile -Pserve}. Arguments: the port (default 8080), then the address to bind (default {@code
 * 127.0.0.1}, so only this machine can reach it; {@code 0.0.0.0} serves every interface), as in
 * {@code -Dexec.args="8081 0.0.0.0"}.
 */
public final class MarketServer implements AutoCloseable {

  /** The port the demo listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 8080;

  /** The address the demo binds unless told otherwise: the loopback interface only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  static {
    // The JDK's server writes a response's headers and body separately; with Nagle's algorithm on,
    // the body waits for the client's delayed ACK (about 40 ms) on every keep-alive request. The
    // server reads this property once, when the first server in the JVM is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String POSITIONS = "/positions/";

  private final Book book;
  private final MarketFeed feed;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final LongAdder requests = new LongAdder();
  private final Map<String, Supplier<String>> routes;

  private MarketServer(String host, int port, int handlerThreads, long tickPauseMillis)
      throws IOException {
    this.book = new Book(Engine.concurrent());
    this.routes = Map.of(
        "/portfolio", () -> Json.portfolio(book.portfolio()),
        "/sectors", () -> Json.sectors(book.sectors()),
        "/stats", () -> Json.stats(book.tick(), requests.sum()));
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    this.handlers = Executors.newFixedThreadPool(handlerThreads);
    server.setExecutor(handlers);
    // One context for everything: the JDK matches contexts by prefix, so "/stats" would also
    // answer "/statsX". route() matches whole paths.
    server.createContext("/", this::answer);
    server.start();
    this.feed = new MarketFeed(book, tickPauseMillis);
  }

  /**
   * Starts the server and the price feed.
   *
   * @param host the address to bind, such as {@code 127.0.0.1}
   * @param port the port, or 0 for any free one
   * @param handlerThreads how many threads answer requests
   * @param tickPauseMillis the pause between price ticks
   */
  public static MarketServer start(String host, int port, int handlerThreads, long tickPauseMillis)
      throws IOException {
    return new MarketServer(host, port, handlerThreads, tickPauseMillis);
  }

  /**
   * Starts the demo, ticking every 10 ms, and prints its endpoints.
   *
   * @param args optionally the port (default {@value #DEFAULT_PORT}), then the address to bind
   *     (default {@value #DEFAULT_HOST})
   */
  public static void main(String[] args) throws IOException {
    MarketServer server = startDemo(args);
    String base = "http://localhost:" + server.port();
    System.out.println("incr market-data server running at " + base + "/ (bound to "
        + server.host() + ")");
    System.out.println("  " + base + "/portfolio   every position, sector totals and the total");
    System.out.println("  " + base + "/sectors     the total and its split by sector");
    System.out.println("  " + base + "/positions/ACME");
    System.out.println("  " + base + "/stats");
    System.out.println("Prices move every 10 ms; every answer adds up at one tick. Ctrl-C stops it.");
  }

  /** Starts the demo as {@link #main} does, on the port and address given in {@code args}. */
  static MarketServer startDemo(String[] args) throws IOException {
    if (args.length > 2) {
      throw new IllegalArgumentException("Expected at most a port and an address to bind, got "
          + String.join(" ", args));
    }
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : DEFAULT_HOST;
    return start(host, port, 8, 10);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the address the server is bound to, such as {@code 127.0.0.1}. */
  public String host() {
    return server.getAddress().getAddress().getHostAddress();
  }

  /** Returns the book the server answers from. */
  public Book book() {
    return book;
  }

  @Override
  public void close() {
    feed.close();
    server.stop(0);
    handlers.shutdownNow();
  }

  /** Returns what answers {@code path}, or null if nothing does. */
  private Supplier<String> route(String path) {
    Supplier<String> exact = routes.get(path);
    if (exact != null) {
      return exact;
    }
    if (path.startsWith(POSITIONS) && path.length() > POSITIONS.length()
        && path.indexOf('/', POSITIONS.length()) < 0) {
      String symbol = path.substring(POSITIONS.length());
      return () -> Json.position(book.position(symbol));
    }
    return null;
  }

  private void answer(HttpExchange ex) throws IOException {
    requests.increment();
    String path = ex.getRequestURI().getPath();
    Supplier<String> route = route(path);
    int status = 200;
    String json;
    if (route == null) {
      status = 404;
      json = Json.error("Unknown path " + path
          + "; try /portfolio, /sectors, /positions/ACME or /stats");
    } else if (!"GET".equals(ex.getRequestMethod())) {
      status = 405;
      ex.getResponseHeaders().set("Allow", "GET");
      json = Json.error("Only GET is supported, not " + ex.getRequestMethod());
    } else {
      try {
        json = route.get();
      } catch (IllegalArgumentException e) {
        status = 404;
        json = Json.error(e.getMessage());
      }
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
