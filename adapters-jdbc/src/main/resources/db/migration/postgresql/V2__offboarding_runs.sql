-- Offboarding runs and the progress of their users, kept so that a run survives a crash and resumes.
-- Instants are microseconds since 1970-01-01T00:00:00Z; run ids compare exactly (case matters), so
-- they need no *_key column. Outcomes and statuses are kept by their wire names. Text compares byte
-- by byte (COLLATE "C"), as in V1.

CREATE TABLE offboarding_runs (
  id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  created_at BIGINT           NOT NULL,
  updated_at BIGINT           NOT NULL,
  target     TEXT COLLATE "C" NOT NULL,
  source     TEXT COLLATE "C" NOT NULL,
  status     TEXT COLLATE "C" NOT NULL,
  detail     TEXT COLLATE "C" NOT NULL
);

CREATE TABLE offboarding_users (
  run_id             TEXT COLLATE "C" NOT NULL REFERENCES offboarding_runs (id),
  position           INTEGER          NOT NULL,
  line               INTEGER          NOT NULL,
  user_reference     TEXT COLLATE "C" NOT NULL,
  outcome            TEXT COLLATE "C" NOT NULL,
  planned_devices    INTEGER          NOT NULL,
  sent_at            BIGINT,
  devices_retired    INTEGER          NOT NULL,
  devices_left_alone INTEGER          NOT NULL,
  http_status        INTEGER          NOT NULL,
  graph_code         TEXT COLLATE "C" NOT NULL,
  message            TEXT COLLATE "C" NOT NULL,
  request_id         TEXT COLLATE "C" NOT NULL,
  attempts           INTEGER          NOT NULL,
  finished_at        BIGINT,
  PRIMARY KEY (run_id, position)
);
-- A run's counts read this index alone (GROUP BY run_id, outcome).
CREATE INDEX offboarding_users_by_outcome ON offboarding_users (run_id, outcome, devices_retired);
-- The daily retire limit's count: the done users that ended in a span, across runs.
CREATE INDEX offboarding_users_by_finish ON offboarding_users (outcome, finished_at, devices_retired);
