-- Version 9: no index that no query reads.
-- The store is read whole at start-up and written by primary key: the in-memory index answers every question
-- by user, team, space or organization. These indexes answered none, and every write kept them up to date
-- (on an import of a million records, a second of the rows' four). The unique constraints stay: they refuse
-- what must never be stored twice. The idempotency keys' and the webhooks' indexes stay too: their queries use them.
DROP INDEX IF EXISTS members_by_user;
DROP INDEX IF EXISTS teams_by_org;
DROP INDEX IF EXISTS team_members_by_user;
DROP INDEX IF EXISTS collections_by_parent;
DROP INDEX IF EXISTS spaces_by_org;
DROP INDEX IF EXISTS spaces_by_parent;
DROP INDEX IF EXISTS site_spaces_by_space;
DROP INDEX IF EXISTS pages_by_space;
DROP INDEX IF EXISTS grants_by_subject;
DROP INDEX IF EXISTS scim_tokens_by_org;
DROP INDEX IF EXISTS link_invites_by_org;
DROP INDEX IF EXISTS share_links_by_site;
