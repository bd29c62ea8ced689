-- Version 7: SCIM 2.0 provisioning.

-- A credential an identity provider provisions one organization with. Only a hash of the secret is kept:
-- the secret is shown once, when the token is created.
CREATE TABLE scim_tokens (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL,
    label       TEXT,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
CREATE INDEX scim_tokens_by_org ON scim_tokens (org_id);

-- What SCIM keeps of a member (kind USER, id a user id) or a team (kind GROUP, id a team id) beyond what
-- Gatehouse models itself: the identity provider's externalId, a user's display name as this organization's
-- provider gives it, a user's name as JSON, and when SCIM last changed it.
CREATE TABLE scim_records (
    org_id        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    id            TEXT NOT NULL,
    external_id   TEXT,
    display_name  TEXT,
    name          TEXT,
    last_modified TEXT NOT NULL,
    PRIMARY KEY (org_id, kind, id)
);
