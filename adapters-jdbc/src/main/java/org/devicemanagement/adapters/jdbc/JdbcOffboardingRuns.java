package org.devicemanagement.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.application.port.out.OffboardingRuns;

/**
 * Offboarding runs kept in a {@link JdbcStore}'s database: a row per run and a row per user of a
 * run, keyed by the run's id and the user's position. Every call is one transaction, committed
 * before it returns, so a run killed at any point resumes from its last call; the users a call
 * creates or saves are written in batched statements. A run's counts are computed by the database
 * ({@code GROUP BY} its users' outcomes), never by loading its users. Instants are kept to the
 * microsecond.
 */
public final class JdbcOffboardingRuns implements OffboardingRuns {

  // Statements per executeBatch: PostgreSQL's driver holds a whole batch in memory until sent.
  private static final int BATCH = 1_000;

  private static final Comparator<OffboardingRun> NEWEST_FIRST =
      Comparator.comparing(OffboardingRun::createdAt).thenComparing(OffboardingRun::id).reversed();

  /** The columns of a user's progress, in the order {@link #bindProgress} binds them. */
  private static final String PROGRESS_COLUMNS =
      "line, user_reference, outcome, planned_devices, sent_at, devices_retired,"
          + " devices_left_alone, http_status, graph_code, message, request_id, attempts,"
          + " finished_at";

  private static final String INSERT_RUN =
      "INSERT INTO offboarding_runs (id, created_at, updated_at, target, source, status, detail)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

  private static final String INSERT_USER =
      "INSERT INTO offboarding_users (run_id, position, "
          + PROGRESS_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE_USER =
      "UPDATE offboarding_users SET line = ?, user_reference = ?, outcome = ?, planned_devices = ?,"
          + " sent_at = ?, devices_retired = ?, devices_left_alone = ?, http_status = ?,"
          + " graph_code = ?, message = ?, request_id = ?, attempts = ?, finished_at = ?"
          + " WHERE run_id = ? AND position = ?";

  private static final String SELECT_USERS =
      "SELECT position, "
          + PROGRESS_COLUMNS
          + " FROM offboarding_users WHERE run_id = ? ORDER BY position";

  // One row per run and outcome (one with a null outcome for a run without users).
  private static final String SELECT_COUNTED_RUNS =
      "SELECT r.id, r.created_at, r.updated_at, r.target, r.source, r.status, r.detail,"
          + " u.outcome, COUNT(u.outcome) AS users, COALESCE(SUM(u.devices_retired), 0) AS retired"
          + " FROM offboarding_runs r LEFT JOIN offboarding_users u ON u.run_id = r.id";

  private static final String GROUP_COUNTED_RUNS = " GROUP BY r.id, u.outcome";

  private final Database database;

  JdbcOffboardingRuns(Database database) {
    this.database = database;
  }

