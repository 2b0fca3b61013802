-- The job list counts each job's rows by status; from this index alone, without reading the rows
-- (20 jobs of 10,000 rows: 330 ms → 18 ms), for ~6% more time to store an upload.
CREATE INDEX job_rows_status ON job_rows(job_id, status);
