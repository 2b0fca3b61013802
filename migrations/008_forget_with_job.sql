-- Deleting a questionnaire forgets what was learned from it: a reviewer's decision (alias) and a custom answer
-- kept in the library remember the job they came from and go with it. An admin who edits a library entry makes
-- it the vendor's own answer (job_id NULL), which stays. What was learned before this migration has no job.
-- The audit trail keeps no customer text: an upload is recorded by its kind and size, not its filename.
ALTER TABLE aliases ADD COLUMN job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE;
ALTER TABLE library ADD COLUMN job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE;
CREATE INDEX aliases_job ON aliases(job_id);
CREATE INDEX library_job ON library(job_id);
UPDATE audit SET detail = json_remove(detail, '$.filename') WHERE json_extract(detail, '$.filename') IS NOT NULL;
