package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.limits.LimitsMode;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.Main;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code offboard --execute} process killed with SIGKILL halfway through, then resumed, ends as
 * an uninterrupted run does: every user done once, none sent twice, none lost.
 */
class OffboardKillResumeTest {

  private static final int USERS = 220;
  private static final int KILL_AFTER = 100;

  @TempDir Path dir;

  private static InMemoryTenant tenant() {
    List<User> users = new ArrayList<>();
    List<ManagedDevice> devices = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      User user = OffboardCommandTest.leaver(i);
      users.add(user);
      for (int d = 0; d < 2; d++) {
        devices.add(
            BootstrapTestData.device(
                "%08d-%04d-4000-8000-00000000eeee".formatted(i, d), user, ManagementState.MANAGED));
      }
    }
    return InMemoryTenant.of(users, devices);
  }

  private static DeviceManagementServer emulatorWithIntunesLimits() {
    return DeviceManagementServer.start(
        BootstrapTestData.settings(BootstrapTestData.sharedDataDir(), tenant())
            .withLimits(LimitsMode.INTUNE));
  }

  private Path usersFile() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      lines.add(OffboardCommandTest.leaver(i).userPrincipalName());
    }
    return Files.write(dir.resolve("leavers.txt"), lines);
  }

  private Path tokenFile(DeviceManagementServer server, String name) throws IOException {
    return Files.writeString(
        dir.resolve(name),
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            "it.admin@contoso.com",
            BootstrapTestData.PRIVILEGED,
            BootstrapTestData.READ_ALL));
  }

  private static List<String> offboardArguments(
      DeviceManagementServer server, Path dataDir, Path token, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "offboard",
                "--data-dir",
                dataDir.toString(),
                "--graph-base-url",
                server.baseUri() + "v1.0",
                "--token-file",
                token.toString(),
                "--progress",
                "lines"));
    args.addAll(List.of(more));
    return args;
  }

  /** Retire-alls the emulator answered 204, by user, from its journal. */
  private static Map<String, Integer> accepted(DeviceManagementServer server) {
    Map<String, Integer> accepted = new HashMap<>();
    JsonNode journal =
        BootstrapTestData.json(
            BootstrapTestData.send(
                    HttpRequest.newBuilder(
                            URI.create(server.baseUri() + "_emulator/requests?limit=100000"))
                        .build())
                .body());
    for (JsonNode entry : journal.path("value")) {
      String path = entry.path("path").asText();
      if (path.endsWith("/removeAllDevicesFromManagement") && entry.path("status").asInt() == 204) {
        accepted.merge(path.replaceAll("^.*/users/([^/]+)/.*$", "$1"), 1, Integer::sum);
      }
    }
    return accepted;
  }

  /** Each user's line, outcome and devices retired, from a JSON-lines report. */
  private static List<String> outcomes(Path report) throws IOException {
    List<String> outcomes = new ArrayList<>();
    for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
      JsonNode user = BootstrapTestData.json(line);
      outcomes.add(
          "%d %s %s %d"
              .formatted(
                  user.path("line").asInt(),
                  user.path("user").asText(),
                  user.path("outcome").asText(),
                  user.path("devicesRetired").asInt()));
    }
    return outcomes;
  }

  private Process offboardProcess(List<String> arguments, String name) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }

  private void awaitAccepted(DeviceManagementServer server, Process process, int count, String name)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (accepted(server).size() < count && System.nanoTime() < deadline) {
      assertThat(process.isAlive())
          .as("offboard still running: %s", Files.readString(dir.resolve(name + ".err")))
          .isTrue();
      Thread.sleep(5);
    }
  }

  @Test
  void givenARunStoppedWithSigterm_whenResumed_thenItRecordedItsStopAndFinishes() throws Exception {
    try (DeviceManagementServer server = emulatorWithIntunesLimits()) {
      Path dataDir = dir.resolve("data");
      Path token = tokenFile(server, "token");
      Process process =
          offboardProcess(
              offboardArguments(
                  server, dataDir, token, "--users", usersFile().toString(), "--execute"),
              "stopped");
      // 200 writes fill Intune's window: the run now waits about 20 s for the next one.
      awaitAccepted(server, process, 200, "stopped");
      process.destroy();

      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
      String out = Files.readString(dir.resolve("stopped.out"));
      assertThat(out)
          .containsPattern("Run \\S+: interrupted")
          .contains("Resume with: offboard --resume");
      CommandLineRun runs =
          CommandLineRun.of(
              offboardArguments(server, dataDir, token, "--runs").toArray(String[]::new));
      assertThat(runs.out()).contains("interrupted");
      String runId = out.replaceAll("(?s)^.*Run (\\S+): interrupted.*$", "$1");
      CommandLineRun resumed =
          CommandLineRun.of(
              offboardArguments(
                      server,
                      dataDir,
                      token,
                      "--resume",
                      runId,
                      "--report",
                      dir.resolve("resumed-after-sigterm.jsonl").toString())
                  .toArray(String[]::new));
      assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
      assertThat(accepted(server)).hasSize(USERS);
      assertThat(accepted(server).values()).containsOnly(1);
    }
  }

  @Test
  void givenARunKilledHalfway_whenResumed_thenItEndsAsAnUninterruptedRunWithNoUserSentTwice()
      throws Exception {
    Path users = usersFile();
    List<String> uninterrupted;
    try (DeviceManagementServer reference =
        DeviceManagementServer.start(
            BootstrapTestData.settings(BootstrapTestData.sharedDataDir(), tenant()))) {
      Path report = dir.resolve("uninterrupted.jsonl");
      CommandLineRun run =
          CommandLineRun.of(
              offboardArguments(
                      reference,
                      dir.resolve("reference-data"),
                      tokenFile(reference, "reference-token"),
                      "--users",
                      users.toString(),
                      "--execute",
                      "--report",
                      report.toString())
                  .toArray(String[]::new));
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      uninterrupted = outcomes(report);
    }

    try (DeviceManagementServer server = emulatorWithIntunesLimits()) {
      Path dataDir = dir.resolve("data");
      Path token = tokenFile(server, "token");
      Process process =
          offboardProcess(
              offboardArguments(server, dataDir, token, "--users", users.toString(), "--execute"),
              "killed");
      awaitAccepted(server, process, KILL_AFTER, "killed");
      process.destroyForcibly();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      int acceptedAtKill = accepted(server).size();
      assertThat(acceptedAtKill).isBetween(KILL_AFTER, USERS - 1);

      CommandLineRun runs =
          CommandLineRun.of(
              offboardArguments(server, dataDir, token, "--runs").toArray(String[]::new));
      String runId = runs.out().lines().skip(1).findFirst().orElseThrow().replaceFirst(" .*$", "");
      assertThat(runs.out()).contains("running");
      Path report = dir.resolve("resumed.jsonl");
      CommandLineRun resumed =
          CommandLineRun.of(
              offboardArguments(
                      server, dataDir, token, "--resume", runId, "--report", report.toString())
                  .toArray(String[]::new));

      assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
      assertThat(outcomes(report)).isEqualTo(uninterrupted);
      Map<String, Integer> accepted = accepted(server);
      assertThat(accepted).hasSize(USERS);
      assertThat(accepted.values()).as("retire-alls accepted per user").containsOnly(1);
    }
  }
}
