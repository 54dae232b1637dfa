package org.devicemanagement.adapters.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A POST declaring a body over the server's limit, sent on a raw socket with only its start: the
 * server answers before the body is sent, which java.net.http reports as a broken pipe (now and
 * then) rather than handing over the response.
 */
final class OversizedPost {

  private OversizedPost() {}

  /** The server's whole raw answer to a POST of {@code path} declaring a 200,000-byte body. */
  static String send(URI base, String path, String token) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /"
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(" ".repeat(1_000).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
