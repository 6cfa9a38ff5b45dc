-- Counters kept in the same transaction as each vote, so reading the aggregates costs
-- the same at a million votes as at ten; and ballots that cannot be linked back to
-- an address. Shared by SQLite and PostgreSQL except the marked clause, which the
-- loader turns into `WITHOUT ROWID` on SQLite (rows then sit in token order, so the
-- file does not record the order in which ballots arrived).

-- Today's ballots, one per client and page: `token` is an HMAC of the day, the
-- client (IPv4 address or IPv6 /64), the port and the language under the day's key,
-- which is never stored in the database. Earlier days' ballots are deleted once a
-- new day begins; only the counters below remember them.
CREATE TABLE feedback_ballots (
    day     TEXT    NOT NULL,       -- 'YYYY-MM-DD', UTC
    token   TEXT    NOT NULL,       -- hex HMAC-SHA256
    choice  TEXT    NOT NULL CHECK (choice IN ('unhelpful', 'neutral', 'helpful')),
    repeats INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, token)
) /*WITHOUT ROWID*/;

-- Votes per page (port and language), repeats collapsed.
CREATE TABLE feedback_page_counts (
    port      INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
    lang      TEXT    NOT NULL CHECK (length(lang) BETWEEN 2 AND 35),
    unhelpful BIGINT  NOT NULL DEFAULT 0,
    neutral   BIGINT  NOT NULL DEFAULT 0,
    helpful   BIGINT  NOT NULL DEFAULT 0,
    repeats   BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (port, lang)
);

-- Votes per port, all languages; the ranking of the overview reads its index.
CREATE TABLE feedback_port_counts (
    port      INTEGER PRIMARY KEY CHECK (port BETWEEN 0 AND 65535),
    unhelpful BIGINT  NOT NULL DEFAULT 0,
    neutral   BIGINT  NOT NULL DEFAULT 0,
    helpful   BIGINT  NOT NULL DEFAULT 0,
    total     BIGINT  NOT NULL DEFAULT 0,
    repeats   BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX feedback_port_rank ON feedback_port_counts (unhelpful DESC, total DESC, port);

-- Votes per page and UTC day, for `since`.
CREATE TABLE feedback_daily_counts (
    day       TEXT    NOT NULL,
    port      INTEGER NOT NULL,
    lang      TEXT    NOT NULL,
    unhelpful BIGINT  NOT NULL DEFAULT 0,
    neutral   BIGINT  NOT NULL DEFAULT 0,
    helpful   BIGINT  NOT NULL DEFAULT 0,
    repeats   BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, port, lang)
);

-- Every vote stored so far moves into the counters, so nothing counted is lost.
INSERT INTO feedback_daily_counts (day, port, lang, unhelpful, neutral, helpful, repeats)
SELECT day, port, lang,
       SUM(CASE WHEN choice = 'unhelpful' THEN 1 ELSE 0 END),
       SUM(CASE WHEN choice = 'neutral' THEN 1 ELSE 0 END),
       SUM(CASE WHEN choice = 'helpful' THEN 1 ELSE 0 END),
       SUM(repeats)
FROM feedback_votes
GROUP BY day, port, lang;

INSERT INTO feedback_page_counts (port, lang, unhelpful, neutral, helpful, repeats)
SELECT port, lang, SUM(unhelpful), SUM(neutral), SUM(helpful), SUM(repeats)
FROM feedback_daily_counts
GROUP BY port, lang;

INSERT INTO feedback_port_counts (port, unhelpful, neutral, helpful, total, repeats)
SELECT port, SUM(unhelpful), SUM(neutral), SUM(helpful),
       SUM(unhelpful + neutral + helpful), SUM(repeats)
FROM feedback_page_counts
GROUP BY port;

-- The old rows' hashes could be tested against every address with the salt stored
-- beside them: both go. Today's earlier voters may vote once more today; nothing
-- already counted changes.
DROP TABLE feedback_votes;
DROP TABLE feedback_salts;
