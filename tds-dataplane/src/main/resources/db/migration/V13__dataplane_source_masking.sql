-- Governance (issue 8): a source may carry a masking profile (YAML, tds-governance's MaskingProfile), applied row by
-- row to its data before delivery under an agreement whose policy has a duty to anonymise. Its keys are derived on
-- the connector from the node's key and never stored.
ALTER TABLE dp_source ADD COLUMN masking_profile VARCHAR(65536);
