package org.devicemanagement.adapters.rest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 answer (its head, and a body of a declared length or chunked) off a socket.
 */
final class RawAnswers {

  private RawAnswers() {}

  /** The next whole answer on {@code in}; EOFException if the server closed the connection. */
  static String read(InputStream in) throws IOException {
    String head = line(in, "\r\n\r\n");
    int length = 0;
    boolean chunked = false;
    for (String header : head.toLowerCase(Locale.ROOT).split("\r\n", -1)) {
      if (header.startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).strip());
      }
      chunked |= header.startsWith("transfer-encoding:") && header.contains("chunked");
    }
    if (!chunked) {
      return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
    StringBuilder body = new StringBuilder();
    for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
      body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
      line(in, "\r\n");
    }
    line(in, "\r\n");
    return head + body;
  }

  private static int chunkSize(InputStream in) throws IOException {
    return Integer.parseInt(line(in, "\r\n").strip(), 16);
  }

  /** Bytes up to and including {@code end}, as ISO-8859-1 text. */
  private static String line(InputStream in, String end) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
      int next = in.read();
      if (next < 0) {
        throw new EOFException("the server closed the connection after: " + bytes);
      }
      bytes.write(next);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
