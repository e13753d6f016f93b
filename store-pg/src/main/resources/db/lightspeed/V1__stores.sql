-- Lightspeed production stores (PostgreSQL 15 or later). Every universe-owned row carries universe_id,
-- and every key starts with it. Identifiers use the "C" collation so ordering is byte order, as in the
-- other backends (session ids sort like Java strings).

CREATE TABLE universes (
  universe_id   text COLLATE "C" PRIMARY KEY,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- The lifecycle projection of each session, updated in the append transaction under FOR UPDATE.
CREATE TABLE sessions (
  universe_id   text COLLATE "C" NOT NULL REFERENCES universes,
  session_id    text COLLATE "C" NOT NULL,
  lifecycle     text NOT NULL CHECK (lifecycle IN ('new', 'open', 'closed')),
  head          bigint NOT NULL DEFAULT 0 CHECK (head >= 0),
  closed_at_seq bigint NOT NULL DEFAULT 0 CHECK (closed_at_seq >= 0 AND closed_at_seq <= head),
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  display_name  text,
  PRIMARY KEY (universe_id, session_id)
);

CREATE INDEX sessions_by_update ON sessions (universe_id, lifecycle, updated_at_ms DESC, session_id);

-- The event log. entry is the entry as jsonb, for queries; entry_text is its canonical stored form, which
-- reads return: jsonb rewrites number literals (1e-7 becomes 0.0000001), and entries must read back exactly
-- as they were appended.
CREATE TABLE session_events (
  universe_id    text COLLATE "C" NOT NULL,
  session_id     text COLLATE "C" NOT NULL,
  entry          jsonb NOT NULL,
  entry_text     text NOT NULL,
  seq            bigint GENERATED ALWAYS AS ((entry ->> 'seq')::bigint) STORED,
  kind           text GENERATED ALWAYS AS (entry -> 'event' ->> 'kind') STORED,
  observed_at_ms bigint GENERATED ALWAYS AS ((entry ->> 'observedAtMs')::bigint) STORED,
  PRIMARY KEY (universe_id, session_id, seq),
  FOREIGN KEY (universe_id, session_id) REFERENCES sessions ON DELETE CASCADE
);

-- The content-addressed blob catalog: small blobs inline, large ones in the object store under object_key.
CREATE TABLE cas_blobs (
  universe_id  text COLLATE "C" NOT NULL REFERENCES universes,
  digest       text COLLATE "C" NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  size         bigint NOT NULL CHECK (size >= 0),
  inline_bytes bytea,
  object_key   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (universe_id, digest),
  CHECK ((inline_bytes IS NULL) <> (object_key IS NULL))
);

-- Snapshot summaries that workspaces point at (the manifests themselves are blobs).
CREATE TABLE vfs_snapshots (
  universe_id  text COLLATE "C" NOT NULL REFERENCES universes,
  digest       text COLLATE "C" NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  files        bigint NOT NULL CHECK (files >= 0),
  bytes        bigint NOT NULL CHECK (bytes >= 0),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (universe_id, digest)
);

-- The mutable workspace heads, moved by compare-and-swap on revision under a row lock.
CREATE TABLE vfs_workspaces (
  universe_id   text COLLATE "C" NOT NULL REFERENCES universes,
  workspace_id  text COLLATE "C" NOT NULL,
  head          text COLLATE "C" NOT NULL,
  base          text COLLATE "C" NOT NULL CHECK (base ~ '^[0-9a-f]{64}$'),
  revision      bigint NOT NULL CHECK (revision >= 1),
  display_name  text,
  created_at_ms bigint NOT NULL,
  updated_at_ms bigint NOT NULL,
  PRIMARY KEY (universe_id, workspace_id),
  FOREIGN KEY (universe_id, head) REFERENCES vfs_snapshots
);
