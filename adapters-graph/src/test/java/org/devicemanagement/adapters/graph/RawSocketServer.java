package org.devicemanagement.adapters.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server below HTTP, for failures an HTTP server library will not produce: it reads each
 * request's head, writes {@code bytes} as they are, and then closes the connection, either gently
 * (FIN, a cut-short body) or with a reset (RST).
 */
final class RawSocketServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  private RawSocketServer(String bytes, boolean reset) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                  readHead(connection.getInputStream());
                  requests.incrementAndGet();
                  connection.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
                  connection.getOutputStream().flush();
                  if (reset) {
                    connection.setSoLinger(true, 0);
                  }
                } catch (IOException e) {
                  // closed by the test, or the client went away: either way, next connection.
                }
              }
            },
            "raw-socket-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers {@code bytes} and then closes normally. */
  static RawSocketServer answeringThenClosing(String bytes) {
    return start(bytes, false);
  }

  /** Answers {@code bytes} and then resets the connection. */
  static RawSocketServer answeringThenResetting(String bytes) {
    return start(bytes, true);
  }

  private static RawSocketServer start(String bytes, boolean reset) {
    try {
      return new RawSocketServer(bytes, reset);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the raw socket server", e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1.0");
  }

  int requests() {
    return requests.get();
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
