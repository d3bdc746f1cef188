package dev.incr.examples.market;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.incr.Engine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * An HTTP server over a {@link Book} fed by a {@link MarketFeed}: one writer thread moves prices
 * while a pool of handler threads answers with values derived by the concurrent engine. Every
 * answer is computed at one revision, so its parts add up to its totals.
 *
 * <p>Endpoints (all JSON, money in cents): {@code /portfolio}, {@code /sectors}, {@code
 * /positions/SYMBOL}, {@code /stats}.
 *
 * <p>Run it with {@code mvn -q -pl examples/concurrent-server -am compile -Pserve}; the port is the
 * first argument, or 8080.
 */
public final class MarketServer implements AutoCloseable {

  private final Book book;
  private final MarketFeed feed;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final LongAdder requests = new LongAdder();

  private MarketServer(String host, int port, int handlerThreads, long tickPauseMillis)
      throws IOException {
    this.book = new Book(Engine.concurrent());
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    this.handlers = Executors.newFixedThreadPool(handlerThreads);
    server.setExecutor(handlers);
    server.createContext("/portfolio", ex -> answer(ex, () -> Json.portfolio(book.portfolio())));
    server.createContext("/sectors", ex -> answer(ex, () -> Json.sectors(book.sectors())));
    server.createContext("/positions/", ex -> answer(ex, () -> Json.position(
        book.position(ex.getRequestURI().getPath().substring("/positions/".length())))));
    server.createContext("/stats",
        ex -> answer(ex, () -> Json.stats(book.tick(), requests.sum())));
    server.createContext("/", ex -> answer(ex, () -> {
      throw new IllegalArgumentException("Unknown path " + ex.getRequestURI().getPath()
          + "; try /portfolio, /sectors, /positions/ACME or /stats");
    }));
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

  /** Starts the demo on port {@code args[0]} (default 8080), ticking every 10 ms. */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    MarketServer server = start("0.0.0.0", port, 8, 10);
    String base = "http://localhost:" + server.port();
    System.out.println("incr market-data server running at " + base + "/");
    System.out.println("  " + base + "/portfolio   every position, sector totals and the total");
    System.out.println("  " + base + "/sectors     the total and its split by sector");
    System.out.println("  " + base + "/positions/ACME");
    System.out.println("  " + base + "/stats");
    System.out.println("Prices move every 10 ms; every answer adds up at one tick. Ctrl-C stops it.");
  }

  /** Returns the port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
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

  private void answer(HttpExchange ex, Supplier<String> body) throws IOException {
    requests.increment();
    int status = 200;
    String json;
    if (!"GET".equals(ex.getRequestMethod())) {
      status = 405;
      json = Json.error("Only GET is supported, not " + ex.getRequestMethod());
    } else {
      try {
        json = body.get();
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
