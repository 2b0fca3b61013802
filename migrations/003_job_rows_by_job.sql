-- A row's id is unique within its job (every route names both), not across the whole table: the global
-- index on 128-bit random ids put each new row on a random page of an index of every job's rows, so
-- storing an upload grew slower as the database filled (10,000 rows: ~0.22 s on an empty database,
-- ~0.4 s with 300,000 rows stored). Indexed by (job_id, id), a job's rows sit together and it stays flat.
CREATE TABLE job_rows_new (
  id              TEXT NOT NULL,
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
INSERT INTO job_rows_new (id, job_id, ord, sheet, row, question, section, number, answer_cell, choice_cell, choices,
  existing_answer, existing_choice, status, item_nos, score, proposal, answer, choice, decided_by, decided_at)
SELECT id, job_id, ord, sheet, row, question, section, number, answer_cell, choice_cell, choices,
  existing_answer, existing_choice, status, item_nos, score, proposal, answer, choice, decided_by, decided_at
FROM job_rows;
DROP TABLE job_rows;
ALTER TABLE job_rows_new RENAME TO job_rows;
CREATE UNIQUE INDEX job_rows_id ON job_rows(job_id, id);
CREATE INDEX job_rows_job ON job_rows(job_id, ord);
