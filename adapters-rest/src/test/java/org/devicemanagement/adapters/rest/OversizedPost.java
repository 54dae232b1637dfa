package org.devicemanagement.adapters.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A POST declaring a body over the server's limit, sent on a raw socket with only its start: the
 * server answers before the body is sent, which java.net.http reports as a broken pipe (now and
 * then) rather than handing over the response. Sent with {@code Expect: 100-continue}, the client
 * waits for the server's word before any body; java.net.http (JDK 17) never completes such a
 * request when the word is a final answer, so that case is raw too.
 */
final class OversizedPost {

  private OversizedPost() {}

  /** The server's whole raw answer to a POST of {@code path} declaring a 200,000-byte body. */
  static String send(URI base, String path, String token) throws IOException {
    return exchange(base, path, token, "Connection: close\r\n", " ".repeat(1_000));
  }

  /**
   * The server's whole raw answer to a POST of {@code path} declaring a 200,000-byte body and
   * asking {@code Expect: 100-continue}, of which nothing is sent: a server that asked for the body
   * instead of answering would leave this waiting until its read times out (10 s).
   */
  static String sendExpectingContinue(URI base, String path, String token) throws IOException {
    return exchange(base, path, token, "Expect: 100-continue\r\n", "");
  }

  private static String exchange(URI base, String path, String token, String header, String body)
      throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /"
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n"
                  + header
                  + "\r\n"
                  + body)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
