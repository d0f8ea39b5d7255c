-- A message is claimed by the replica sending it, in its own row, instead of through a lease on the process:
-- one statement claims a batch of due messages, and deleting a delivered message ends its claim.
ALTER TABLE dsp_outbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE dsp_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX dsp_outbox_by_claim ON dsp_outbox (claimed_by);
