package dev.incr.examples.spreadsheet;

import dev.incr.Engine;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsContext;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves a {@link Sheet} to browsers: the page at {@code /}, and a WebSocket at {@code /ws} that
 * sends the sheet on connect and every edit after it, to every connected browser.
 *
 * <p>{@code GET /why/B2} answers why a cell has its value: the chain of nodes down to the edit that
 * last changed it.
 *
 * <p>Protocol. The server sends JSON objects (see {@link Json}): one {@code snapshot}, then an
 * {@code edit} per edit by anyone, or an {@code error} answering a bad request. A browser sends a
 * text message holding a cell name, a newline, and the cell's new raw text.
 *
 * <p>Run it from the repository root with {@code ./mvnw -q -pl examples/spreadsheet -am
 * compile -Pserve}. Arguments: the port (default 7070), then the address to bind (default {@code
 * 127.0.0.1}, so only this machine can reach it; {@code 0.0.0.0} serves every interface), as in
 * {@code -Dexec.args="8081 0.0.0.0"}.
 */
public final class SpreadsheetServer implements AutoCloseable {

  /** The port the demo listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 7070;

  /** The address the demo binds unless told otherwise: the loopback interface only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * The largest WebSocket message the server reads, in bytes. Well above what a valid edit needs
   * (a cell holds {@value Sheet#MAX_RAW_LENGTH} characters), so that an oversized paste reaches
   * the sheet and is refused with its usual error; Jetty's own default (64 KiB) would instead
   * close the connection.
   */
  static final long MAX_MESSAGE_BYTES = 1 << 20;

  private final Sheet sheet;
  private final Javalin app;
  private final Map<WsContext, SheetListener> clients = new ConcurrentHashMap<>();

  private SpreadsheetServer(Sheet sheet, String host, int port) {
    this.sheet = Objects.requireNonNull(sheet, "sheet");
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.modifyWebSocketServletFactory(
          factory -> factory.setMaxTextMessageSize(MAX_MESSAGE_BYTES));
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.routes.get("/why/{cell}", ctx -> {
        ctx.contentType("application/json");
        try {
          String cell = ctx.pathParam("cell");
          ctx.result(Json.why(cell.toUpperCase(Locale.ROOT), sheet.why(cell)));
        } catch (IllegalArgumentException e) {
          ctx.status(404).result(Json.error(e.getMessage()));
        }
      });
      config.routes.ws("/ws", ws -> {
        ws.onConnect(this::connected);
        ws.onMessage(ctx -> received(ctx, ctx.message()));
        ws.onClose(this::disconnected);
        ws.onError(this::disconnected);
      });
    });
    app.start(host, port);
  }

  /**
   * Starts serving {@code sheet}.
   *
   * @param host the address to bind, such as {@code 127.0.0.1}
   * @param port the port, or 0 for any free one
   */
  public static SpreadsheetServer start(Sheet sheet, String host, int port) {
    return new SpreadsheetServer(sheet, host, port);
  }

  /** Creates the demo sheet: 10 columns by 20 rows, seeded. */
  public static Sheet demoSheet() {
    // The one line that picks the engine; the sheet serializes every operation itself.
    Sheet sheet = new Sheet(Engine.singleThreaded(), 10, 20);
    sheet.load(Seed.cells());
    return sheet;
  }

  /**
   * Starts the demo and prints its address.
   *
   * @param args optionally the port (default {@value #DEFAULT_PORT}), then the address to bind
   *     (default {@value #DEFAULT_HOST})
   */
  public static void main(String[] args) {
    SpreadsheetServer server = startDemo(args);
    System.out.println("incr spreadsheet running at " + server.url() + " (bound to "
        + server.host() + ")");
    System.out.println("Open it in two browser windows; edits appear in both. Ctrl-C stops it.");
  }

  /** Starts the demo sheet as {@link #main} does, on the port and address given in {@code args}. */
  static SpreadsheetServer startDemo(String[] args) {
    if (args.length > 2) {
      throw new IllegalArgumentException("Expected at most a port and an address to bind, got "
          + String.join(" ", args));
    }
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    String host = args.length > 1 ? args[1] : DEFAULT_HOST;
    return start(demoSheet(), host, port);
  }

  /** Returns the address the server is bound to, such as {@code 127.0.0.1}. */
  public String host() {
    return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getHost();
  }

  /** Returns the port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Returns the page's address on the loopback interface. */
  public String url() {
    return "http://localhost:" + port() + "/";
  }

  /** Returns the number of connected browsers. */
  public int clientCount() {
    return clients.size();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void connected(WsContext ctx) {
    SheetListener listener = new SheetListener() {
      @Override
      public void snapshot(SheetSnapshot snapshot) {
        send(ctx, Json.snapshot(snapshot));
      }

      @Override
      public void edited(EditReport report) {
        send(ctx, Json.edit(report));
      }
    };
    clients.put(ctx, listener);
    sheet.addListener(listener);
  }

  private void disconnected(WsContext ctx) {
    SheetListener listener = clients.remove(ctx);
    if (listener != null) {
      sheet.removeListener(listener);
    }
  }

  private void received(WsContext ctx, String message) {
    int newline = message.indexOf('\n');
    if (newline < 0) {
      send(ctx, Json.error("Expected a cell name, a newline and the cell's text; got '"
          + abbreviate(message) + "'"));
      return;
    }
    try {
      sheet.edit(message.substring(0, newline), message.substring(newline + 1));
    } catch (IllegalArgumentException e) {
      send(ctx, Json.error(e.getMessage()));
    }
  }

  /** Queues a message (Jetty sends asynchronously, in order); a closed session is dropped. */
  private void send(WsContext ctx, String json) {
    try {
      ctx.send(json);
    } catch (RuntimeException e) {
      disconnected(ctx);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
