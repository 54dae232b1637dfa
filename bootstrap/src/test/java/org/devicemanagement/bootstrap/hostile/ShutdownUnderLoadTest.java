package org.devicemanagement.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.Main;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a {@code serve} process while several clients keep requests in flight: every request
 * gets a complete response, or is refused or reset before any byte of a response; none gets a
 * truncated one; the process exits 0 within a bound.
 */
class ShutdownUnderLoadTest {

  private static final int CLIENTS = 6;
  private static final Duration EXIT_BOUND = Duration.ofSeconds(30);
  private static final String[] USERS = {
    BootstrapTestData.ADELE_UPN, BootstrapTestData.ALEX_UPN, BootstrapTestData.PRADEEP_UPN
  };

  @TempDir Path dir;

  @Test
  void givenRequestsInFlight_whenSigterm_thenEachCompleteOrRefusedAndExitZero() throws Exception {
    Path dataDir = dir.resolve("data");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    try {
      int port = awaitPort(process);
      String token =
          BootstrapTestData.delegatedToken(
              SigningKeys.loadOrCreate(dataDir), BootstrapTestData.ADELE_UPN);
      AtomicInteger complete = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      ConcurrentLinkedQueue<String> truncated = new ConcurrentLinkedQueue<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        Thread thread =
            new Thread(
                () -> {
                  int i = 0;
                  while (running.get()) {
                    String user = USERS[(client + i++) % USERS.length];
                    String head =
                        (i % 3 == 0
                                ? "POST /v1.0/users/" + user + "/removeAllDevicesFromManagement"
                                : "GET /v1.0/users/" + user + "/managedDevices")
                            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token
                            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    Outcome outcome = call(port, head);
                    if (outcome instanceof Outcome.Complete) {
                      complete.incrementAndGet();
                    } else if (outcome instanceof Outcome.Refused) {
                      refused.incrementAndGet();
                    } else if (outcome instanceof Outcome.Truncated t) {
                      truncated.add(t.what());
                    }
                  }
                },
                "load-" + c);
        thread.setDaemon(true);
        clients.add(thread);
        thread.start();
      }
      awaitAtLeast(complete, 30, Duration.ofSeconds(30));
      int completeBeforeSigterm = complete.get();

      long signalled = System.nanoTime();
      process.destroy();
      boolean exited = process.waitFor(EXIT_BOUND.toSeconds(), TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);
      // Keep calling a little after the exit: those calls must be refused, not hang.
      int refusedAtExit = refused.get();
      Thread.sleep(300);
      running.set(false);
      for (Thread thread : clients) {
        thread.join(20_000);
      }

      assertThat(exited).as("exited within %s", EXIT_BOUND).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(truncated).as("truncated responses").isEmpty();
      assertThat(completeBeforeSigterm).isGreaterThanOrEqualTo(30);
      assertThat(refused.get()).as("calls after the exit are refused").isGreaterThan(refusedAtExit);
      assertThat(clients).noneMatch(Thread::isAlive);
      assertThat(Files.readString(dir.resolve("stderr.log"))).contains("Stopped");
      assertThat(took).isLessThan(EXIT_BOUND);
    } finally {
      running.set(false);
      process.destroyForcibly();
    }
  }

  /** How one call ended. */
  sealed interface Outcome {
    /** A whole response arrived. */
    record Complete(int status) implements Outcome {}

    /** The connection was refused, or closed or reset before any byte of a response. */
    record Refused(String why) implements Outcome {}

    /** Some bytes of a response arrived, but not all of them. */
    record Truncated(String what) implements Outcome {}
  }

  private static Outcome call(int port, String head) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        received.write(buffer, 0, n);
      }
    } catch (ConnectException e) {
      return new Outcome.Refused("refused");
    } catch (SocketException e) {
      if (received.size() == 0) {
        return new Outcome.Refused("reset before any byte");
      }
      return new Outcome.Truncated("reset after %d bytes".formatted(received.size()));
    } catch (IOException e) {
      return received.size() == 0
          ? new Outcome.Refused(e.toString())
          : new Outcome.Truncated(e + " after " + received.size() + " bytes");
    }
    if (received.size() == 0) {
      return new Outcome.Refused("closed before any byte");
    }
    try {
      RawHttp.Answer answer = RawHttp.parse(received.toByteArray());
      boolean framed =
          answer.header("Content-Length").isPresent()
              || answer.header("Transfer-Encoding").isPresent()
              || answer.status() == 204;
      if (!framed) {
        // With Connection: close the body may run to the end of the stream; then it must be
        // whole JSON, which a cut-off body is not.
        BootstrapTestData.json(answer.body());
      }
      return new Outcome.Complete(answer.status());
    } catch (RuntimeException e) {
      return new Outcome.Truncated(e.getMessage());
    }
  }

  private static int awaitPort(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Integer port = null;
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("Graph base URL:")) {
        port = Integer.parseInt(line.replaceFirst("^.*http://[^:]+:(\\d+)/.*$", "$1"));
      }
      if (line.startsWith("Stop with")) {
        break;
      }
    }
    assertThat(port).as("serve printed its base URL").isNotNull();
    Thread drain =
        new Thread(
            () -> {
              try {
                out.transferTo(java.io.Writer.nullWriter());
              } catch (IOException e) {
                // The process ended.
              }
            },
            "serve-stdout");
    drain.setDaemon(true);
    drain.start();
    return port;
  }

  private static void awaitAtLeast(AtomicInteger counter, int at, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (counter.get() < at && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
