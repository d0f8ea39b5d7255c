-- The node's own identity: one row, written at first start.
CREATE TABLE node_identity (
    singleton    SMALLINT     NOT NULL PRIMARY KEY CHECK (singleton = 1),
    node_id      VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    crypto_suite VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Row leases: which replica may work on which item until when.
-- The fencing token grows with every change of tenure and is never reset (released leases keep their row).
CREATE TABLE lease (
    item          VARCHAR(200) NOT NULL PRIMARY KEY,
    holder        VARCHAR(200) NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    fencing_token BIGINT       NOT NULL
);
