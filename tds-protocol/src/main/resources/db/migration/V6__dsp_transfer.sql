-- Dataspace Protocol (tds-protocol): transfer processes on both sides, under the agreements of V5.

CREATE TABLE dsp_transfer (
    id                    VARCHAR(64)     NOT NULL PRIMARY KEY,
    role                  VARCHAR(10)     NOT NULL,
    provider_pid          VARCHAR(256),
    consumer_pid          VARCHAR(256)    NOT NULL,
    counterparty_id       VARCHAR(256)    NOT NULL,
    counterparty_address  VARCHAR(1024),
    state                 VARCHAR(20)     NOT NULL,
    agreement_id          VARCHAR(512)    NOT NULL,
    format                VARCHAR(200)    NOT NULL,
    data_address          VARCHAR(20000),
    reason                VARCHAR(4000),
    version               BIGINT          NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dsp_transfer_consumer_pid UNIQUE (role, counterparty_id, consumer_pid)
);
CREATE INDEX dsp_transfer_by_state ON dsp_transfer (role, state, updated_at);
CREATE INDEX dsp_transfer_by_agreement ON dsp_transfer (agreement_id);
