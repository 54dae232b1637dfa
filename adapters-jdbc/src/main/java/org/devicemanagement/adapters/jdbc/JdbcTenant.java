package org.devicemanagement.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditPaging;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DevicePaging;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.CheckInOutcome;
import org.devicemanagement.domain.CheckInRule;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;

/**
 * A whole tenant kept in a {@link JdbcStore}'s database, serving the same ports as the in-memory
 * tenant over tables instead of maps: users, devices (each with its next planned check-in), the
 * tenant first seeded (for {@link #resetTenant}) and the audit trail.
 *
 * <p><b>Atomicity.</b> Every change is one database transaction. A retire-all reads the user's
 * devices locked ({@code FOR UPDATE} on PostgreSQL; SQLite's one writer holds the database's write
 * lock), applies the rule, writes the devices it changed and records its audit event, so the trail
 * never disagrees with the devices and concurrent retire-alls for a user, from this process or
 * another sharing the database, apply each transition once. Check-ins run the same way, the devices
 * due at one instant per transaction, in time order.
 *
 * <p><b>Precision.</b> Instants are kept to the microsecond (PostgreSQL's own precision): changes
 * are dated to the microsecond, and finer digits of what is stored are dropped.
 *
 * <p><b>Searching devices.</b> A filter that requires {@code userId eq}, {@code userPrincipalName
 * eq} or {@code id eq} reads only the devices those name, through indexes; an unordered, uncounted
 * listing reads in id order and stops at the page's end; anything else reads every device and
 * filters, orders and pages in Java ({@link DevicePaging}, whose skip tokens it keeps).
 */
