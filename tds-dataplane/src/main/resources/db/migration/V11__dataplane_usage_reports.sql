-- A consumer's reports of the reads of its copies, as the provider received them: each report once, whatever the
-- retries of its message (the report's id is the consumer's).
ALTER TABLE dp_usage ADD COLUMN report_id VARCHAR(64);
CREATE UNIQUE INDEX dp_usage_report ON dp_usage (report_id);
