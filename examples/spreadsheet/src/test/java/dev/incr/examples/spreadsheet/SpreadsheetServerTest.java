package dev.incr.examples.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's HTTP and WebSocket protocol, spoken by the JDK's own client. */
class SpreadsheetServerTest {

  private SpreadsheetServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = SpreadsheetServer.start(SpreadsheetServer.demoSheet(), "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesThePageAndItsScript() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>incr spreadsheet</title>"));
    assertEquals(200, get("/sheet.js").statusCode());
    assertEquals(200, get("/sheet.css").statusCode());
  }

  @Test
  void explainsWhyACellHasItsValue() throws Exception {
    HttpResponse<String> why = get("/why/b19");
    assertEquals(200, why.statusCode());
    assertTrue(why.body().startsWith("{\"type\":\"why\",\"cell\":\"B19\",\"chain\":[{\"label\":"
        + "\"B19\""), why.body());
    HttpResponse<String> outside = get("/why/K1");
    assertEquals(404, outside.statusCode());
    assertTrue(outside.body().contains("Cell K1 is outside the sheet"), outside.body());
  }

  @Test
  void everyClientGetsTheSnapshotThenEveryEdit() throws Exception {
    Client alice = new Client();
    Client bob = new Client();
    String snapshot = alice.next();
    assertTrue(snapshot.startsWith("{\"type\":\"snapshot\",\"columns\":10,\"rows\":20"), snapshot);
    assertTrue(snapshot.contains("{\"cell\":\"D9\",\"raw\":\"=D7+D8\",\"value\":\"32.724\""),
        snapshot);
    assertTrue(bob.next().startsWith("{\"type\":\"snapshot\""));

    alice.send("B2\n20");
    for (Client c : new Client[] {alice, bob}) {
      String edit = c.next();
      assertTrue(edit.startsWith("{\"type\":\"edit\",\"cell\":\"B2\",\"raw\":\"20\""), edit);
      assertTrue(edit.contains("{\"cell\":\"D2\",\"value\":\"10\",\"kind\":\"number\"}"), edit);
      assertTrue(edit.contains("\"recomputed\":[\"B2\","), edit);
    }
  }

  @Test
  void aBadRequestIsAnsweredToItsSenderOnly() throws Exception {
    Client alice = new Client();
    Client bob = new Client();
    alice.next();
    bob.next();
    alice.send("K1\n1");
    assertEquals("{\"type\":\"error\",\"message\":\"Cell K1 is outside the sheet (A1:J20); edit a"
        + " cell inside it\"}", alice.next());
    alice.send("no newline");
    assertTrue(alice.next().contains("Expected a cell name, a newline and the cell's text"));
    alice.send("A1\nName");
    // Bob's next message is the good edit: nothing was sent to him about the bad ones.
    assertTrue(bob.next().startsWith("{\"type\":\"edit\",\"cell\":\"A1\",\"raw\":\"Name\""));
    assertEquals(2, server.clientCount());
  }

  @Test
  void anOversizedPasteGetsTheUsualErrorAndTheConnectionStaysOpen() throws Exception {
    Client alice = new Client();
    alice.next();
    alice.send("A1\n" + "x".repeat(66_000));
    assertEquals("{\"type\":\"error\",\"message\":\"The text for A1 is 66000 characters long; a"
        + " cell holds at most 2000\"}", alice.next());
    alice.send("A1\nName");
    assertTrue(alice.next().startsWith("{\"type\":\"edit\",\"cell\":\"A1\",\"raw\":\"Name\""));
    assertEquals(1, server.clientCount());
  }

  @Test
  void theDemoBindsTheLoopbackAddressUnlessToldOtherwise() {
    try (SpreadsheetServer local = SpreadsheetServer.startDemo(new String[] {"0"})) {
      assertEquals("127.0.0.1", local.host());
    }
    String[] args = {"0", "0.0.0.0"};
    try (SpreadsheetServer everywhere = SpreadsheetServer.startDemo(args)) {
      assertEquals("0.0.0.0", everywhere.host());
    }
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> SpreadsheetServer.startDemo(new String[] {"0", "127.0.0.1", "extra"}));
    assertEquals("Expected at most a port and an address to bind, got 0 127.0.0.1 extra",
        tooMany.getMessage());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A WebSocket client that queues every text message it receives. */
  private final class Client implements WebSocket.Listener {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    Client() throws Exception {
      socket = http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), this)
          .get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void send(String text) throws Exception {
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** Waits for the next message; fails if none arrives (the server is broken, not slow). */
    String next() throws InterruptedException {
      String message = messages.poll(30, TimeUnit.SECONDS);
      assertNotNull(message, "no message from the server");
      return message;
    }
  }
}
