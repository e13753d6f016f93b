-- The universe's catalogs of agent profiles and MCP servers: one row per record, replaced whole under a row
-- lock with a compare-and-swap on revision. document is the record's canonical JSON text exactly as written
-- (not jsonb: jsonb rewrites number literals and refuses the escape \u0000, and a record must read back as it
-- was put).

CREATE TABLE profiles (
  universe_id   text COLLATE "C" NOT NULL REFERENCES universes,
  profile_id    text COLLATE "C" NOT NULL,
  document      text NOT NULL,
  revision      bigint NOT NULL CHECK (revision >= 1),
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  PRIMARY KEY (universe_id, profile_id)
);

-- Records may hold secrets (header values) in plain text, as the file store does: grant this table to the
-- server's role only.
CREATE TABLE mcp_servers (
  universe_id   text COLLATE "C" NOT NULL REFERENCES universes,
  server_id     text COLLATE "C" NOT NULL,
  document      text NOT NULL,
  revision      bigint NOT NULL CHECK (revision >= 1),
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  PRIMARY KEY (universe_id, server_id)
);
