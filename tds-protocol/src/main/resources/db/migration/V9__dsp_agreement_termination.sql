-- An agreement ended before its time by one of its parties (tds-protocol). Agreements themselves never change; the
-- end is a fact of its own, known to both connectors (the party that ends it tells the other).
CREATE TABLE dsp_agreement_termination (
    agreement_id    VARCHAR(512)  NOT NULL PRIMARY KEY,
    terminated_by   VARCHAR(256)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    terminated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
