-- One SQL text for SQLite and PostgreSQL: only types and syntax both accept.

-- The salt of each UTC day. Older salts are deleted once a new day starts, so a
-- stored client hash can no longer be linked to an address by trying them all.
CREATE TABLE feedback_salts (
    day  TEXT PRIMARY KEY,          -- 'YYYY-MM-DD', UTC
    salt TEXT NOT NULL              -- 32 random bytes, hex
);

-- One row per client, page and day: a repeat vote replaces the choice and
-- bumps `repeats` instead of adding a row.
CREATE TABLE feedback_votes (
    day      TEXT    NOT NULL,      -- 'YYYY-MM-DD', UTC
    client   TEXT    NOT NULL,      -- hex SHA-256 of the day's salt and the client address
    port     INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    lang     TEXT    NOT NULL CHECK (length(lang) BETWEEN 2 AND 35),
    choice   TEXT    NOT NULL CHECK (choice IN ('unhelpful', 'neutral', 'helpful')),
    voted_at BIGINT  NOT NULL,      -- Unix time in milliseconds of the latest vote
    repeats  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, client, port, lang)
);

CREATE INDEX feedback_votes_by_page ON feedback_votes (port, lang);
CREATE INDEX feedback_votes_by_time ON feedback_votes (voted_at);
