-- A question answered by marking one of several cells (はい | いいえ as two columns) keeps those cells: the value a
-- mark in each means, what each held, and the symbol to mark with (JSON), or NULL.
ALTER TABLE job_rows ADD COLUMN marks TEXT;
