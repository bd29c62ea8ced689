-- Gatehouse schema, version 1.
-- Times are ISO-8601 text (java.time.Instant#toString): exact to the nanosecond, and ordered as text.
-- Roles are their wire names; NULL is "none" (a guest member, or a no-access grant).
-- Default levels are a role name, 'inherit', or NULL for "nobody by default".
-- There are no foreign keys: a write's changes arrive with their cascades spelled out (grants before
-- their team, memberships before their member), and grants point at four kinds of resource, which a
-- foreign key cannot express. The service checks references against the index before it writes.

CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    email        TEXT UNIQUE,
    photo_url    TEXT,
    invited      BOOLEAN NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE organizations (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    default_role TEXT,
    created_at   TEXT NOT NULL
);

CREATE TABLE members (
    org_id    TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    role      TEXT,
    disabled  BOOLEAN NOT NULL,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);

CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX teams_by_org ON teams (org_id);

CREATE TABLE team_members (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role    TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_by_user ON team_members (user_id);

CREATE TABLE collections (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL,
    parent_id     TEXT,
    title         TEXT NOT NULL,
    description   TEXT,
    default_level TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX collections_by_parent ON collections (parent_id);

CREATE TABLE spaces (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL,
    parent_id     TEXT,
    title         TEXT NOT NULL,
    emoji         TEXT,
    visibility    TEXT NOT NULL,
    default_level TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX spaces_by_org ON spaces (org_id, created_at, id);
CREATE INDEX spaces_by_parent ON spaces (parent_id);

CREATE TABLE sites (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL,
    title         TEXT NOT NULL,
    default_level TEXT,
    visibility    TEXT NOT NULL,
    published     BOOLEAN NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE site_spaces (
    id         TEXT PRIMARY KEY,
    site_id    TEXT NOT NULL,
    space_id   TEXT NOT NULL,
    path       TEXT NOT NULL,
    position   BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX site_spaces_by_space ON site_spaces (space_id);

CREATE TABLE pages (
    id            TEXT PRIMARY KEY,
    space_id      TEXT NOT NULL,
    parent_id     TEXT,
    title         TEXT NOT NULL,
    default_level TEXT,
    position      BIGINT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX pages_by_space ON pages (space_id);

CREATE TABLE grants (
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    subject_type  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    role          TEXT,
    PRIMARY KEY (resource_type, resource_id, subject_type, subject_id)
);
CREATE INDEX grants_by_subject ON grants (subject_type, subject_id);

CREATE TABLE tokens (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    label       TEXT,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE changelog (
    revision     BIGINT PRIMARY KEY,
    committed_at TEXT NOT NULL,
    actor        TEXT NOT NULL,
    changes      TEXT NOT NULL
);

CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
