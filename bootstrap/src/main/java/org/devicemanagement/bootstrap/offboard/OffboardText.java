package org.devicemanagement.bootstrap.offboard;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.devicemanagement.application.offboarding.DevicePlan;
import org.devicemanagement.application.offboarding.OffboardingPreview;
import org.devicemanagement.application.offboarding.OffboardingReport;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserPreview;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.domain.ManagementState.RetireAllEffect;

/** What {@code offboard} prints for people: the preview, a run's summary table, the runs. */
public final class OffboardText {

  /** The most users with problems a summary names one by one. */
  static final int NAMED_PROBLEMS = 20;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private OffboardText() {}

  /** The preview: each user's devices, now and predicted, then the summary. */
  public static void preview(OffboardingPreview preview, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%-5s  %-36s  %-24s  %-10s  %-15s  %-15s  %s%n",
        "LINE",
        "USER",
        "DEVICE",
        "OS",
        "NOW",
        "AFTER",
        "WHY");
    for (UserPreview user : preview.users()) {
      if (user.devices().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%-5d  %-36s  %-24s  %-10s  %-15s  %-15s  %s%n",
            user.user().line(),
            user.user().user(),
            "-",
            "-",
            "-",
            "-",
            user.outcome() == UserOutcome.NOTHING_TO_DO
                ? "no managed device"
                : user.outcome().wireName() + ": " + user.message());
      }
      for (DevicePlan device : user.devices()) {
        out.printf(
            Locale.ROOT,
            "%-5d  %-36s  %-24s  %-10s  %-15s  %-15s  %s%n",
            user.user().line(),
            user.user().user(),
            device.deviceName(),
            device.operatingSystem(),
            device.current().graphName(),
            device.predicted().graphName(),
            device.reason());
      }
    }
    long withWork = preview.users(UserOutcome.PENDING);
    out.println();
    out.println("Preview: nothing was changed. Add --execute to retire.");
    out.printf(
        Locale.ROOT,
        "  users:   %,d found (%,d with devices to retire, %,d with nothing to do), %,d not found,"
            + " %,d refused, %,d failed%n",
        preview.usersFound(),
        withWork,
        preview.users(UserOutcome.NOTHING_TO_DO),
        preview.users(UserOutcome.NOT_FOUND),
        preview.users(UserOutcome.REFUSED),
        preview.users(UserOutcome.FAILED));
    out.printf(
        Locale.ROOT,
        "  devices: %,d to retire; left alone: %,d already retiring, %,d under a wipe or delete%n",
        preview.devices(RetireAllEffect.RETIRE),
        preview.devices(RetireAllEffect.ALREADY_RETIRING),
        preview.devices(RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN));
    List<UserPreview> problems =
        preview.users().stream()
            .filter(
                u ->
                    u.outcome() == UserOutcome.NOT_FOUND
                        || u.outcome() == UserOutcome.REFUSED
                        || u.outcome() == UserOutcome.FAILED)
            .toList();
    problems.stream()
        .limit(NAMED_PROBLEMS)
        .forEach(
            u ->
                out.printf(
                    Locale.ROOT,
                    "  line %d %s: %s: %s%n",
                    u.user().line(),
                    u.user().user(),
                    u.outcome().wireName(),
                    u.message()));
    if (problems.size() > NAMED_PROBLEMS) {
      out.printf(Locale.ROOT, "  and %,d more%n", problems.size() - NAMED_PROBLEMS);
    }
    out.flush();
  }

  /** A run's summary: how it stands, a table of outcomes, and the users needing attention. */
  public static void summary(OffboardingReport report, Duration took, PrintWriter out) {
    OffboardingRun run = report.run();
    OutcomeCounts c = run.counts();
    out.println();
    out.printf(
        Locale.ROOT,
        "Run %s: %s after %s%n",
        run.id(),
        statusWords(run.status()),
        ProgressDisplay.duration(took));
    if (!run.detail().isEmpty()) {
      out.println("  " + run.detail());
    }
    out.printf(Locale.ROOT, "  %-14s %8s %16s%n", "outcome", "users", "devices retired");
    out.printf(Locale.ROOT, "  %-14s %,8d %,16d%n", "done", c.done(), c.devicesRetired());
    out.printf(Locale.ROOT, "  %-14s %,8d%n", "nothing to do", c.nothingToDo());
    out.printf(Locale.ROOT, "  %-14s %,8d%n", "not found", c.notFound());
    out.printf(Locale.ROOT, "  %-14s %,8d%n", "refused", c.refused());
    out.printf(Locale.ROOT, "  %-14s %,8d%n", "failed", c.failed());
    out.printf(Locale.ROOT, "  %-14s %,8d%n", "pending", c.pending());
    out.printf(Locale.ROOT, "  %-14s %,8d%n", "total", c.users());
    List<UserProgress> problems =
        report.users().stream().filter(u -> u.outcome().ended() && !u.outcome().fine()).toList();
    problems.stream()
        .limit(NAMED_PROBLEMS)
        .forEach(
            u ->
                out.printf(
                    Locale.ROOT,
                    "  line %d %s: %s: %s%s%n",
                    u.line(),
                    u.user(),
                    u.outcome().wireName(),
                    u.message(),
                    u.requestId().isEmpty() ? "" : " (request-id " + u.requestId() + ")"));
    if (problems.size() > NAMED_PROBLEMS) {
      out.printf(
          Locale.ROOT, "  and %,d more (see the report)%n", problems.size() - NAMED_PROBLEMS);
    }
    if (run.status().resumable()) {
      out.printf(Locale.ROOT, "Resume with: offboard --resume %s%n", run.id());
    }
    out.flush();
  }

  /** The runs of a store, newest first. */
  public static void runs(List<OffboardingRun> runs, PrintWriter out) {
    if (runs.isEmpty()) {
      out.println("No offboarding run in this store yet.");
      out.flush();
      return;
    }
    out.printf(
        Locale.ROOT,
        "%-20s  %-20s  %-19s  %7s  %7s  %7s  %9s  %7s  %7s  %7s  %s%n",
        "RUN",
        "CREATED",
        "STATUS",
        "USERS",
        "DONE",
        "NOTHING",
        "NOT FOUND",
        "REFUSED",
        "FAILED",
        "PENDING",
        "USERS FILE -> TARGET");
    for (OffboardingRun run : runs) {
      OutcomeCounts c = run.counts();
      out.printf(
          Locale.ROOT,
          "%-20s  %-20s  %-19s  %,7d  %,7d  %,7d  %,9d  %,7d  %,7d  %,7d  %s -> %s%n",
          run.id(),
          WHEN.format(run.createdAt()),
          run.status().wireName(),
          c.users(),
          c.done(),
          c.nothingToDo(),
          c.notFound(),
          c.refused(),
          c.failed(),
          c.pending(),
          run.source(),
          run.target());
    }
    out.flush();
  }

  private static String statusWords(RunStatus status) {
    return switch (status) {
      case COMPLETED -> "completed";
      case RUNNING -> "still running";
      case STOPPED_AT_DAILY_LIMIT -> "stopped at the tenant's daily retire limit";
      case INTERRUPTED -> "interrupted";
      case STOPPED_BY_FAILURE -> "stopped by a failure";
    };
  }
}
