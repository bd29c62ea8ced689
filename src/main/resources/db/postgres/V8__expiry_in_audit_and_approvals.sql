-- Version 8: the expiry of a grant, said where the grant is spoken of.
-- The audit log names the instant a grant stops counting (the grant's expiry after the change, the one it had
-- for a removal); an approved access request names the expiry of the grant it gave. NULL: no expiry, which
-- every row written before is.
ALTER TABLE audit_log ADD COLUMN expires_at TEXT;
ALTER TABLE access_requests ADD COLUMN expires_at TEXT;
