-- The admin token made on first start is a sign-in link: it works once, to get a token of one's own (POST
-- /v1/sign-in), and not after a day. Other tokens never expire until revoked.
ALTER TABLE tokens ADD COLUMN sign_in_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tokens ADD COLUMN expires_at TEXT;
