-- The tenant, the tenant it was first seeded with, the audit trail and the emulator's own values.
-- Instants are microseconds since 1970-01-01T00:00:00Z; *_key columns hold the lower-cased value
-- that ids, sign-in names and audit filters compare ignoring case. Text compares byte by byte
-- (COLLATE "C"), so ids sort as Java sorts them, whatever the database's locale.

CREATE TABLE users (
  position            BIGINT NOT NULL,
  id                  TEXT COLLATE "C"    NOT NULL,
  id_key              TEXT COLLATE "C"    NOT NULL PRIMARY KEY,
  user_principal_name TEXT COLLATE "C"    NOT NULL,
  upn_key             TEXT COLLATE "C"    NOT NULL UNIQUE,
  display_name        TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX users_by_position ON users (position);

CREATE TABLE devices (
  id                       TEXT COLLATE "C"    NOT NULL,
  id_key                   TEXT COLLATE "C"    NOT NULL PRIMARY KEY,
  user_id                  TEXT COLLATE "C"    NOT NULL,
  user_key                 TEXT COLLATE "C"    NOT NULL,
  user_principal_name      TEXT COLLATE "C"    NOT NULL,
  upn_key                  TEXT COLLATE "C"    NOT NULL,
  device_name              TEXT COLLATE "C"    NOT NULL,
  operating_system         TEXT COLLATE "C"    NOT NULL,
  os_version               TEXT COLLATE "C"    NOT NULL,
  management_state         TEXT COLLATE "C"    NOT NULL,
  compliance_state         TEXT COLLATE "C"    NOT NULL,
  managed_device_owner_type TEXT COLLATE "C"   NOT NULL,
  enrolled_date_time       BIGINT NOT NULL,
  last_sync_date_time      BIGINT NOT NULL,
  serial_number            TEXT COLLATE "C"    NOT NULL,
  azure_ad_device_id       TEXT COLLATE "C"    NOT NULL,
  model                    TEXT COLLATE "C"    NOT NULL,
  manufacturer             TEXT COLLATE "C"    NOT NULL,
  device_action_results    TEXT COLLATE "C"    NOT NULL,
  check_in_interval        TEXT COLLATE "C",
  check_in_interval_micros BIGINT,
  next_check_in            BIGINT
);
CREATE UNIQUE INDEX devices_by_id ON devices (id);
CREATE INDEX devices_by_user ON devices (user_key, id);
CREATE INDEX devices_by_upn ON devices (upn_key, id);
CREATE INDEX devices_by_next_check_in ON devices (next_check_in, id) WHERE next_check_in IS NOT NULL;

CREATE TABLE seed_users (
  position            BIGINT NOT NULL PRIMARY KEY,
  id                  TEXT COLLATE "C"    NOT NULL,
  id_key              TEXT COLLATE "C"    NOT NULL,
  user_principal_name TEXT COLLATE "C"    NOT NULL,
  upn_key             TEXT COLLATE "C"    NOT NULL,
  display_name        TEXT COLLATE "C"    NOT NULL
);

CREATE TABLE seed_devices (
  id                       TEXT COLLATE "C"    NOT NULL,
  id_key                   TEXT COLLATE "C"    NOT NULL PRIMARY KEY,
  user_id                  TEXT COLLATE "C"    NOT NULL,
  user_key                 TEXT COLLATE "C"    NOT NULL,
  user_principal_name      TEXT COLLATE "C"    NOT NULL,
  upn_key                  TEXT COLLATE "C"    NOT NULL,
  device_name              TEXT COLLATE "C"    NOT NULL,
  operating_system         TEXT COLLATE "C"    NOT NULL,
  os_version               TEXT COLLATE "C"    NOT NULL,
  management_state         TEXT COLLATE "C"    NOT NULL,
  compliance_state         TEXT COLLATE "C"    NOT NULL,
  managed_device_owner_type TEXT COLLATE "C"   NOT NULL,
  enrolled_date_time       BIGINT NOT NULL,
  last_sync_date_time      BIGINT NOT NULL,
  serial_number            TEXT COLLATE "C"    NOT NULL,
  azure_ad_device_id       TEXT COLLATE "C"    NOT NULL,
  model                    TEXT COLLATE "C"    NOT NULL,
  manufacturer             TEXT COLLATE "C"    NOT NULL,
  device_action_results    TEXT COLLATE "C"    NOT NULL,
  check_in_interval        TEXT COLLATE "C",
  check_in_interval_micros BIGINT,
  next_check_in            BIGINT
);

CREATE TABLE audit_events (
  id                          TEXT COLLATE "C"    NOT NULL,
  id_key                      TEXT COLLATE "C"    NOT NULL PRIMARY KEY,
  activity_date_time          BIGINT NOT NULL,
  activity_type_key           TEXT COLLATE "C"    NOT NULL,
  component_name_key          TEXT COLLATE "C"    NOT NULL,
  category_key                TEXT COLLATE "C"    NOT NULL,
  correlation_id_key          TEXT COLLATE "C"    NOT NULL,
  activity_operation_type_key TEXT COLLATE "C"    NOT NULL,
  activity_result_key         TEXT COLLATE "C"    NOT NULL,
  resource_count              INTEGER NOT NULL,
  event                       TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX audit_events_by_time ON audit_events (activity_date_time, id);

CREATE TABLE store_values (
  name  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL
);
