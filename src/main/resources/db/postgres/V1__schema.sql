-- Gatehouse schema for PostgreSQL, version 1: the SQLite schema's tables, with PostgreSQL's own types
-- where they change something.
-- Times stay ISO-8601 text (java.time.Instant#toString), as in SQLite: the rows are written and read by
-- the SQL both stores share, which binds and parses times as that text, and text keeps an Instant exact to
-- the nanosecond where TIMESTAMPTZ would round it to the microsecond.
-- Roles, default levels and the absence of foreign keys: as in db/sqlite/V1__schema.sql.

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

-- The latest revision, in one row that every commit updates: its row lock orders the commits of all
-- nodes (see PostgresStore#commit).
CREATE TABLE head (
    one      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    revision BIGINT NOT NULL CHECK (revision >= 0)
);
INSERT INTO head (one, revision) VALUES (TRUE, 0);

CREATE TABLE changelog (
    revision     BIGINT PRIMARY KEY,
    committed_at TEXT NOT NULL,
    actor        TEXT NOT NULL,
    changes      TEXT NOT NULL
);

CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BYTEA NOT NULL
);
