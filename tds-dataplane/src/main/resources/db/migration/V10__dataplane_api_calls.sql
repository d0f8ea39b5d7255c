-- API-type products served call by call through the provider's connector (tds-dataplane).

-- What a provider learnt of the consumer when it started an HttpData-API transfer: the facts of its credential that
-- the transfer was admitted with. Each call is decided with them (they do not change per call), with the call's own
-- purpose, time and count.
CREATE TABLE dp_api_grant (
    transfer_id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    agreement_id                VARCHAR(512)  NOT NULL,
    consumer_id                 VARCHAR(256)  NOT NULL,
    recipient_industry          VARCHAR(200),
    recipient_organization_type VARCHAR(200),
    recipient_roles             VARCHAR(2000) NOT NULL,
    granted_at                  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How many calls were served under an agreement (odrl:count), advanced by a conditional write in the unit of work
-- that meters the call, so that a refused or failed call is not counted.
CREATE TABLE dp_api_count (
    agreement_id    VARCHAR(512)  NOT NULL PRIMARY KEY,
    calls           BIGINT        NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
