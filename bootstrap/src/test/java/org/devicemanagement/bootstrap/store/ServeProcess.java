package org.devicemanagement.bootstrap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.bootstrap.Main;

/**
 * A {@code serve} process started as people start it (its own JVM, the test class path), read up to
 * the end of its banner, then stopped with SIGTERM or killed with SIGKILL ({@code kill -9}).
 */
final class ServeProcess implements AutoCloseable {

  private static final String END_OF_BANNER = "Stop with Ctrl-C";
  private static final String END_OF_OUTPUT = "\u0000 end of output";

  private final Process process;
  private final List<String> banner;
  private final Path stderr;

  private ServeProcess(Process process, List<String> banner, Path stderr) {
    this.process = process;
    this.banner = banner;
    this.stderr = stderr;
  }

  /**
   * Starts {@code serve} with {@code arguments} and {@code environment} added to this JVM's, its
   * standard error kept in {@code stderr}, and waits for its banner.
   */
  static ServeProcess start(List<String> arguments, Map<String, String> environment, Path stderr)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.add("serve");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      return new ServeProcess(process, readBanner(process, stderr), stderr);
    } catch (AssertionError | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The Graph base URL the banner names, ending with {@code /}. */
  URI graph() {
    String line =
        banner.stream().filter(l -> l.startsWith("Graph base URL:")).findFirst().orElseThrow();
    return URI.create(line.replaceFirst("^Graph base URL:\\s+(\\S+).*$", "$1") + "/");
  }

  /** The banner's lines. */
  List<String> banner() {
    return banner;
  }

  /** Kills the process with SIGKILL, as {@code kill -9} does, and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("killed").isTrue();
  }

  /** Stops the process with SIGTERM and returns its exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    return process.exitValue();
  }

  /** What the process wrote to standard error so far. */
  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static List<String> readBanner(Process process, Path stderr) throws InterruptedException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("<stdout closed: " + e + ">");
              }
              lines.add(END_OF_OUTPUT);
            },
            "serve-stdout");
    reader.setDaemon(true);
    reader.start();
    List<String> banner = new ArrayList<>();
    while (true) {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null || line.equals(END_OF_OUTPUT)) {
        process.waitFor(5, TimeUnit.SECONDS);
        String errors;
        try {
          errors = Files.readString(stderr);
        } catch (IOException e) {
          errors = e.toString();
        }
        throw new AssertionError(
            "no end of banner after %s; alive=%s; stderr:%n%s"
                .formatted(banner, process.isAlive(), errors));
      }
      banner.add(line);
      if (line.startsWith(END_OF_BANNER)) {
        return banner;
      }
    }
  }
}
