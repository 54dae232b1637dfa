-- The tenant, the tenant it was first seeded with, the audit trail and the emulator's own values.
-- Instants are microseconds since 1970-01-01T00:00:00Z; *_key columns hold the lower-cased value
-- that ids, sign-in names and audit filters compare ignoring case.

CREATE TABLE users (
  position            INTEGER NOT NULL,
  id                  TEXT    NOT NULL,
  id_key              TEXT    NOT NULL PRIMARY KEY,
  user_principal_name TEXT    NOT NULL,
  upn_key             TEXT    NOT NULL UNIQUE,
  display_name        TEXT    NOT NULL
);
CREATE INDEX users_by_position ON users (position);

CREATE TABLE devices (
  id                       TEXT    NOT NULL,
  id_key                   TEXT    NOT NULL PRIMARY KEY,
  user_id                  TEXT    NOT NULL,
  user_key                 TEXT    NOT NULL,
  user_principal_name      TEXT    NOT NULL,
  upn_key                  TEXT    NOT NULL,
  device_name              TEXT    NOT NULL,
  operating_system         TEXT    NOT NULL,
  os_version               TEXT    NOT NULL,
  management_state         TEXT    NOT NULL,
  compliance_state         TEXT    NOT NULL,
  managed_device_owner_type TEXT   NOT NULL,
  enrolled_date_time       INTEGER NOT NULL,
  last_sync_date_time      INTEGER NOT NULL,
  serial_number            TEXT    NOT NULL,
  azure_ad_device_id       TEXT    NOT NULL,
  model                    TEXT    NOT NULL,
  manufacturer             TEXT    NOT NULL,
  device_action_results    TEXT    NOT NULL,
  check_in_interval        TEXT,
  check_in_interval_micros INTEGER,
  next_check_in            INTEGER
);
CREATE UNIQUE INDEX devices_by_id ON devices (id);
CREATE INDEX devices_by_user ON devices (user_key, id);
CREATE INDEX devices_by_upn ON devices (upn_key, id);
CREATE INDEX devices_by_next_check_in ON devices (next_check_in, id) WHERE next_check_in IS NOT NULL;

CREATE TABLE seed_users (
  position            INTEGER NOT NULL PRIMARY KEY,
  id                  TEXT    NOT NULL,
  id_key              TEXT    NOT NULL,
  user_principal_name TEXT    NOT NULL,
  upn_key             TEXT    NOT NULL,
  display_name        TEXT    NOT NULL
);

CREATE TABLE seed_devices (
  id                       TEXT    NOT NULL,
  id_key                   TEXT    NOT NULL PRIMARY KEY,
  user_id                  TEXT    NOT NULL,
  user_key                 TEXT    NOT NULL,
  user_principal_name      TEXT    NOT NULL,
  upn_key                  TEXT    NOT NULL,
  device_name              TEXT    NOT NULL,
  operating_system         TEXT    NOT NULL,
  os_version               TEXT    NOT NULL,
  management_state         TEXT    NOT NULL,
  compliance_state         TEXT    NOT NULL,
  managed_device_owner_type TEXT   NOT NULL,
  enrolled_date_time       INTEGER NOT NULL,
  last_sync_date_time      INTEGER NOT NULL,
  serial_number            TEXT    NOT NULL,
  azure_ad_device_id       TEXT    NOT NULL,
  model                    TEXT    NOT NULL,
  manufacturer             TEXT    NOT NULL,
  device_action_results    TEXT    NOT NULL,
  check_in_interval        TEXT,
  check_in_interval_micros INTEGER,
  next_check_in            INTEGER
);

CREATE TABLE audit_events (
  id                          TEXT    NOT NULL,
  id_key                      TEXT    NOT NULL PRIMARY KEY,
  activity_date_time          INTEGER NOT NULL,
  activity_type_key           TEXT    NOT NULL,
  component_name_key          TEXT    NOT NULL,
  category_key                TEXT    NOT NULL,
  correlation_id_key          TEXT    NOT NULL,
  activity_operation_type_key TEXT    NOT NULL,
  activity_result_key         TEXT    NOT NULL,
  resource_count              INTEGER NOT NULL,
  event                       TEXT    NOT NULL
);
CREATE INDEX audit_events_by_time ON audit_events (activity_date_time, id);

CREATE TABLE store_values (
  name  TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);
