-- Rows take the domain's shape (src/domain.ts): a proposal lists its candidates best first, reasons and notes are
-- messages ({code, params}) rendered in the reader's language, a row counts its decisions (version, for If-Match),
-- and the score column goes: the score shown is the proposal's, read from it.
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
  proposal        TEXT NOT NULL,        -- JSON: the domain Proposal, kept as first proposed
  answer          TEXT,                 -- the text written into the answer cell (NULL: nothing)
  choice          TEXT,                 -- the value written into the choice cell (NULL: nothing)
  decided_by      TEXT,
  decided_at      TEXT,
  version         INTEGER NOT NULL DEFAULT 0
);
INSERT INTO job_rows_new (id, job_id, ord, sheet, row, question, section, number, answer_cell, choice_cell, choices,
  existing_answer, existing_choice, status, item_nos, proposal, answer, choice, decided_by, decided_at, version)
SELECT id, job_id, ord, sheet, row, question, section, number, answer_cell, choice_cell, choices,
  existing_answer, existing_choice, status, item_nos,
  json_object(
    'status', proposal ->> '$.status',
    'itemNos', json(proposal -> '$.itemNos'),
    'score', proposal ->> '$.score',
    'candidates', (
      SELECT json_group_array(json_object('itemNo', c ->> '$.itemNo', 'score', c ->> '$.score', 'terms', json(c -> '$.terms')) ORDER BY k)
      FROM (SELECT -1 AS k, proposal -> '$.best' AS c WHERE proposal ->> '$.best' IS NOT NULL
            UNION ALL SELECT key, value FROM json_each(proposal, '$.alternatives'))),
    'reasons', (SELECT json_group_array(json_object('code', 'text', 'params', json_object('text', value)) ORDER BY key)
                FROM json_each(proposal, '$.reasons')),
    'source', proposal ->> '$.source',
    'libraryId', proposal ->> '$.libraryId'),
  answer, choice, decided_by, decided_at, CASE WHEN decided_at IS NULL THEN 0 ELSE 1 END
FROM job_rows;
DROP TABLE job_rows;
ALTER TABLE job_rows_new RENAME TO job_rows;
CREATE UNIQUE INDEX job_rows_id ON job_rows(job_id, id);
CREATE INDEX job_rows_job ON job_rows(job_id, ord);
CREATE INDEX job_rows_status ON job_rows(job_id, status);

-- Notes written before they were messages keep their English words.
UPDATE jobs SET notes = (SELECT json_group_array(json_object('code', 'text', 'params', json_object('text', value)) ORDER BY key)
                         FROM json_each(jobs.notes));

-- The language a job's answers are written in (detected from its questions, or chosen at upload).
ALTER TABLE jobs ADD COLUMN language TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en'));
