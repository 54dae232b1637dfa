package org.devicemanagement.adapters.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server below HTTP, for failures an HTTP server library will not produce: it either
 * reads each request's head, writes {@code bytes} as they are, and then closes the connection,
 * gently (FIN, a cut-short body) or with a reset (RST); or it accepts every connection and never
 * answers, holding it open until the server closes (a hung Graph).
 */
public final class RawSocketServer implements AutoCloseable {

  /** What the server does with one accepted connection, on its accepting thread. */
  private interface Handling {
    void handle(RawSocketServer server, Socket connection) throws IOException;
  }

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> held = new ArrayList<>();

  private RawSocketServer(Handling handling) throws IOException {
    socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket connection = socket.accept();
                  connections.incrementAndGet();
                  handling.handle(this, connection);
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
  public static RawSocketServer answeringThenClosing(String bytes) {
    return start((server, connection) -> server.answer(connection, bytes, false));
  }

  /** Answers {@code bytes} and then resets the connection. */
  public static RawSocketServer answeringThenResetting(String bytes) {
    return start((server, connection) -> server.answer(connection, bytes, true));
  }

  /** Accepts every connection and never answers; each is held open until {@link #close()}. */
  public static RawSocketServer holdingEveryConnection() {
    return start(RawSocketServer::hold);
  }

  private static RawSocketServer start(Handling handling) {
    try {
      return new RawSocketServer(handling);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the raw socket server", e);
    }
  }

  /** Graph's root on this server, for example {@code http://127.0.0.1:41234/v1.0}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1.0");
  }

  /** How many requests were read and answered. */
  public int requests() {
    return requests.get();
  }

  /** How many connections were accepted. */
  public int connections() {
    return connections.get();
  }

  private void hold(Socket connection) {
    synchronized (held) {
      held.add(connection);
    }
  }

  private void answer(Socket connection, String bytes, boolean reset) throws IOException {
    try (connection) {
      readHead(connection.getInputStream());
      requests.incrementAndGet();
      connection.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
      connection.getOutputStream().flush();
      if (reset) {
        connection.setSoLinger(true, 0);
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4
          && bytes[n - 4] == '\r'
          && bytes[n - 3] == '\n'
          && bytes[n - 2] == '\r'
          && bytes[n - 1] == '\n') {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (held) {
      for (Socket connection : held) {
        connection.close();
      }
      held.clear();
    }
  }
}
