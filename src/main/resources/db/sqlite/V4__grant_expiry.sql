-- Version 4: expiring grants.
-- A grant may name the instant it stops counting (ISO-8601 text, as every other time here); NULL for a
-- grant that never expires, which every grant stored before is. Answers never wait for the row to go:
-- the engine leaves an expired grant out at its instant, and the sweep deletes the row afterwards.
ALTER TABLE grants ADD COLUMN expires_at TEXT;
