-- Participants and identity (tds-identity).

CREATE TABLE identity_application (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    status              VARCHAR(32)   NOT NULL,
    organization_name   VARCHAR(200)  NOT NULL,
    credit_code         VARCHAR(18)   NOT NULL,
    organization_type   VARCHAR(40)   NOT NULL,
    industry            VARCHAR(100)  NOT NULL,
    contact_name        VARCHAR(100)  NOT NULL,
    contact_phone       VARCHAR(40)   NOT NULL,
    contact_email       VARCHAR(200)  NOT NULL,
    requested_roles     VARCHAR(200)  NOT NULL,
    admin_username      VARCHAR(64)   NOT NULL,
    admin_password_hash VARCHAR(400)  NOT NULL,
    connector_key       VARCHAR(200),
    status_token_hash   VARCHAR(128)  NOT NULL,
    decision_reason     VARCHAR(2000),
    participant_id      VARCHAR(36),
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at          TIMESTAMP WITH TIME ZONE,
    decided_by          VARCHAR(36)
);
CREATE INDEX identity_application_by_code ON identity_application (credit_code);
CREATE INDEX identity_application_by_status ON identity_application (status, submitted_at);

CREATE TABLE identity_document (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    application_id VARCHAR(36)  NOT NULL REFERENCES identity_application (id),
    name           VARCHAR(200) NOT NULL,
    media_type     VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    digest         VARCHAR(128) NOT NULL,
    content        BYTEA        NOT NULL
);
CREATE INDEX identity_document_by_application ON identity_document (application_id);

CREATE TABLE identity_participant (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    credit_code       VARCHAR(18)  NOT NULL UNIQUE,
    organization_type VARCHAR(40)  NOT NULL,
    industry          VARCHAR(100) NOT NULL,
    roles             VARCHAR(200) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    status_reason     VARCHAR(2000),
    joined_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE identity_user (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    participant_id VARCHAR(36),
    username       VARCHAR(64)  NOT NULL UNIQUE,
    password_hash  VARCHAR(400) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    failed_logins  INT          NOT NULL,
    locked_at      TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_user_by_participant ON identity_user (participant_id);

CREATE TABLE identity_client (
    client_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    participant_id VARCHAR(36)  NOT NULL,
    public_key     VARCHAR(200) NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_client_by_participant ON identity_client (participant_id);

-- Refresh tokens are stored as their hash; each is used once.
CREATE TABLE identity_refresh_token (
    token_hash VARCHAR(128) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36)  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

-- Client assertions seen (RFC 7523 replay protection), kept until they expire.
CREATE TABLE identity_assertion (
    jti        VARCHAR(200) NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE identity_credential (
    id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    participant_id    VARCHAR(36)  NOT NULL,
    status_index      INT          NOT NULL UNIQUE,
    jwt               VARCHAR(8000) NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason VARCHAR(2000)
);
CREATE INDEX identity_credential_by_participant ON identity_credential (participant_id, issued_at);

CREATE TABLE identity_trusted_issuer (
    issuer_id  VARCHAR(300) NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    suite      VARCHAR(8)   NOT NULL,
    public_key VARCHAR(200) NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by   VARCHAR(36)  NOT NULL
);