  @Override
  public void create(OffboardingRun run, List<UserProgress> users) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(users, "users");
    Set<Integer> positions = new HashSet<>();
    for (UserProgress user : users) {
      Objects.requireNonNull(user, "user");
      if (!positions.add(user.position())) {
        throw new IllegalArgumentException(
            "run %s has two users at position %d".formatted(run.id(), user.position()));
      }
    }
    database.change(
        c -> {
          try (PreparedStatement s = c.prepareStatement(INSERT_RUN)) {
            s.setString(1, run.id());
            s.setLong(2, Rows.micros(run.createdAt()));
            s.setLong(3, Rows.micros(run.updatedAt()));
            s.setString(4, run.target());
            s.setString(5, run.source());
            s.setString(6, run.status().wireName());
            s.setString(7, run.detail());
            if (s.executeUpdate() == 0) {
              throw new IllegalArgumentException("a run with id %s is kept".formatted(run.id()));
            }
          }
          try (PreparedStatement s = c.prepareStatement(INSERT_USER)) {
            int pending = 0;
            for (UserProgress user : users) {
              s.setString(1, run.id());
              s.setInt(2, user.position());
              bindProgress(s, 3, user);
              s.addBatch();
              if (++pending == BATCH) {
                s.executeBatch();
                pending = 0;
              }
            }
            if (pending > 0) {
              s.executeBatch();
            }
          }
        });
  }

  @Override
  public Optional<OffboardingRun> find(String id) {
    Objects.requireNonNull(id, "id");
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(SELECT_COUNTED_RUNS + " WHERE r.id = ?" + GROUP_COUNTED_RUNS)) {
            s.setString(1, id);
            return countedRuns(s).stream().findFirst();
          }
        });
  }

  @Override
  public List<OffboardingRun> list() {
    List<OffboardingRun> runs =
        database.read(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(SELECT_COUNTED_RUNS + GROUP_COUNTED_RUNS)) {
                return countedRuns(s);
              }
            });
    // Java's order is the rule: the engines' byte order of ids differs from it on rare characters.
    runs.sort(NEWEST_FIRST);
    return runs;
  }

  /** The runs {@code s} selects, one row per run and outcome, each with its counts. */
  private static List<OffboardingRun> countedRuns(PreparedStatement s) throws SQLException {
    Map<String, OffboardingRun> runs = new LinkedHashMap<>();
    Map<String, Map<UserOutcome, int[]>> counts = new LinkedHashMap<>();
    try (ResultSet row = s.executeQuery()) {
      while (row.next()) {
        String id = row.getString("id");
        if (!runs.containsKey(id)) {
          runs.put(
              id,
              new OffboardingRun(
                  id,
                  Rows.instant(row.getLong("created_at")),
                  Rows.instant(row.getLong("updated_at")),
                  row.getString("target"),
                  row.getString("source"),
                  RunStatus.ofWireName(row.getString("status")),
                  row.getString("detail"),
                  OutcomeCounts.of(List.of())));
          counts.put(id, new EnumMap<>(UserOutcome.class));
        }
        String outcome = row.getString("outcome");
        if (outcome != null) {
          Objects.requireNonNull(counts.get(id))
              .put(
                  UserOutcome.ofWireName(outcome),
                  new int[] {row.getInt("users"), Math.toIntExact(row.getLong("retired"))});
        }
      }
    }
    List<OffboardingRun> counted = new ArrayList<>(runs.size());
    for (OffboardingRun run : runs.values()) {
      counted.add(run.withCounts(counts(Objects.requireNonNull(counts.get(run.id())))));
    }
    return counted;
  }

  private static OutcomeCounts counts(Map<UserOutcome, int[]> byOutcome) {
    int users = 0;
    int retired = 0;
    for (int[] count : byOutcome.values()) {
      users += count[0];
      retired += count[1];
    }
    return new OutcomeCounts(
        users,
        count(byOutcome, UserOutcome.PENDING),
        count(byOutcome, UserOutcome.DONE),
        count(byOutcome, UserOutcome.NOTHING_TO_DO),
        count(byOutcome, UserOutcome.NOT_FOUND),
        count(byOutcome, UserOutcome.REFUSED),
        count(byOutcome, UserOutcome.FAILED),
        retired);
  }

  private static int count(Map<UserOutcome, int[]> byOutcome, UserOutcome outcome) {
    int[] count = byOutcome.get(outcome);
    return count == null ? 0 : count[0];
  }

  @Override
  public List<UserProgress> users(String id) {
    Objects.requireNonNull(id, "id");
    return database.read(
        c -> {
          List<UserProgress> users = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(SELECT_USERS)) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
              while (row.next()) {
                users.add(progress(row));
              }
            }
          }
          // A run is created with its users in one transaction and never deleted: no user, no run
          // or a run without users.
          if (users.isEmpty() && !exists(c, id)) {
            throw noSuchRun(id);
          }
          return users;
        });
  }

  private static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM offboarding_runs WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet row = s.executeQuery()) {
        return row.next();
      }
    }
  }

  @Override
  public void save(String id, List<UserProgress> users, Instant at) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(at, "at");
    users.forEach(user -> Objects.requireNonNull(user, "user"));
    database.change(
        c -> {
          touch(c, id, at);
          try (PreparedStatement s = c.prepareStatement(UPDATE_USER)) {
            for (int start = 0; start < users.size(); start += BATCH) {
              List<UserProgress> chunk =
                  users.subList(start, Math.min(users.size(), start + BATCH));
              for (UserProgress user : chunk) {
                int next = bindProgress(s, 1, user);
                s.setString(next, id);
                s.setInt(next + 1, user.position());
                s.addBatch();
              }
              int[] changed = s.executeBatch();
              for (int i = 0; i < changed.length; i++) {
                // The transaction is rolled back: no user of the save is changed.
                if (changed[i] == 0) {
                  throw new IllegalArgumentException(
                      "run %s has no user at position %d".formatted(id, chunk.get(i).position()));
                }
              }
            }
          }
        });
  }

  private static void touch(Connection c, String id, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE offboarding_runs SET updated_at = ? WHERE id = ?")) {
      s.setLong(1, Rows.micros(at));
      s.setString(2, id);
      if (s.executeUpdate() == 0) {
        throw noSuchRun(id);
      }
    }
  }

  @Override
  public void setStatus(String id, RunStatus status, String detail, Instant at) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
    database.change(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE offboarding_runs SET status = ?, detail = ?, updated_at = ?"
                      + " WHERE id = ?")) {
            s.setString(1, status.wireName());
            s.setString(2, detail);
            s.setLong(3, Rows.micros(at));
            s.setString(4, id);
            if (s.executeUpdate() == 0) {
              throw noSuchRun(id);
            }
          }
        });
  }

  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(devices_retired), 0) FROM offboarding_users"
                      + " WHERE outcome = ? AND finished_at >= ? AND finished_at < ?")) {
            s.setString(1, UserOutcome.DONE.wireName());
            // Kept instants are whole microseconds: at or after from is at or after its ceiling.
            s.setLong(2, Rows.microsCeiling(from));
            s.setLong(3, Rows.microsCeiling(until));
            try (ResultSet row = s.executeQuery()) {
              row.next();
              return Math.toIntExact(row.getLong(1));
            }
          }
        });
  }

  /** Forgets every run (for tests that want a store with none). */
  void forgetRuns() {
    database.change(
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM offboarding_users");
            s.executeUpdate("DELETE FROM offboarding_runs");
          }
        });
  }

  /**
   * Binds {@code user}'s progress to the {@link #PROGRESS_COLUMNS} from parameter {@code first};
   * returns the parameter after the last.
   */
  private static int bindProgress(PreparedStatement s, int first, UserProgress user)
      throws SQLException {
    int i = first;
    s.setInt(i++, user.line());
    s.setString(i++, user.user());
    s.setString(i++, user.outcome().wireName());
    s.setInt(i++, user.plannedDevices());
    bindInstant(s, i++, user.sentAt());
    s.setInt(i++, user.devicesRetired());
    s.setInt(i++, user.devicesLeftAlone());
    s.setInt(i++, user.httpStatus());
    s.setString(i++, user.graphCode());
    s.setString(i++, user.message());
    s.setString(i++, user.requestId());
    s.setInt(i++, user.attempts());
    bindInstant(s, i++, user.finishedAt());
    return i;
  }

  private static void bindInstant(PreparedStatement s, int parameter, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      s.setLong(parameter, Rows.micros(at.get()));
    } else {
      s.setNull(parameter, Types.BIGINT);
    }
  }

  /** The user in the current row, which holds {@code position} and the progress columns. */
  private static UserProgress progress(ResultSet row) throws SQLException {
    return new UserProgress(
        row.getInt("position"),
        row.getInt("line"),
        row.getString("user_reference"),
        UserOutcome.ofWireName(row.getString("outcome")),
        row.getInt("planned_devices"),
        instant(row, "sent_at"),
        row.getInt("devices_retired"),
        row.getInt("devices_left_alone"),
        row.getInt("http_status"),
        row.getString("graph_code"),
        row.getString("message"),
        row.getString("request_id"),
        row.getInt("attempts"),
        instant(row, "finished_at"));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    long micros = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Rows.instant(micros));
  }

  private static IllegalArgumentException noSuchRun(String id) {
    return new IllegalArgumentException("no run has id %s".formatted(id));
  }
}
