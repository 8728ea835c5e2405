-- The public portal's read model: one row per published disclosure (its latest publication), its
-- expenditure lines and its searchable names, written in the same transaction as the publication.
-- The portal reads only these tables (and publications), never a draft.

CREATE TABLE portal_entries (
  disclosure_id     bigint PRIMARY KEY REFERENCES disclosures(id),
  publication_id    bigint NOT NULL REFERENCES publications(id),
  sequence          int NOT NULL,
  unit_id           bigint NOT NULL REFERENCES units(id),
  unit_code         text NOT NULL,
  unit_name         text NOT NULL,
  unit_kind         text NOT NULL,
  department_id     bigint NOT NULL REFERENCES departments(id),
  department_code   text NOT NULL,
  department_name   text NOT NULL,
  region            text NOT NULL,
  year              int NOT NULL,
  published_at      timestamptz NOT NULL,
  -- 批复日期 of the budget, when the document gives it: publishing within 20 days of it is on time.
  approved_on       date,
  expenditure_total bigint NOT NULL,
  errors            int NOT NULL,
  warnings          int NOT NULL,
  -- Every standard table present (printed, or empty with its reason).
  complete          boolean NOT NULL
);
CREATE INDEX portal_entries_year ON portal_entries(year);
CREATE INDEX portal_entries_department ON portal_entries(department_id);
CREATE INDEX portal_entries_unit ON portal_entries(unit_code, year);

CREATE TABLE portal_lines (
  disclosure_id       bigint NOT NULL REFERENCES portal_entries(disclosure_id) ON DELETE CASCADE,
  year                int NOT NULL,
  function_code       text NOT NULL,
  dept_economic_code  text NOT NULL,
  gov_economic_code   text NOT NULL,
  fund_source         text NOT NULL,
  nature              text NOT NULL,
  project             text,
  amount              bigint NOT NULL
);
CREATE INDEX portal_lines_disclosure ON portal_lines(disclosure_id);
CREATE INDEX portal_lines_function ON portal_lines(year, function_code);

-- What search finds: the unit's name, project names, and the 科目 (code and name) the lines use.
CREATE TABLE portal_search (
  disclosure_id  bigint NOT NULL REFERENCES portal_entries(disclosure_id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('unit', 'project', 'function', 'economic')),
  code           text NOT NULL DEFAULT '',
  text           text NOT NULL
);
CREATE INDEX portal_search_disclosure ON portal_search(disclosure_id);
