-- Dataspace Protocol (tds-protocol): contract negotiations on both sides, the agreements they reach, and the outbox
-- of protocol messages still to be delivered to the other connector.

CREATE TABLE dsp_negotiation (
    id                    VARCHAR(64)     NOT NULL PRIMARY KEY,
    role                  VARCHAR(10)     NOT NULL,
    provider_pid          VARCHAR(256),
    consumer_pid          VARCHAR(256)    NOT NULL,
    counterparty_id       VARCHAR(256)    NOT NULL,
    counterparty_address  VARCHAR(1024),
    state                 VARCHAR(20)     NOT NULL,
    offer_id              VARCHAR(512)    NOT NULL,
    target                VARCHAR(512)    NOT NULL,
    offer                 VARCHAR(200000) NOT NULL,
    agreement_id          VARCHAR(512),
    reason                VARCHAR(4000),
    version               BIGINT          NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a retried initial request finds the negotiation it opened
    CONSTRAINT dsp_negotiation_consumer_pid UNIQUE (role, counterparty_id, consumer_pid)
);
CREATE INDEX dsp_negotiation_by_state ON dsp_negotiation (role, state, updated_at);

CREATE TABLE dsp_agreement (
    id              VARCHAR(512)    NOT NULL PRIMARY KEY,
    negotiation_id  VARCHAR(64)     NOT NULL,
    provider_id     VARCHAR(256)    NOT NULL,
    consumer_id     VARCHAR(256)    NOT NULL,
    target          VARCHAR(512)    NOT NULL,
    policy          VARCHAR(200000) NOT NULL,
    agreed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dsp_agreement_by_consumer ON dsp_agreement (consumer_id, agreed_at);
CREATE INDEX dsp_agreement_by_provider ON dsp_agreement (provider_id, agreed_at);

CREATE TABLE dsp_outbox (
    id               VARCHAR(64)     NOT NULL PRIMARY KEY,
    process_id       VARCHAR(64)     NOT NULL,
    target_url       VARCHAR(1024)   NOT NULL,
    message          VARCHAR(200000) NOT NULL,
    attempts         INT             NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dsp_outbox_due ON dsp_outbox (next_attempt_at);
CREATE INDEX dsp_outbox_by_process ON dsp_outbox (process_id, created_at);
