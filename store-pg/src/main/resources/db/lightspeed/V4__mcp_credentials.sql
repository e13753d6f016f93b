-- Sealed credentials of catalog MCP servers (header values, OAuth client secrets and tokens), one value per
-- server. Only SecretBox text is accepted, v<version>.<key id>.<base64 of nonce, ciphertext and tag>: opening
-- it needs LIGHTSPEED_SECRETS_MASTER_KEY, which the database never sees.
CREATE TABLE mcp_credentials (
  universe_id text COLLATE "C" NOT NULL REFERENCES universes,
  server_id   text COLLATE "C" NOT NULL,
  sealed      text NOT NULL CHECK (sealed ~ '^v[0-9]+\.[0-9a-f]+\.[A-Za-z0-9+/]+=*$'),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (universe_id, server_id)
);
