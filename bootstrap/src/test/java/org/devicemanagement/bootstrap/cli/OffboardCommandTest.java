package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.limits.LimitsMode;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offboard} run as people run it (the command line, in this JVM) against the emulator with
 * Intune's limits: preview, execute, reports, refusals, throttling, the daily limit and resume.
 */
class OffboardCommandTest {

  private static final int LEAVERS = 30;
  private static final Pattern RUN = Pattern.compile("(?m)^Run (\\S+): ");

  @TempDir Path dir;

  private DeviceManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** Leaver number {@code n}. */
  static User leaver(int n) {
    return new User(
        "%08d-0000-4000-8000-00000000abcd".formatted(n),
        "leaver%d@contoso.com".formatted(n),
        "Leaver " + n);
  }

  /** The emulator with {@code users} leavers of {@code devices} managed devices each. */
  private void startEmulator(int users, int devices) {
    List<User> all = new ArrayList<>();
    List<ManagedDevice> owned = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      User user = leaver(i);
      all.add(user);
      for (int d = 0; d < devices; d++) {
        owned.add(
            BootstrapTestData.device(
                "%08d-%04d-4000-8000-00000000dddd".formatted(i, d), user, ManagementState.MANAGED));
      }
    }
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(
                    BootstrapTestData.sharedDataDir(), InMemoryTenant.of(all, owned))
                .withLimits(LimitsMode.INTUNE));
  }

  private Path tokenFile(String... scopes) throws IOException {
    Path file = dir.resolve("token-" + scopes.length + ".txt");
    Files.writeString(
        file,
        BootstrapTestData.token(
                server.signingKeys().orElseThrow(),
                TokenType.DELEGATED,
                "it.admin@contoso.com",
                scopes)
            + "\n");
    return file;
  }

  private Path tokenFile() throws IOException {
    return tokenFile(BootstrapTestData.PRIVILEGED, BootstrapTestData.READ_ALL);
  }

  private Path usersFile(String... lines) throws IOException {
    Path file = dir.resolve("leavers.txt");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private Path leaversFile(int count) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("userPrincipalName");
    for (int i = 0; i < count; i++) {
      lines.add(leaver(i).userPrincipalName());
    }
    return usersFile(lines.toArray(String[]::new));
  }

  private CommandLineRun offboard(Path token, String... args) {
    List<String> all = new ArrayList<>(List.of("offboard", "--data-dir", dir.toString()));
    all.addAll(List.of("--graph-base-url", server.baseUri() + "v1.0"));
    all.addAll(List.of("--token-file", token.toString(), "--progress", "lines"));
    all.addAll(List.of(args));
    List<String> given = List.of(args);
    if ((given.contains("--execute") || given.contains("--resume"))
        && !given.contains("--report")) {
      // The default report goes to the working directory: a test writes it among its own files.
      all.addAll(
          List.of(
              "--report",
              dir.resolve("report-" + reports.incrementAndGet() + ".jsonl").toString()));
    }
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  private final AtomicInteger reports = new AtomicInteger();

  private List<String> states(User user) {
    String token =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            "it.admin@contoso.com",
            BootstrapTestData.READ_ALL);
    HttpResponse<String> response =
        BootstrapTestData.send(
            BootstrapTestData.get(
                server.baseUri(),
                "v1.0/users/" + user.userPrincipalName() + "/managedDevices",
                token));
    List<String> states = new ArrayList<>();
    BootstrapTestData.json(response.body())
        .path("value")
        .forEach(d -> states.add(d.path("managementState").asText()));
    return states;
  }

  /** How many retire-alls the emulator answered 204, by the path's user, from its journal. */
  private Map<String, Integer> acceptedRetireAlls() {
    HttpResponse<String> response =
        BootstrapTestData.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "_emulator/requests?limit=10000"))
                .GET()
                .build());
    Map<String, Integer> accepted = new HashMap<>();
    for (JsonNode entry : BootstrapTestData.json(response.body()).path("value")) {
      String path = entry.path("path").asText();
      if (path.endsWith("/removeAllDevicesFromManagement") && entry.path("status").asInt() == 204) {
        String user = path.replaceAll("^.*/users/([^/]+)/.*$", "$1");
        accepted.merge(user, 1, Integer::sum);
      }
    }
    return accepted;
  }

  private static String runId(CommandLineRun run) {
    Matcher matcher = RUN.matcher(run.out());
    assertThat(matcher.find()).as("a run id in %s", run.out()).isTrue();
    return matcher.group(1);
  }

  @Test
  void givenLeavers_whenPreviewed_thenEachDeviceIsShownWithItsPredictedStateAndNothingChanges()
      throws IOException {
    startEmulator(3, 2);

    CommandLineRun run = offboard(tokenFile(), "--users", leaversFile(3).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("leaver2@contoso.com", "managed", "retirePending", "will be retired")
        .contains("Preview: nothing was changed. Add --execute to retire.")
        .contains("users:   3 found (3 with devices to retire")
        .contains("devices: 6 to retire");
    assertThat(states(leaver(0))).containsOnly("managed");
    assertThat(acceptedRetireAlls()).isEmpty();
  }

  @Test
  void givenLeavers_whenExecuted_thenEachIsRetiredOnceAndTheReportsAndRunsListSayDone()
      throws IOException {
    startEmulator(LEAVERS, 2);
    Path csv = dir.resolve("report.csv");
    Path jsonLines = dir.resolve("report.jsonl");

    CommandLineRun run =
        offboard(
            tokenFile(),
            "--users",
            leaversFile(LEAVERS).toString(),
            "--execute",
            "--report",
            jsonLines.toString(),
            "--report-csv",
            csv.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("done\\s+30\\s+60").contains("completed");
    assertThat(states(leaver(LEAVERS - 1))).containsOnly("retirePending");
    assertThat(acceptedRetireAlls()).hasSize(LEAVERS).allSatisfy((u, n) -> assertThat(n).isOne());
    List<String> lines = Files.readAllLines(jsonLines, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(LEAVERS);
    JsonNode first = BootstrapTestData.json(lines.get(0));
    assertThat(first.path("line").asInt()).isEqualTo(2);
    assertThat(first.path("user").asText()).isEqualTo("leaver0@contoso.com");
    assertThat(first.path("outcome").asText()).isEqualTo("done");
    assertThat(first.path("devicesRetired").asInt()).isEqualTo(2);
    assertThat(first.path("requestId").asText()).isNotEmpty();
    assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8))
        .hasSize(LEAVERS + 1)
        .first()
        .asString()
        .startsWith("runId,line,user,outcome,devicesRetired");

    CommandLineRun runs = offboard(tokenFile(), "--runs");

    assertThat(runs.exitCode()).isZero();
    assertThat(runs.out()).contains(runId(run)).contains("completed");
  }

  @Test
  void givenAnUnknownUserAndATokenWithoutThePrivilegedScope_whenExecuted_thenExit3NamingWhy()
      throws IOException {
    startEmulator(2, 1);
    Path users = usersFile("leaver0@contoso.com", "nobody@contoso.com", "leaver1@contoso.com");

    CommandLineRun readOnly =
        offboard(tokenFile(BootstrapTestData.READ_ALL), "--users", users.toString(), "--execute");

    assertThat(readOnly.exitCode()).isEqualTo(OffboardCommand.EXIT_ATTENTION);
    assertThat(readOnly.out())
        .contains(
            "line 1 leaver0@contoso.com: refused: missing permission"
                + " DeviceManagementManagedDevices.PrivilegedOperations.All")
        .contains("line 2 nobody@contoso.com: notFound")
        .containsPattern("refused\\s+2")
        .containsPattern("not found\\s+1");
    assertThat(states(leaver(0))).containsOnly("managed");
  }

  @Test
  void givenBadLinesOrAMissingFileOrNoToken_whenRun_thenExit2NamingWhatIsWrong()
      throws IOException {
    startEmulator(1, 1);
    Path bad =
        usersFile("leaver0@contoso.com", "Adele Vance", "# fine", "", "not-an-upn", "x@y.com");

    CommandLineRun badLines = offboard(tokenFile(), "--users", bad.toString());
    CommandLineRun missing = offboard(tokenFile(), "--users", dir.resolve("nope.txt").toString());

    assertThat(badLines.exitCode()).isEqualTo(2);
    assertThat(badLines.err())
        .contains("has 2 bad lines")
        .contains("line 2: 'Adele Vance' is neither")
        .contains("line 5: 'not-an-upn'");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.txt: no such file");
    assumeThat(System.getenv(OffboardCommand.TOKEN_ENV)).as("no token in the environment").isNull();
    Path good = usersFile("leaver0@contoso.com");
    CommandLineRun none =
        CommandLineRun.of("offboard", "--data-dir", dir.toString(), "--users", good.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .contains("no access token: give --token-file FILE or set DM_GRAPH_TOKEN");
  }

  @Test
  void givenThrottlingWithRetryAfter_whenExecuted_thenTheRunWaitsAndEveryUserEndsDone()
      throws IOException {
    startEmulator(5, 1);
    HttpResponse<String> fault =
        BootstrapTestData.send(
            HttpRequest.newBuilder(URI.create(server.baseUri() + "_emulator/faults"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"match": {"method": "POST",
                                   "path": "/v1.0/users/*/removeAllDevicesFromManagement"},
                         "respond": {"status": 429, "retryAfter": 1.5}, "times": 3}"""))
                .build());
    assertThat(fault.statusCode()).isEqualTo(201);

    CommandLineRun run = offboard(tokenFile(), "--users", leaversFile(5).toString(), "--execute");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("done\\s+5\\s+5");
    assertThat(run.err()).contains("429s: 3");
    assertThat(acceptedRetireAlls()).hasSize(5).allSatisfy((u, n) -> assertThat(n).isOne());
  }

  @Test
  void givenMoreDevicesThanTheDailyLimit_whenExecutedAndResumed_thenItStopsThenFinishesOnce()
      throws IOException {
    startEmulator(LEAVERS, 2);

    CommandLineRun first =
        offboard(
            tokenFile(),
            "--users",
            leaversFile(LEAVERS).toString(),
            "--execute",
            "--daily-limit",
            "20");

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(3);
    assertThat(first.out())
        .contains("stopped at the tenant's daily retire limit")
        .containsPattern("done\\s+10\\s+20")
        .containsPattern("pending\\s+20");
    String id = runId(first);

    CommandLineRun resumed =
        offboard(tokenFile(), "--resume", id, "--daily-limit", String.valueOf(20 + 2 * LEAVERS));

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    assertThat(resumed.out())
        .contains("Run " + id + ": completed")
        .containsPattern("done\\s+30\\s+60");
    assertThat(acceptedRetireAlls()).hasSize(LEAVERS).allSatisfy((u, n) -> assertThat(n).isOne());
  }

  @Test
  void givenTheEmulatorsDailyLimitIsReached_whenExecuted_thenTheRunStopsWithTheRestPending()
      throws IOException {
    // 4 users of 250 devices reach the emulator's 1,000; the fifth is refused quotaLimitReached.
    startEmulator(5, 250);

    CommandLineRun run =
        offboard(
            tokenFile(),
            "--users",
            leaversFile(5).toString(),
            "--execute",
            "--daily-limit",
            "5000");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains("stopped at the tenant's daily retire limit")
        .contains("quotaLimitReached")
        .containsPattern("done\\s+4\\s+1,000")
        .containsPattern("pending\\s+1");
  }

  @Test
  void givenAnUnknownRun_whenResumed_thenExit2NamingIt() throws IOException {
    startEmulator(1, 1);

    CommandLineRun run = offboard(tokenFile(), "--resume", "20260101-000000-beef");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("there is no offboarding run '20260101-000000-beef'");
  }
}
