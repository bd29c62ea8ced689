-- Version 5: invite links, the single sign-on flag of members, and the email domains whose users may join an
-- organization by themselves.

-- Space-separated, lower-case domains; empty: nobody joins by email domain.
ALTER TABLE organizations ADD COLUMN email_domains TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN sso BOOLEAN NOT NULL DEFAULT FALSE;

-- An invite link: to the organization (resource_type NULL, role NULL for a guest) or to a space or a
-- collection (role is the level given there). id is the link's secret; ref names it in the audit log.
CREATE TABLE link_invites (
    id            TEXT PRIMARY KEY,
    ref           TEXT NOT NULL UNIQUE,
    org_id        TEXT NOT NULL,
    resource_type TEXT,
    resource_id   TEXT,
    role          TEXT,
    expires_at    TEXT,
    max_uses      INTEGER,
    uses          BIGINT NOT NULL,
    active        BOOLEAN NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX link_invites_by_org ON link_invites (org_id);
