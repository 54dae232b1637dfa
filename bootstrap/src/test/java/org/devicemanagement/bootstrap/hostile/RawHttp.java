package org.devicemanagement.bootstrap.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deliberately dumb HTTP/1.1 client over a raw socket, for requests {@code java.net.http} refuses
 * to send (two Authorization headers, bad header bytes, malformed request lines, huge bodies): it
 * writes the bytes as given and reads the answer until the server closes the connection.
 */
final class RawHttp {

  private static final int READ_TIMEOUT_MILLIS = 15_000;

  private RawHttp() {}

  /** What the server answered: the status line, headers in order, and the decoded body. */
  record Answer(int status, String statusLine, List<String[]> headers, String body, String raw) {

    /** The first header named {@code name}, ignoring case. */
    Optional<String> header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    /** How many headers are named {@code name}, ignoring case. */
    long count(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).count();
    }
  }

  /**
   * Sends {@code head} (request line and headers, each ending CRLF, plus the empty line) and then
   * {@code body} from another thread (so that a server answering early is not blocked on), and
   * reads the answer.
   */
  static Answer exchange(String host, int port, byte[] head, BodyWriter body) {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.flush();
      Thread writer =
          new Thread(
              () -> {
                try {
                  body.writeTo(out);
                  out.flush();
                } catch (IOException e) {
                  // The server may answer and close before the body is sent; that is the point.
                }
              },
              "raw-http-body");
      writer.setDaemon(true);
      writer.start();
      byte[] answer = readUntilClosed(socket.getInputStream());
      writer.interrupt();
      return parse(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code head} with no body. */
  static Answer exchange(String host, int port, String head) {
    return exchange(host, port, head.getBytes(StandardCharsets.ISO_8859_1), out -> {});
  }

  /** Writes a request body. */
  @FunctionalInterface
  interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Reads one response: its head, then as many body bytes as it declares (Content-Length or
   * chunks), or everything until the server closes when it declares neither.
   */
  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
        if (complete(all.toByteArray())) {
          break;
        }
      }
    } catch (SocketException reset) {
      // A reset after the answer (the server closed with our body unread) still leaves the answer.
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toByteArray();
  }

  private static boolean complete(byte[] bytes) {
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = raw.substring(0, end).toLowerCase(Locale.ROOT);
    int bodyLength = bytes.length - end - 4;
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
    if (length.find()) {
      return bodyLength >= Integer.parseInt(length.group(1));
    }
    if (head.contains("\r\ntransfer-encoding:") && head.contains("chunked")) {
      return raw.endsWith("\r\n0\r\n\r\n") || raw.substring(end + 4).startsWith("0\r\n\r\n");
    }
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    return status == 204 || status == 304;
  }

  static Answer parse(byte[] bytes) {
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no complete response head in: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n", -1);
    String statusLine = lines[0];
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {
            lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()
          });
    }
    byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    boolean chunked =
        headers.stream()
            .anyMatch(
                h ->
                    h[0].equalsIgnoreCase("Transfer-Encoding")
                        && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
    byte[] body = chunked ? dechunk(rest) : rest;
    Optional<Integer> length =
        headers.stream()
            .filter(h -> h[0].equalsIgnoreCase("Content-Length"))
            .map(h -> Integer.parseInt(h[1]))
            .findFirst();
    if (length.isPresent() && length.get() != body.length) {
      throw new IllegalStateException(
          "truncated or padded body: Content-Length %d, got %d in: %s"
              .formatted(length.get(), body.length, raw));
    }
    return new Answer(status, statusLine, headers, new String(body, StandardCharsets.UTF_8), raw);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, at);
      if (lineEnd < 0) {
        throw new IllegalStateException("truncated chunked body");
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
      at = lineEnd + 2;
      if (size == 0) {
        return out.toByteArray();
      }
      if (at + size > chunked.length) {
        throw new IllegalStateException("truncated chunk");
      }
      out.write(chunked, at, size);
      at += size + 2;
    }
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
