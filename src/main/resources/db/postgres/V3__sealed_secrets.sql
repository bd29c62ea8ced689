-- Version 3: secrets at rest; the same change as db/sqlite/V3.
-- Webhook signing keys and the installation's secrets are sealed (AES-256-GCM, with a key that is not in
-- the database; see store.SecretBox). Rows from before hold them in clear: the flag says which form a row
-- holds, and the store seals the clear ones when it opens.
ALTER TABLE webhooks ADD COLUMN secret_sealed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE secrets ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;

-- A stored answer no longer keeps the secret it handed out (http.Idempotency withholds it): take the token
-- out of the answers stored before, so that no replay repeats it and the database no longer holds it.
UPDATE idempotency_keys
   SET body = ((body::jsonb - 'token') || '{"withheld":["token"]}'::jsonb)::text
 WHERE content_type LIKE 'application/json%'
   AND body LIKE '%"token"%'
   AND (body::jsonb -> 'token') IS NOT NULL;
