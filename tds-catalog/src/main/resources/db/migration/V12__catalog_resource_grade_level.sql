-- Governance grading (issue 8): the level of general data (一般数据1级–4级) and what governance proposed, with why.
ALTER TABLE catalog_resource ADD COLUMN grade_level INT;
ALTER TABLE catalog_resource ADD COLUMN grade_proposal VARCHAR(8000);
