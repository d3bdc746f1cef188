package dev.incr.examples.market;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded HTTP/1.1 load client for the market server: each of a few connections sends GET
 * requests one after another over one keep-alive socket and records how long each answer took.
 * It only ever talks to the loopback address it is given, and stops after a fixed number of
 * requests.
 *
 * <p>From {@code examples/concurrent-server}, against a running server:
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:../../incr-runtime/target/classes \
 *     dev.incr.examples.market.LoadClient 8080 /sectors 4 500
 * }</pre>
 *
 * <p>Arguments: port, path, connections, requests per connection. Without a port it starts a
 * server of its own on an ephemeral loopback port.
 */
final class LoadClient {

  private LoadClient() {}

  /** Latencies of every request, in microseconds, sorted. */
  static long[] measure(int port, String path, int connections, int requestsPerConnection)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        results.add(pool.submit(() -> oneConnection(port, path, requestsPerConnection)));
      }
      long[] all = new long[connections * requestsPerConnection];
      int i = 0;
      for (Future<long[]> f : results) {
        long[] some = f.get();
        System.arraycopy(some, 0, all, i, some.length);
        i += some.length;
      }
      Arrays.sort(all);
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The value at quantile {@code q} (0 to 1) of sorted {@code values}. */
  static long quantile(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  private static long[] oneConnection(int port, String path, int requests) throws IOException {
    long[] micros = new long[requests];
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int r = 0; r < requests; r++) {
        long start = System.nanoTime();
        out.write(request);
        out.flush();
        readResponse(in);
        micros[r] = (System.nanoTime() - start) / 1_000;
      }
    }
    return micros;
  }

  /** Reads one response: the headers, then exactly Content-Length bytes of body. */
  private static void readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The server closed the connection mid-response");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    if (!headers.startsWith("HTTP/1.1 200")) {
      throw new IOException("Expected 200, got " + headers.lines().findFirst().orElse(""));
    }
    long length = headers.lines()
        .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new IOException("No Content-Length in " + headers));
    in.readNBytes((int) length);
  }

  public static void main(String[] args) throws Exception {
    String path = args.length > 1 ? args[1] : "/sectors";
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    MarketServer own = args.length > 0 ? null : MarketServer.start("127.0.0.1", 0, 8, 10);
    int port = own != null ? own.port() : Integer.parseInt(args[0]);
    try {
      measure(port, path, connections, Math.min(requests, 50)); // warm-up
      long started = System.nanoTime();
      long[] micros = measure(port, path, connections, requests);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "%d requests over %d keep-alive connections to %s in %.2f s"
              + " (%.0f/s): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          micros.length, connections, path, seconds, micros.length / seconds,
          quantile(micros, 0.50) / 1e3, quantile(micros, 0.99) / 1e3,
          micros[micros.length - 1] / 1e3);
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }
}
