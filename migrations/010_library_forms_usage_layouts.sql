-- The answer library as an admin curates it: an entry is one answer, covering one or more question forms (the
-- wordings it is offered for); two entries can be merged. A form learned from a questionnaire remembers it and is
-- forgotten with it (an entry left with no form goes too, by trigger); an admin who edits an entry makes its forms
-- the vendor's own (job_id NULL), which stay. library.question and library.norm are no longer read.
CREATE TABLE library_forms (
  id        INTEGER PRIMARY KEY,
  entry_id  TEXT NOT NULL REFERENCES library(id) ON DELETE CASCADE,
  norm      TEXT NOT NULL UNIQUE,
  question  TEXT NOT NULL,
  job_id    TEXT REFERENCES jobs(id) ON DELETE CASCADE,
  added_at  TEXT NOT NULL
);
CREATE INDEX library_forms_entry ON library_forms(entry_id);
CREATE INDEX library_forms_job ON library_forms(job_id);
INSERT INTO library_forms (entry_id, norm, question, job_id, added_at) SELECT id, norm, question, NULL, created_at FROM library;
CREATE TRIGGER library_forms_added AFTER INSERT ON library_forms BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER library_forms_removed AFTER DELETE ON library_forms BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER library_forms_moved AFTER UPDATE ON library_forms BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER library_forms_last_gone AFTER DELETE ON library_forms
  WHEN NOT EXISTS (SELECT 1 FROM library_forms WHERE entry_id = OLD.entry_id)
  BEGIN DELETE FROM library WHERE id = OLD.entry_id; END;

-- When an entry was last offered for a question (not part of what matching knows: no revision change).
CREATE TABLE library_use (
  entry_id      TEXT PRIMARY KEY REFERENCES library(id) ON DELETE CASCADE,
  last_used_at  TEXT NOT NULL,
  uses          INTEGER NOT NULL DEFAULT 0
);

-- How often each item answered a question and how often reviewers corrected it, per day: counts, no customer text,
-- so they outlive the questionnaires they were counted from.
CREATE TABLE item_usage (
  day        TEXT NOT NULL,
  item_no    INTEGER NOT NULL REFERENCES items(no),
  used       INTEGER NOT NULL DEFAULT 0,
  corrected  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, item_no)
);

-- Layouts users gave (or confirmed) for a questionnaire template, recognised next time by the template's sheet
-- names and header cells (a fingerprint), not by the file.
CREATE TABLE layouts (
  id               TEXT PRIMARY KEY,
  fingerprint      TEXT NOT NULL UNIQUE,
  sheet            TEXT NOT NULL,
  header_row       INTEGER,
  question_column  TEXT NOT NULL,
  answer_column    TEXT,
  choice_column    TEXT,
  description      TEXT NOT NULL,       -- the header cells, for people to recognise the template
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  used_at          TEXT,
  uses             INTEGER NOT NULL DEFAULT 0
);
