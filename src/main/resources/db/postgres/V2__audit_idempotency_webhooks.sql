-- Version 2: the audit log, idempotency keys, webhooks and their delivery log; the same tables as
-- db/sqlite/V2, times as ISO text for the same reason as in V1.

-- One row per thing a write did, written in the write's own transaction. seq orders a revision's rows.
CREATE TABLE audit_log (
    org_id        TEXT NOT NULL,
    revision      BIGINT NOT NULL,
    seq           INTEGER NOT NULL,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    subject_type  TEXT,
    subject_id    TEXT,
    role_before   TEXT,
    role_after    TEXT,
    PRIMARY KEY (org_id, revision, seq)
);

-- A request's key, its hash, and once answered the answer. status NULL: the first request is in flight.
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    idem_key     TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER,
    content_type TEXT,
    body         TEXT,
    location     TEXT,
    revision     BIGINT,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- position_*: the last audit entry delivered (or skipped); everything after it is pending.
-- lease_*: which node delivers, and until when, so that of several nodes one delivers in order.
CREATE TABLE webhooks (
    id                TEXT PRIMARY KEY,
    org_id            TEXT NOT NULL,
    url               TEXT NOT NULL,
    events            TEXT NOT NULL,
    secret            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    position_revision BIGINT NOT NULL,
    position_seq      INTEGER NOT NULL,
    lease_owner       TEXT,
    lease_until       TEXT
);
CREATE INDEX webhooks_by_org ON webhooks (org_id);

CREATE TABLE webhook_deliveries (
    webhook_id TEXT NOT NULL,
    id         BIGINT NOT NULL,
    revision   BIGINT NOT NULL,
    seq        INTEGER NOT NULL,
    action     TEXT NOT NULL,
    attempt    INTEGER NOT NULL,
    at         TEXT NOT NULL,
    status     INTEGER,
    error      TEXT,
    millis     BIGINT NOT NULL,
    PRIMARY KEY (webhook_id, id)
);
