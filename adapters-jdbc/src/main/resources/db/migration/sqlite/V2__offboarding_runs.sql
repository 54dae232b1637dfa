-- Offboarding runs and the progress of their users, kept so that a run survives a crash and resumes.
-- Instants are microseconds since 1970-01-01T00:00:00Z; run ids compare exactly (case matters), so
-- they need no *_key column. Outcomes and statuses are kept by their wire names.

CREATE TABLE offboarding_runs (
  id         TEXT    NOT NULL PRIMARY KEY,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  target     TEXT    NOT NULL,
  source     TEXT    NOT NULL,
  status     TEXT    NOT NULL,
  detail     TEXT    NOT NULL
);

CREATE TABLE offboarding_users (
  run_id             TEXT    NOT NULL REFERENCES offboarding_runs (id),
  position           INTEGER NOT NULL,
  line               INTEGER NOT NULL,
  user_reference     TEXT    NOT NULL,
  outcome            TEXT    NOT NULL,
  planned_devices    INTEGER NOT NULL,
  sent_at            INTEGER,
  devices_retired    INTEGER NOT NULL,
  devices_left_alone INTEGER NOT NULL,
  http_status        INTEGER NOT NULL,
  graph_code         TEXT    NOT NULL,
  message            TEXT    NOT NULL,
  request_id         TEXT    NOT NULL,
  attempts           INTEGER NOT NULL,
  finished_at        INTEGER,
  PRIMARY KEY (run_id, position)
);
-- A run's counts read this index alone (GROUP BY run_id, outcome).
CREATE INDEX offboarding_users_by_outcome ON offboarding_users (run_id, outcome, devices_retired);
-- The daily retire limit's count: the done users that ended in a span, across runs.
CREATE INDEX offboarding_users_by_finish ON offboarding_users (outcome, finished_at, devices_retired);