public final class JdbcTenant
    implements UserDirectory,
        UserDeviceListing,
        ManagedDeviceLookup,
        ManagedDeviceSearch,
        DeviceRetirement,
        CheckIns,
        TenantAdministration,
        AuditTrail {

  private static final String SELECT_DEVICES = "SELECT " + Rows.DEVICE_COLUMNS + " FROM devices";
  private static final String SELECT_USERS =
      "SELECT id, user_principal_name, display_name FROM users";
  private static final Comparator<ManagedDevice> BY_ID = Comparator.comparing(ManagedDevice::id);
  private static final int CHECK_INS_PER_TRANSACTION = 500;
  private static final int SCAN_BATCH = 256;

  private final Database database;

  JdbcTenant(Database database) {
    this.database = database;
  }

  // ---- users

  @Override
  public Optional<User> findById(String id) {
    Objects.requireNonNull(id, "id");
    return database.read(c -> firstUser(c, SELECT_USERS + " WHERE id_key = ?", Rows.key(id)));
  }

  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    return database.read(
        c -> firstUser(c, SELECT_USERS + " WHERE upn_key = ?", Rows.key(userPrincipalName)));
  }

  private static Optional<User> firstUser(Connection c, String sql, String key)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(Rows.user(row)) : Optional.empty();
      }
    }
  }

  /** Every user, in the order they were seeded or added. */
  public List<User> users() {
    return database.read(JdbcTenant::users);
  }

  private static List<User> users(Connection c) throws SQLException {
    List<User> users = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SELECT_USERS + " ORDER BY position");
        ResultSet row = s.executeQuery()) {
      while (row.next()) {
        users.add(Rows.user(row));
      }
    }
    return users;
  }

  /** How many users the tenant has. */
  public int userCount() {
    return database.read(c -> count(c, "SELECT COUNT(*) FROM users"));
  }

  /** How many devices the tenant has, with or without a primary user. */
  public int deviceCount() {
    return database.read(c -> count(c, "SELECT COUNT(*) FROM devices"));
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet row = s.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  // ---- devices

  @Override
  public List<ManagedDevice> listByUser(User user) {
    Objects.requireNonNull(user, "user");
    return database.read(
        c -> devices(c, SELECT_DEVICES + " WHERE user_key = ? ORDER BY id", Rows.key(user.id())));
  }

  @Override
  public Optional<ManagedDevice> findDeviceById(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    return database.read(
        c ->
            devices(c, SELECT_DEVICES + " WHERE id_key = ?", Rows.key(deviceId)).stream()
                .findFirst());
  }

  private static List<ManagedDevice> devices(Connection c, String sql, Object... parameters)
      throws SQLException {
    List<ManagedDevice> devices = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, List.of(parameters));
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          devices.add(Rows.device(row));
        }
      }
    }
    // The engine's byte order and Java's agree on ids but for rare characters: Java's is the rule.
    devices.sort(BY_ID);
    return devices;
  }

  private static void bind(PreparedStatement s, List<Object> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object parameter = parameters.get(i);
      if (parameter instanceof Long number) {
        s.setLong(i + 1, number);
      } else if (parameter instanceof Integer number) {
        s.setInt(i + 1, number);
      } else {
        s.setString(i + 1, (String) parameter);
      }
    }
  }

  @Override
  public DevicePage search(DeviceQuery query, int pageSize, Optional<String> skipToken) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size %d is below 1".formatted(pageSize));
    }
    Optional<DeviceFilter> filter = query.filter();
    List<Object> parameters = new ArrayList<>();
    Optional<String> indexed = filter.flatMap(f -> candidates(f, parameters));
    if (indexed.isEmpty() && query.orderBy().isEmpty() && !query.count()) {
      return scanInIdOrder(filter, pageSize, skipToken);
    }
    String where = indexed.map(w -> " WHERE " + w).orElse("");
    List<ManagedDevice> candidates =
        database.read(c -> devices(c, SELECT_DEVICES + where, parameters.toArray()));
    List<ManagedDevice> matching = new ArrayList<>(candidates.size());
    for (ManagedDevice device : candidates) {
      if (filter.isEmpty() || filter.get().test(device)) {
        matching.add(device);
      }
    }
    return DevicePaging.page(matching, query, pageSize, skipToken);
  }

  /**
   * A condition on indexed columns that every device matching {@code filter} meets (the filter is
   * applied in Java after), its parameters added to {@code parameters}; empty when none narrows.
   */
  private static Optional<String> candidates(DeviceFilter filter, List<Object> parameters) {
    if (filter instanceof DeviceFilter.Comparison c && c.operator() == DeviceFilter.Operator.EQ) {
      String column =
          switch (c.property()) {
            case USER_ID -> "user_key";
            case USER_PRINCIPAL_NAME -> "upn_key";
            case ID -> "id_key";
            default -> null;
          };
      if (column == null) {
        return Optional.empty();
      }
      parameters.add(Rows.key(c.value()));
      return Optional.of(column + " = ?");
    }
    if (filter instanceof DeviceFilter.And and) {
      List<Object> leftParameters = new ArrayList<>();
      Optional<String> left = candidates(and.left(), leftParameters);
      List<Object> rightParameters = new ArrayList<>();
      Optional<String> right = candidates(and.right(), rightParameters);
      if (left.isPresent() && right.isPresent()) {
        parameters.addAll(leftParameters);
        parameters.addAll(rightParameters);
        return Optional.of("(" + left.get() + " AND " + right.get() + ")");
      }
      parameters.addAll(left.isPresent() ? leftParameters : rightParameters);
      return left.or(() -> right);
    }
    if (filter instanceof DeviceFilter.Or or) {
      List<Object> leftParameters = new ArrayList<>();
      Optional<String> left = candidates(or.left(), leftParameters);
      List<Object> rightParameters = new ArrayList<>();
      Optional<String> right = candidates(or.right(), rightParameters);
      if (left.isPresent() && right.isPresent()) {
        parameters.addAll(leftParameters);
        parameters.addAll(rightParameters);
        return Optional.of("(" + left.get() + " OR " + right.get() + ")");
      }
    }
    return Optional.empty();
  }

  private DevicePage scanInIdOrder(
      Optional<DeviceFilter> filter, int pageSize, Optional<String> skipToken) {
    Optional<String> cursor = skipToken.map(DevicePaging::lastIdOf);
    int batch = (int) Math.min(SCAN_BATCH, pageSize + 1L);
    List<ManagedDevice> page = new ArrayList<>(Math.min(pageSize, 64));
    while (true) {
      Optional<String> after = cursor;
      List<ManagedDevice> read =
          database.read(
              c ->
                  after.isEmpty()
                      ? devices(c, SELECT_DEVICES + " ORDER BY id LIMIT ?", batch)
                      : devices(
                          c,
                          SELECT_DEVICES + " WHERE id > ? ORDER BY id LIMIT ?",
                          after.get(),
                          batch));
      for (ManagedDevice device : read) {
        if (filter.isEmpty() || filter.get().test(device)) {
          if (page.size() == pageSize) {
            String next = DevicePaging.afterId(page.get(page.size() - 1).id());
            return new DevicePage(page, Optional.of(next), OptionalLong.empty());
          }
          page.add(device);
        }
      }
      if (read.size() < batch) {
        return new DevicePage(page, Optional.empty(), OptionalLong.empty());
      }
      // The page is not full yet: go on after the last device read, matching or not.
      cursor = Optional.of(read.get(read.size() - 1).id());
    }
  }

  // ---- retire-all

  @Override
  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(audit, "audit");
    Instant when = Rows.stored(at);
    return database.write(
        c -> {
          List<ManagedDevice> devices =
              devices(
                  c,
                  SELECT_DEVICES + " WHERE user_key = ? ORDER BY id" + database.lockRows(),
                  Rows.key(user.id()));
          RetireAllOutcome outcome = RetireAllRule.applyTo(user.id(), devices, when);
          insertEvent(c, audit.eventFor(outcome));
          List<ManagedDevice> changed = new ArrayList<>();
          for (DeviceTransition transition : outcome.transitions()) {
            if (transition.changed()) {
              changed.add(transition.after());
            }
          }
          updateDevices(c, changed);
          return outcome;
        });
  }

  /** Writes what retire-all and check-ins change: state, last check-in and action results. */
  private static void updateDevices(Connection c, List<ManagedDevice> devices) throws SQLException {
    if (devices.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE devices SET management_state = ?, last_sync_date_time = ?,"
                + " device_action_results = ? WHERE id_key = ?")) {
      for (ManagedDevice device : devices) {
        s.setString(1, device.managementState().graphName());
        s.setLong(2, Rows.micros(device.lastSyncDateTime()));
        s.setString(3, Rows.actionResultsJson(device.deviceActionResults()));
        s.setString(4, Rows.key(device.id()));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  // ---- check-ins

  @Override
  public void planCheckIns(Instant from) {
    Objects.requireNonNull(from, "from");
    database.write(c -> plan(c, from));
  }

  private static int plan(Connection c, Instant from) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE devices SET next_check_in = CASE WHEN check_in_interval_micros IS NULL"
                + " THEN NULL ELSE ? + check_in_interval_micros END")) {
      s.setLong(1, Rows.micros(from));
      return s.executeUpdate();
    }
  }

  /** Forgets every planned check-in (for tests that want a tenant with none planned). */
  void forgetCheckIns() {
    database.change(
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE devices SET next_check_in = NULL");
          }
        });
  }

  @Override
  public Optional<Instant> nextCheckIn() {
    return database.read(c -> earliestCheckIn(c).map(Rows::instant));
  }

  private static Optional<Long> earliestCheckIn(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT MIN(next_check_in) FROM devices WHERE next_check_in IS NOT NULL");
        ResultSet row = s.executeQuery()) {
      row.next();
      long micros = row.getLong(1);
      return row.wasNull() ? Optional.empty() : Optional.of(micros);
    }
  }

  @Override
  public int runCheckInsDue(Instant until) {
    Objects.requireNonNull(until, "until");
    long last = Rows.micros(until);
    int ran = 0;
    while (true) {
      int batch = database.write(c -> runEarliestCheckIns(c, last));
      if (batch < 0) {
        return ran;
      }
      ran += batch;
    }
  }

  /**
   * Runs up to {@link #CHECK_INS_PER_TRANSACTION} check-ins planned at the earliest planned
   * instant, if that is at or before {@code last}; -1 when none is due.
   */
  private int runEarliestCheckIns(Connection c, long last) throws SQLException {
    Optional<Long> earliest = earliestCheckIn(c);
    if (earliest.isEmpty() || earliest.get() > last) {
      return -1;
    }
    long micros = earliest.get();
    Instant at = Rows.instant(micros);
    List<ManagedDevice> due =
        devices(
            c,
            SELECT_DEVICES + " WHERE next_check_in = ? ORDER BY id LIMIT ?" + database.lockRows(),
            micros,
            CHECK_INS_PER_TRANSACTION);
    List<ManagedDevice> stayed = new ArrayList<>(due.size());
    for (ManagedDevice device : due) {
      CheckInOutcome outcome = CheckInRule.applyTo(device, at);
      if (outcome.leftIntune()) {
        leave(c, outcome, at);
      } else {
        stayed.add(outcome.after());
      }
    }
    updateDevices(c, stayed);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE devices SET next_check_in = ? + check_in_interval_micros WHERE id_key = ?")) {
      for (ManagedDevice device : stayed) {
        s.setLong(1, micros);
        s.setString(2, Rows.key(device.id()));
        s.addBatch();
      }
      s.executeBatch();
    }
    return due.size();
  }

  /** The device of {@code outcome} completed its retire at {@code at}: it leaves, recorded. */
  private void leave(Connection c, CheckInOutcome outcome, Instant at) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM devices WHERE id_key = ?")) {
      s.setString(1, Rows.key(outcome.deviceId()));
      s.executeUpdate();
    }
    insertEvent(c, AuditEvents.retireCompleted(outcome, at));
  }

  @Override
  public Optional<CheckInOutcome> checkIn(String deviceId, Instant at) {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(at, "at");
    Instant when = Rows.stored(at);
    return database.write(
        c -> {
          Optional<ManagedDevice> device =
              devices(
                      c,
                      SELECT_DEVICES + " WHERE id_key = ?" + database.lockRows(),
                      Rows.key(deviceId))
                  .stream()
                  .findFirst();
          if (device.isEmpty()) {
            return Optional.empty();
          }
          CheckInOutcome outcome = CheckInRule.applyTo(device.get(), when);
          if (outcome.leftIntune()) {
            leave(c, outcome, when);
          } else {
            updateDevices(c, List.of(outcome.after()));
          }
          return Optional.of(outcome);
        });
  }

  // ---- administration

  @Override
  public void replaceTenant(Contents contents, Instant at) {
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(at, "at");
    TenantChecks.check(contents);
    database.change(
        c -> {
          replaceLive(c, contents, at);
        });
  }

  /**
   * Replaces the users, devices and check-in plans with {@code contents} planned from {@code at},
   * and starts an empty audit trail (a new tenant has no history; a reset between tests leaves no
   * events behind).
   */
  static void replaceLive(Connection c, Contents contents, Instant at) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM devices");
      s.executeUpdate("DELETE FROM users");
      s.executeUpdate("DELETE FROM audit_events");
    }
    insertUsers(c, "users", contents.users());
    insertDevices(c, "devices", contents.devices(), at);
  }

  static void insertUsers(Connection c, String table, List<User> users) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO " + table + " (" + Rows.USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < users.size(); i++) {
        Rows.bindUser(s, i, users.get(i));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  static void insertDevices(Connection c, String table, List<ManagedDevice> devices, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " ("
                + Rows.DEVICE_COLUMNS
                + ") VALUES ("
                + Rows.DEVICE_PLACEHOLDERS
                + ")")) {
      int pending = 0;
      for (ManagedDevice device : devices) {
        Rows.bindDevice(s, Rows.stored(device), Rows.nextCheckIn(device, at));
        s.addBatch();
        if (++pending == 1000) {
          s.executeBatch();
          pending = 0;
        }
      }
      s.executeBatch();
    }
  }

  @Override
  public Contents tenantContents() {
    return database.read(c -> new Contents(users(c), devices(c, SELECT_DEVICES + " ORDER BY id")));
  }

  @Override
  public void resetTenant(Instant at) {
    Objects.requireNonNull(at, "at");
    database.change(
        c -> {
          List<User> users = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, user_principal_name, display_name FROM seed_users"
                          + " ORDER BY position");
              ResultSet row = s.executeQuery()) {
            while (row.next()) {
              users.add(Rows.user(row));
            }
          }
          List<ManagedDevice> devices =
              devices(c, "SELECT " + Rows.DEVICE_COLUMNS + " FROM seed_devices ORDER BY id");
          replaceLive(c, new Contents(users, devices), at);
        });
  }

  @Override
  public User addUser(User user) {
    Objects.requireNonNull(user, "user");
    return database.write(
        c -> {
          if (firstUser(c, SELECT_USERS + " WHERE id_key = ?", Rows.key(user.id())).isPresent()) {
            throw new InvalidRequestException(
                "A user with id '%s' already exists.".formatted(user.id()));
          }
          if (firstUser(c, SELECT_USERS + " WHERE upn_key = ?", Rows.key(user.userPrincipalName()))
              .isPresent()) {
            throw new InvalidRequestException(
                "A user with userPrincipalName '%s' already exists."
                    .formatted(user.userPrincipalName()));
          }
          long position;
          try (PreparedStatement s =
                  c.prepareStatement("SELECT COALESCE(MAX(position), -1) + 1 FROM users");
              ResultSet row = s.executeQuery()) {
            row.next();
            position = row.getLong(1);
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO users (" + Rows.USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            Rows.bindUser(s, position, user);
            s.executeUpdate();
          } catch (SQLException e) {
            if (database.isUniqueViolation(e)) {
              throw new InvalidRequestException(
                  "A user with id '%s' or userPrincipalName '%s' already exists."
                      .formatted(user.id(), user.userPrincipalName()));
            }
            throw e;
          }
          return user;
        });
  }

  @Override
  public ManagedDevice addDevice(ManagedDevice device, Instant at) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(at, "at");
    return database.write(
        c -> {
          ManagedDevice stored = Rows.stored(device);
          if (!device.userId().isEmpty()) {
            Optional<User> user =
                firstUser(c, SELECT_USERS + " WHERE id_key = ?", Rows.key(device.userId()));
            if (user.isEmpty()) {
              throw new InvalidRequestException(
                  "userId '%s' of managed device '%s' names no user."
                      .formatted(device.userId(), device.id()));
            }
            if (device.userPrincipalName().isEmpty()) {
              stored = stored.toBuilder().userPrincipalName(user.get().userPrincipalName()).build();
            }
          }
          if (!devices(c, SELECT_DEVICES + " WHERE id_key = ?", Rows.key(device.id())).isEmpty()) {
            throw new InvalidRequestException(
                "A managed device with id '%s' already exists.".formatted(device.id()));
          }
          try {
            insertDevices(c, "devices", List.of(stored), at);
          } catch (SQLException e) {
            if (database.isUniqueViolation(e)) {
              throw new InvalidRequestException(
                  "A managed device with id '%s' already exists.".formatted(device.id()));
            }
            throw e;
          }
          return stored;
        });
  }

  @Override
  public boolean removeDevice(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    return database.write(
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM devices WHERE id_key = ?")) {
            s.setString(1, Rows.key(deviceId));
            return s.executeUpdate() > 0;
          }
        });
  }

  // ---- the audit trail

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    database.change(
        c -> {
          insertEvent(c, event);
        });
  }

  /**
   * Records {@code events} in one transaction: an import of a trail kept elsewhere, or a large
   * trail set up for a benchmark, without one commit per event.
   *
   * @throws IllegalArgumentException if an event with one of their ids is recorded (then none is)
   */
  public void recordAll(List<AuditEvent> events) {
    List<AuditEvent> all = List.copyOf(events);
    database.change(
        c -> {
          for (AuditEvent event : all) {
            insertEvent(c, event);
          }
        });
  }

  /**
   * Inserts {@code event}, dated to the microsecond.
   *
   * @throws IllegalArgumentException if an event with its id is recorded
   */
  private void insertEvent(Connection c, AuditEvent event) throws SQLException {
    AuditEvent stored = storedEvent(event);
    // No look-up first: the primary key refuses a second event with the id (caught below), and
    // a retire-all's transaction saves a statement.
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_events (id, id_key, activity_date_time, activity_type_key,"
                + " component_name_key, category_key, correlation_id_key,"
                + " activity_operation_type_key, activity_result_key, resource_count, event)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, stored.id());
      s.setString(2, Rows.key(stored.id()));
      s.setLong(3, Rows.micros(stored.activityDateTime()));
      s.setString(4, Rows.key(stored.activityType()));
      s.setString(5, Rows.key(stored.componentName()));
      s.setString(6, Rows.key(stored.category()));
      s.setString(7, Rows.key(stored.correlationId()));
      s.setString(8, Rows.key(stored.activityOperationType()));
      s.setString(9, Rows.key(stored.activityResult()));
      s.setInt(10, stored.resources().size());
      s.setString(11, Rows.eventJson(stored));
      s.executeUpdate();
    } catch (SQLException e) {
      if (database.isUniqueViolation(e)) {
        throw alreadyRecorded(stored);
      }
      throw e;
    }
  }

  private static IllegalArgumentException alreadyRecorded(AuditEvent event) {
    return new IllegalArgumentException(
        "an audit event with id %s is already recorded".formatted(event.id()));
  }

  private static AuditEvent storedEvent(AuditEvent e) {
    Instant at = Rows.stored(e.activityDateTime());
    if (at.equals(e.activityDateTime())) {
      return e;
    }
    return new AuditEvent(
        e.id(),
        e.displayName(),
        e.componentName(),
        e.actor(),
        e.activity(),
        at,
        e.activityType(),
        e.activityOperationType(),
        e.activityResult(),
        e.correlationId(),
        e.resources(),
        e.category());
  }

  @Override
  public Optional<AuditEvent> findEventById(String id) {
    Objects.requireNonNull(id, "id");
    return database.read(c -> eventById(c, id));
  }

  private static Optional<AuditEvent> eventById(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT event FROM audit_events WHERE id_key = ?")) {
      s.setString(1, Rows.key(id));
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(Rows.event(row.getString(1))) : Optional.empty();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The filter becomes a {@code WHERE} over the event's columns, and the page is read through
   * the index on {@code (activity_date_time, id)} from where the skip token left off.
   */
  @Override
  public AuditPage searchEvents(AuditQuery query, int pageSize, Optional<String> skipToken) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize %d is below 1".formatted(pageSize));
    }
    Optional<AuditPaging.Position> start =
        skipToken.map(token -> AuditPaging.positionOf(token, query));
    StringBuilder sql = new StringBuilder("SELECT event FROM audit_events WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (query.filter().isPresent()) {
      sql.append(" AND ");
      where(query.filter().get(), sql, parameters);
    }
    String direction = query.newestFirst() ? "DESC" : "ASC";
    if (start.isPresent()) {
      sql.append(" AND (activity_date_time, id) ").append(query.newestFirst() ? "<" : ">");
      sql.append(" (?, ?)");
      parameters.add(Rows.micros(start.get().at()));
      parameters.add(start.get().id());
    }
    sql.append(" ORDER BY activity_date_time ")
        .append(direction)
        .append(", id ")
        .append(direction)
        .append(" LIMIT ?");
    parameters.add((int) Math.min(Integer.MAX_VALUE, pageSize + 1L));
    List<AuditEvent> events =
        database.read(
            c -> {
              List<AuditEvent> read = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                bind(s, parameters);
                try (ResultSet row = s.executeQuery()) {
                  while (row.next()) {
                    read.add(Rows.event(row.getString(1)));
                  }
                }
              }
              return read;
            });
    if (events.size() > pageSize) {
      List<AuditEvent> page = events.subList(0, pageSize);
      return new AuditPage(page, Optional.of(AuditPaging.after(page.get(pageSize - 1), query)));
    }
    return new AuditPage(events, Optional.empty());
  }

  /** Appends {@code filter} as SQL to {@code sql}, its values to {@code parameters}. */
  private static void where(AuditFilter filter, StringBuilder sql, List<Object> parameters) {
    if (filter instanceof AuditFilter.ActivityTime time) {
      // Stored instants are whole microseconds: round the bound the way that keeps the relation.
      switch (time.operator()) {
        case GE -> sql.append("activity_date_time >= ?");
        case GT -> sql.append("activity_date_time > ?");
        case LE -> sql.append("activity_date_time <= ?");
        case LT -> sql.append("activity_date_time < ?");
      }
      boolean roundUp =
          time.operator() == AuditFilter.TimeOperator.GE
              || time.operator() == AuditFilter.TimeOperator.LT;
      parameters.add(roundUp ? Rows.microsCeiling(time.bound()) : Rows.micros(time.bound()));
    } else if (filter instanceof AuditFilter.Text text) {
      sql.append(column(text.field())).append(text.equal() ? " = ?" : " <> ?");
      parameters.add(Rows.key(text.value()));
    } else if (filter instanceof AuditFilter.And and) {
      sql.append('(');
      where(and.left(), sql, parameters);
      sql.append(" AND ");
      where(and.right(), sql, parameters);
      sql.append(')');
    } else if (filter instanceof AuditFilter.Or or) {
      sql.append('(');
      where(or.left(), sql, parameters);
      sql.append(" OR ");
      where(or.right(), sql, parameters);
      sql.append(')');
    }
  }

  private static String column(org.devicemanagement.application.audit.AuditField field) {
    return switch (field) {
      case ACTIVITY_TYPE -> "activity_type_key";
      case COMPONENT_NAME -> "component_name_key";
      case CATEGORY -> "category_key";
      case CORRELATION_ID -> "correlation_id_key";
      case ACTIVITY_OPERATION_TYPE -> "activity_operation_type_key";
      case ACTIVITY_RESULT -> "activity_result_key";
    };
  }

  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(resource_count), 0) FROM audit_events"
                      + " WHERE activity_date_time >= ? AND activity_date_time < ?"
                      + " AND activity_type_key = ? AND activity_result_key = ?")) {
            s.setLong(1, Rows.microsCeiling(from));
            s.setLong(2, Rows.microsCeiling(until));
            s.setString(3, Rows.key(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE));
            s.setString(4, Rows.key(AuditEvents.SUCCESS));
            try (ResultSet row = s.executeQuery()) {
              row.next();
              return (int) row.getLong(1);
            }
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcTenant[" + database + "]";
  }
}
