-- Deleting a questionnaire forgets what was learned from it: a reviewer's decision (alias) remembers the job it
-- came from and goes with it (the library's question forms do the same, migrations/010). What was learned before
-- this migration has no job.
-- The audit trail keeps no customer text: an upload is recorded by its kind and size, not its filename.
ALTER TABLE aliases ADD COLUMN job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE;
CREATE INDEX aliases_job ON aliases(job_id);
UPDATE audit SET detail = json_remove(detail, '$.filename') WHERE json_extract(detail, '$.filename') IS NOT NULL;
