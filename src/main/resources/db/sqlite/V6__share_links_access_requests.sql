-- Version 6: site share links and access requests.

-- A private link to a site. Its key is derived from the id with an installation secret when it is shown
-- or checked (service.ShareLinkKeys), so no column holds it.
CREATE TABLE share_links (
    id         TEXT PRIMARY KEY,
    site_id    TEXT NOT NULL,
    name       TEXT NOT NULL,
    active     BOOLEAN NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX share_links_by_site ON share_links (site_id);

-- A member's request for a role on a resource: one per (resource, user), whatever its status.
CREATE TABLE access_requests (
    id            TEXT PRIMARY KEY,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    role          TEXT NOT NULL,
    message       TEXT,
    status        TEXT NOT NULL,
    decided_by    TEXT,
    reason        TEXT,
    created_at    TEXT NOT NULL,
    decided_at    TEXT,
    UNIQUE (resource_type, resource_id, user_id)
);
