-- Catalog and listing (tds-catalog): zones, data resources, data products and their versions, the listing workflow.
-- Lists (keywords, fields, ids) are stored as JSON text; the catalog reads whole rows and the search index serves queries.

CREATE TABLE catalog_zone (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    code                 VARCHAR(40)   NOT NULL UNIQUE,
    name                 VARCHAR(200)  NOT NULL,
    description          VARCHAR(4000) NOT NULL,
    lead_participant_id  VARCHAR(36)   NOT NULL,
    listing_rule         VARCHAR(20000) NOT NULL,
    visibility           VARCHAR(20)   NOT NULL,
    viewer_rule          VARCHAR(20000) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE catalog_resource (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    provider_id       VARCHAR(36)    NOT NULL,
    version           INT            NOT NULL,
    title             VARCHAR(200)   NOT NULL,
    description       VARCHAR(4000)  NOT NULL,
    fields            VARCHAR(100000) NOT NULL,
    source_kind       VARCHAR(30)    NOT NULL,
    connector_id      VARCHAR(64)    NOT NULL,
    source_id         VARCHAR(200)   NOT NULL,
    department        VARCHAR(200)   NOT NULL,
    update_frequency  VARCHAR(20)    NOT NULL,
    record_count      BIGINT,
    size_bytes        BIGINT,
    coverage_from     DATE,
    coverage_to       DATE,
    classification    VARCHAR(200),
    grade             VARCHAR(20),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalog_resource_source UNIQUE (connector_id, source_id)
);
CREATE INDEX catalog_resource_by_provider ON catalog_resource (provider_id);

CREATE TABLE catalog_product (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    provider_id        VARCHAR(36)  NOT NULL,
    latest_version     INT          NOT NULL,
    listed_version     INT,
    registration_code  VARCHAR(40)  UNIQUE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX catalog_product_by_provider ON catalog_product (provider_id);

CREATE TABLE catalog_product_version (
    product_id           VARCHAR(36)    NOT NULL REFERENCES catalog_product (id),
    version              INT            NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    name                 VARCHAR(200)   NOT NULL,
    description          VARCHAR(4000)  NOT NULL,
    industry             VARCHAR(100)   NOT NULL,
    keywords             VARCHAR(4000)  NOT NULL,
    product_type         VARCHAR(30)    NOT NULL,
    resource_ids         VARCHAR(4000)  NOT NULL,
    delivery_modes       VARCHAR(200)   NOT NULL,
    policy               VARCHAR(200000) NOT NULL,
    pricing_model        VARCHAR(20)    NOT NULL,
    price_amount         DECIMAL(18, 4) NOT NULL,
    currency             VARCHAR(3)     NOT NULL,
    subscription_period  VARCHAR(20),
    public_data          BOOLEAN        NOT NULL,
    zone_ids             VARCHAR(4000)  NOT NULL,
    status_reason        VARCHAR(2000),
    notice_ends_at       TIMESTAMP WITH TIME ZONE,
    embedding            BYTEA,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    listed_at            TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (product_id, version)
);
CREATE INDEX catalog_product_version_by_status ON catalog_product_version (status, notice_ends_at);

CREATE TABLE catalog_attachment (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    product_id  VARCHAR(36)  NOT NULL,
    version     INT          NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    digest      VARCHAR(128) NOT NULL,
    content     BYTEA        NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (product_id, version) REFERENCES catalog_product_version (product_id, version)
);
CREATE INDEX catalog_attachment_by_version ON catalog_attachment (product_id, version);

CREATE TABLE catalog_objection (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    product_id      VARCHAR(36)   NOT NULL,
    version         INT           NOT NULL,
    participant_id  VARCHAR(36)   NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution      VARCHAR(4000),
    resolved_by     VARCHAR(36),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (product_id, version) REFERENCES catalog_product_version (product_id, version)
);
CREATE INDEX catalog_objection_by_version ON catalog_objection (product_id, version);

-- one row per year: the next serial number of a registration code (登记编号)
CREATE TABLE catalog_registration_serial (
    registration_year  INT     NOT NULL PRIMARY KEY,
    next_serial        BIGINT  NOT NULL
);

-- counts every change to what is listed, so the search index can tell whether it is current
CREATE TABLE catalog_listing_revision (
    id        INT     NOT NULL PRIMARY KEY,
    revision  BIGINT  NOT NULL
);
INSERT INTO catalog_listing_revision (id, revision) VALUES (1, 0);
