-- qmap's schema. Every later change is a new numbered file; applied files are never edited.

CREATE TABLE items (
  no            INTEGER PRIMARY KEY,
  category      TEXT NOT NULL,
  title         TEXT NOT NULL,
  description   TEXT NOT NULL,
  unit          TEXT NOT NULL,
  answer        TEXT NOT NULL,
  short_answer  TEXT CHECK (short_answer IN ('有', '無')),
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);

-- Every earlier answer of an item, newest last.
CREATE TABLE item_history (
  id            INTEGER PRIMARY KEY,
  item_no       INTEGER NOT NULL REFERENCES items(no),
  answer        TEXT NOT NULL,
  short_answer  TEXT,
  changed_at    TEXT NOT NULL,
  changed_by    TEXT NOT NULL
);
CREATE INDEX item_history_item ON item_history(item_no, id);

-- Bearer tokens; only the SHA-256 of the secret is kept.
CREATE TABLE tokens (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer')),
  hash          TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
);

CREATE TABLE jobs (
  id            TEXT PRIMARY KEY,
  filename      TEXT NOT NULL,
  kind          TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  sheets        TEXT NOT NULL,          -- JSON: the detection per sheet, without its questions
  notes         TEXT NOT NULL DEFAULT '[]'  -- JSON: things the user should know (formatting not preserved, …)
);
CREATE INDEX jobs_created ON jobs(created_at);

-- The customer's original upload, kept apart so listing jobs never touches the bytes.
CREATE TABLE uploads (
  job_id        TEXT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  bytes         BLOB NOT NULL
);

CREATE TABLE job_rows (
  id              TEXT PRIMARY KEY,
  job_id          TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  ord             INTEGER NOT NULL,
  sheet           TEXT NOT NULL,
  row             INTEGER NOT NULL,
  question        TEXT NOT NULL,
  section         TEXT,
  number          TEXT,
  answer_cell     TEXT,
  choice_cell     TEXT,
  choices         TEXT,                 -- JSON array of allowed values, or NULL
  existing_answer TEXT NOT NULL DEFAULT '',
  existing_choice TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('auto', 'review', 'unmatched', 'confirmed')),
  item_nos        TEXT NOT NULL DEFAULT '[]',   -- JSON array: the items whose answers are written
  score           REAL,
  proposal        TEXT NOT NULL,        -- JSON: the matcher's best, alternatives and reasons, kept as first proposed
  answer          TEXT,                 -- the text written into the answer cell (NULL: nothing)
  choice          TEXT,                 -- the value written into the choice cell (NULL: nothing)
  decided_by      TEXT,
  decided_at      TEXT
);
CREATE INDEX job_rows_job ON job_rows(job_id, ord);

-- Every change to a job, by whom and when. Not tied to jobs by a foreign key: a deletion is logged too.
CREATE TABLE audit (
  id            INTEGER PRIMARY KEY,
  job_id        TEXT,
  row_id        TEXT,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  detail        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_job ON audit(job_id, id);

-- Reviewers' decisions, learned: a normalised question text and the items that answer it ([] = none does).
CREATE TABLE aliases (
  id            INTEGER PRIMARY KEY,
  norm          TEXT NOT NULL UNIQUE,
  text          TEXT NOT NULL,
  item_nos      TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

-- Answers the vendor wrote for questions no item answers (MFA, 反社会的勢力, …), offered again next time.
CREATE TABLE library (
  id            TEXT PRIMARY KEY,
  question      TEXT NOT NULL,
  norm          TEXT NOT NULL UNIQUE,
  answer        TEXT NOT NULL,
  choice        TEXT,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
