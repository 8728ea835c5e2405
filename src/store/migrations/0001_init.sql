-- Gongkai's store, first version. One schema for PGlite (PostgreSQL 18 in WASM) and PostgreSQL 15+:
-- nothing newer than PostgreSQL 15 is used. Money inside documents is integer fen (in jsonb).

-- 主管部门 and their units.
CREATE TABLE departments (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  region      text NOT NULL DEFAULT ''
);

CREATE TABLE units (
  id            bigserial PRIMARY KEY,
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  kind          text NOT NULL,
  department_id bigint NOT NULL REFERENCES departments(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_department ON units(department_id);

-- Accounts. role: admin (财政局), reviewer (主管部门 and the later review steps), preparer (单位).
-- duties: the review steps (by name, from the workflow chain) a reviewer may act on.
CREATE TABLE users (
  id                   bigserial PRIMARY KEY,
  username             text NOT NULL UNIQUE,
  display_name         text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('admin', 'reviewer', 'preparer')),
  duties               jsonb NOT NULL DEFAULT '[]',
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled             boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now()
);

-- What each account is bound to: preparers to units, reviewers to departments.
CREATE TABLE user_scopes (
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id       bigint REFERENCES units(id),
  department_id bigint REFERENCES departments(id),
  CHECK ((unit_id IS NULL) <> (department_id IS NULL))
);
CREATE UNIQUE INDEX user_scopes_unique ON user_scopes(user_id, coalesce(unit_id, 0), coalesce(department_id, 0));

-- Server-side sessions: the cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed logins per key (account name and client address), for throttling.
CREATE TABLE login_failures (
  key           text PRIMARY KEY,
  failures      int NOT NULL,
  first_at      timestamptz NOT NULL,
  locked_until  timestamptz
);

-- A unit's disclosure of one year. state follows the workflow chain; head is the latest version's number,
-- which every save must name (optimistic locking: two editors never overwrite each other silently).
CREATE TABLE disclosures (
  id          bigserial PRIMARY KEY,
  unit_id     bigint NOT NULL REFERENCES units(id),
  year        int NOT NULL,
  state       text NOT NULL,
  head        int NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, year)
);

-- Every save is a version: the BudgetDocument as saved, with the checker's findings of it.
CREATE TABLE versions (
  disclosure_id bigint NOT NULL REFERENCES disclosures(id),
  number        int NOT NULL,
  document      jsonb NOT NULL,
  findings      jsonb NOT NULL,
  errors        int NOT NULL,
  warnings      int NOT NULL,
  source        text NOT NULL,
  author_id     bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (disclosure_id, number)
);

-- A warning the preparer acknowledged, with the reason, for one version.
CREATE TABLE acknowledgements (
  disclosure_id  bigint NOT NULL,
  version_number int NOT NULL,
  finding_key    text NOT NULL,
  reason         text NOT NULL,
  user_id        bigint REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (disclosure_id, version_number, finding_key),
  FOREIGN KEY (disclosure_id, version_number) REFERENCES versions(disclosure_id, number)
);

-- Each move along the review chain (and each return), with who did it and the version it concerned.
CREATE TABLE transitions (
  id             bigserial PRIMARY KEY,
  disclosure_id  bigint NOT NULL REFERENCES disclosures(id),
  version_number int NOT NULL,
  from_state     text NOT NULL,
  to_state       text NOT NULL,
  action         text NOT NULL,
  actor_id       bigint REFERENCES users(id),
  comment        text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transitions_disclosure ON transitions(disclosure_id);

-- Review comments, anchored to a table, a cell or a narrative section (anchor is jsonb).
CREATE TABLE comments (
  id             bigserial PRIMARY KEY,
  disclosure_id  bigint NOT NULL REFERENCES disclosures(id),
  version_number int NOT NULL,
  author_id      bigint REFERENCES users(id),
  anchor         jsonb NOT NULL,
  body           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_disclosure ON comments(disclosure_id);

-- What the public sees. A publication never changes; a correction is a new publication with a note.
CREATE TABLE publications (
  id             bigserial PRIMARY KEY,
  disclosure_id  bigint NOT NULL REFERENCES disclosures(id),
  sequence       int NOT NULL,
  version_number int NOT NULL,
  note           text NOT NULL DEFAULT '',
  html           text NOT NULL,
  certificate    jsonb NOT NULL,
  published_by   bigint REFERENCES users(id),
  published_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (disclosure_id, sequence),
  FOREIGN KEY (disclosure_id, version_number) REFERENCES versions(disclosure_id, number)
);

-- The append-only audit log: each entry's hash covers the previous entry's hash.
CREATE TABLE audit_log (
  seq        bigint PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor_id   bigint,
  action     text NOT NULL,
  subject    text NOT NULL,
  detail     jsonb NOT NULL,
  prev_hash  text NOT NULL,
  hash       text NOT NULL
);

-- Deployment settings (the year-over-year threshold that makes a reason required, …).
CREATE TABLE settings (
  key    text PRIMARY KEY,
  value  jsonb NOT NULL
);

-- Published versions, publications and the audit log are never updated or deleted, by anyone.
CREATE FUNCTION gongkai_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 只能追加，不能修改或删除', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION gongkai_forbid_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gongkai_forbid_change();
CREATE TRIGGER versions_append_only BEFORE UPDATE OR DELETE ON versions
  FOR EACH ROW EXECUTE FUNCTION gongkai_forbid_change();
