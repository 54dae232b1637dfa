package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code serve} as its own process, as people do, and ends it with SIGTERM. */
class ServeProcessTest {

  private static final String END_OF_BANNER = "Stop with Ctrl-C";

  @TempDir Path dataDir;

  @Test
  void givenServeProcess_whenCliTokenUsedAndSigterm_thenServesAndExitsZero() throws Exception {
    Path stderr = dataDir.resolve("stderr.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dataDir.resolve("data").toString())
            .redirectError(stderr.toFile())
            .start();
    try {
      List<String> banner = readBanner(process);
      String baseLine =
          banner.stream().filter(l -> l.startsWith("Graph base URL:")).findFirst().orElseThrow();
      URI graph = URI.create(baseLine.replaceFirst("^Graph base URL:\\s+(\\S+).*$", "$1") + "/");
      String token =
          CommandLineRun.of(
                  "token",
                  "--data-dir",
                  dataDir.resolve("data").toString(),
                  "--user",
                  BootstrapTestData.ADELE_UPN)
              .out()
              .strip();

      HttpResponse<String> retired =
          BootstrapTestData.send(
              BootstrapTestData.post(
                  graph,
                  "users/" + BootstrapTestData.ADELE_UPN + "/removeAllDevicesFromManagement",
                  token));
      process.destroy();

      assertThat(retired.statusCode()).isEqualTo(204);
      assertThat(graph.toString()).matches("http://localhost:\\d+/v1\\.0/");
      assertThat(String.join("\n", banner))
          .contains("Permission table in force: seed")
          .containsPattern("Application +Not supported")
          .containsPattern(BootstrapTestData.ADELE_UPN + " +" + BootstrapTestData.ADELE_ID + " +5")
          .contains("token --data-dir " + dataDir.resolve("data") + " --user ")
          .contains("curl -i -X POST -H \"Authorization: Bearer $TOKEN\" " + graph + "users/");
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(Files.readString(stderr)).contains("Stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  private static List<String> readBanner(Process process) throws InterruptedException {
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
              } catch (java.io.IOException e) {
                lines.add("<stdout closed: " + e + ">");
              }
            },
            "serve-stdout");
    reader.setDaemon(true);
    reader.start();
    List<String> banner = new ArrayList<>();
    while (true) {
      String line = lines.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("banner line after %s", banner).isNotNull();
      banner.add(line);
      if (line.startsWith(END_OF_BANNER)) {
        return banner;
      }
    }
  }
}
