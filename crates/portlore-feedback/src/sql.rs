//! [`SqlStore`]: the same SQL and migrations on SQLite and PostgreSQL.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::client::{ClientNet, day_of};
use crate::key::{DailyKeys, KeyStorage, ballot_token};
use crate::migrations::Dialect;
use crate::{
    AggregatePage, AggregateQuery, Choice, ChoiceCounts, FeedbackError, FeedbackStore, Lang,
    LangFeedback, NewVote, PortFeedback, Recorded, Totals, migrator,
};

/// Which database a [`SqlStore`] talks to.
#[derive(Debug, Clone)]
pub enum Backend {
    /// A SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL database.
    Postgres(PgPool),
}

/// Runs the same expression against whichever pool the store holds. The body is
/// compiled once per driver, so each query text is shared by both back-ends.
macro_rules! on_pool {
    ($backend:expr, $pool:ident => $body:expr) => {
        match $backend {
            Backend::Sqlite($pool) => $body,
            Backend::Postgres($pool) => $body,
        }
    };
}

/// Applies one vote inside a transaction: the ballot, then the three counters, always
/// in this order so that concurrent votes never wait on each other in a cycle. A macro
/// rather than a function generic over the driver, whose bounds would drown the logic.
macro_rules! apply {
    ($tx:expr, $vote:expr, $day:expr, $token:expr) => {{
        let (tx, vote, day, token): (_, &NewVote, &str, &str) = ($tx, $vote, $day, $token);
        let choice = vote.choice;
        let mut d = Delta::default();
        let inserted = sqlx::query(BALLOT_NEW)
            .bind(day)
            .bind(token)
            .bind(choice.as_str())
            .execute(&mut **tx)
            .await?;
        let recorded = if inserted.rows_affected() == 1 {
            d.bump(choice, 1);
            Recorded::New
        } else {
            let old: String = sqlx::query_scalar(BALLOT_REPEAT)
                .bind(day)
                .bind(token)
                .fetch_one(&mut **tx)
                .await?;
            let old: Choice = old.parse()?;
            if old != choice {
                sqlx::query(BALLOT_CHOICE)
                    .bind(day)
                    .bind(token)
                    .bind(choice.as_str())
                    .execute(&mut **tx)
                    .await?;
                d.bump(old, -1);
                d.bump(choice, 1);
            }
            d.repeats = 1;
            Recorded::Collapsed
        };
        let port = i32::from(vote.port);
        let lang = vote.lang.as_str();
        sqlx::query(PAGE_ADD)
            .bind(port)
            .bind(lang)
            .bind(d.unhelpful)
            .bind(d.neutral)
            .bind(d.helpful)
            .bind(d.repeats)
            .execute(&mut **tx)
            .await?;
        sqlx::query(PORT_ADD)
            .bind(port)
            .bind(d.unhelpful)
            .bind(d.neutral)
            .bind(d.helpful)
            .bind(d.total())
            .bind(d.repeats)
            .execute(&mut **tx)
            .await?;
        sqlx::query(DAY_ADD)
            .bind(day)
            .bind(port)
            .bind(lang)
            .bind(d.unhelpful)
            .bind(d.neutral)
            .bind(d.helpful)
            .bind(d.repeats)
            .execute(&mut **tx)
            .await?;
        recorded
    }};
}

/// The feedback store over SQLite or PostgreSQL.
#[derive(Debug)]
pub struct SqlStore {
    backend: Backend,
    keys: DailyKeys,
    /// Aggregate reads go through here one at a time (so readers never hold more
    /// than one connection, whatever their number) and share fresh results.
    reads: tokio::sync::Mutex<ReadCache>,
    /// Bumped by each vote this process commits, so its own readers see it at once.
    generation: AtomicU64,
}

/// How long another process's votes may take to show in this one's aggregates.
const READ_TTL: Duration = Duration::from_secs(1);
/// Distinct aggregate queries remembered at once.
const READ_CACHE_ENTRIES: usize = 256;

#[derive(Debug, Default)]
struct ReadCache {
    entries: HashMap<ReadKey, (Instant, u64, AggregatePage)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ReadKey {
    port: Option<u16>,
    since: Option<String>,
    limit: Option<usize>,
    offset: usize,
}

/// How to open a store: where the day's vote key lives.
#[derive(Debug, Clone, Default)]
pub struct StoreOptions {
    /// The key's home; see [`KeyStorage`].
    pub keys: KeyStorage,
}

const BALLOT_NEW: &str = "\
INSERT INTO feedback_ballots (day, token, choice, repeats) VALUES ($1, $2, $3, 0)
ON CONFLICT (day, token) DO NOTHING";
// Taking the row lock before reading the old choice: a concurrent repeat of the same
// ballot waits here and then reads the choice this one leaves.
const BALLOT_REPEAT: &str = "\
UPDATE feedback_ballots SET repeats = repeats + 1 WHERE day = $1 AND token = $2 RETURNING choice";
const BALLOT_CHOICE: &str = "UPDATE feedback_ballots SET choice = $3 WHERE day = $1 AND token = $2";
const BALLOTS_FORGET: &str = "DELETE FROM feedback_ballots WHERE day < $1";

const PAGE_ADD: &str = "\
INSERT INTO feedback_page_counts (port, lang, unhelpful, neutral, helpful, repeats)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (port, lang) DO UPDATE SET
    unhelpful = feedback_page_counts.unhelpful + excluded.unhelpful,
    neutral = feedback_page_counts.neutral + excluded.neutral,
    helpful = feedback_page_counts.helpful + excluded.helpful,
    repeats = feedback_page_counts.repeats + excluded.repeats";
const PORT_ADD: &str = "\
INSERT INTO feedback_port_counts (port, unhelpful, neutral, helpful, total, repeats)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (port) DO UPDATE SET
    unhelpful = feedback_port_counts.unhelpful + excluded.unhelpful,
    neutral = feedback_port_counts.neutral + excluded.neutral,
    helpful = feedback_port_counts.helpful + excluded.helpful,
    total = feedback_port_counts.total + excluded.total,
    repeats = feedback_port_counts.repeats + excluded.repeats";
const DAY_ADD: &str = "\
INSERT INTO feedback_daily_counts (day, port, lang, unhelpful, neutral, helpful, repeats)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (day, port, lang) DO UPDATE SET
    unhelpful = feedback_daily_counts.unhelpful + excluded.unhelpful,
    neutral = feedback_daily_counts.neutral + excluded.neutral,
    helpful = feedback_daily_counts.helpful + excluded.helpful,
    repeats = feedback_daily_counts.repeats + excluded.repeats";

/// One page of the ranking straight from the ranking index, then the languages of
/// just those ports.
const RANKED: &str = "\
SELECT p.port, p.lang, p.unhelpful, p.neutral, p.helpful
FROM (SELECT port FROM feedback_port_counts
      ORDER BY unhelpful DESC, total DESC, port LIMIT $1 OFFSET $2) top
JOIN feedback_page_counts p ON p.port = top.port";
const ONE_PORT: &str = "\
SELECT port, lang, unhelpful, neutral, helpful FROM feedback_page_counts WHERE port = $1";
const SINCE: &str = "\
SELECT port, lang, CAST(SUM(unhelpful) AS BIGINT), CAST(SUM(neutral) AS BIGINT),
       CAST(SUM(helpful) AS BIGINT)
FROM feedback_daily_counts
WHERE day >= $1 AND port BETWEEN $2 AND $3
GROUP BY port, lang";
const TOTALS: &str = "\
SELECT CAST(COALESCE(SUM(unhelpful), 0) AS BIGINT), CAST(COALESCE(SUM(neutral), 0) AS BIGINT),
       CAST(COALESCE(SUM(helpful), 0) AS BIGINT), CAST(COALESCE(SUM(repeats), 0) AS BIGINT),
       COUNT(*)
FROM feedback_port_counts";

/// What one vote changes in the counters.
#[derive(Debug, Clone, Copy, Default)]
struct Delta {
    unhelpful: i64,
    neutral: i64,
    helpful: i64,
    repeats: i64,
}

impl Delta {
    fn bump(&mut self, c: Choice, by: i64) {
        match c {
            Choice::Unhelpful => self.unhelpful += by,
            Choice::Neutral => self.neutral += by,
            Choice::Helpful => self.helpful += by,
        }
    }

    fn total(&self) -> i64 {
        self.unhelpful + self.neutral + self.helpful
    }
}

impl SqlStore {
    /// Opens a SQLite file, creating it (mode 0600) if missing, in WAL mode with
    /// `synchronous=FULL` so that a committed vote survives a power cut.
    pub async fn open_sqlite_file(
        path: &Path,
        opts: &StoreOptions,
    ) -> Result<SqlStore, FeedbackError> {
        Self::open_sqlite(SqliteConnectOptions::new().filename(path), opts).await
    }

    /// Opens a `sqlite:` URL with the same settings as [`SqlStore::open_sqlite_file`].
    pub async fn open_sqlite_url(
        url: &str,
        opts: &StoreOptions,
    ) -> Result<SqlStore, FeedbackError> {
        Self::open_sqlite(SqliteConnectOptions::from_str(url)?, opts).await
    }

    async fn open_sqlite(
        options: SqliteConnectOptions,
        opts: &StoreOptions,
    ) -> Result<SqlStore, FeedbackError> {
        let file = options.get_filename().to_owned();
        if file.as_os_str() != ":memory:" {
            private_file(&file)?;
        }
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            // Deleted ballots and dropped tables are overwritten, not left in free pages.
            .pragma("secure_delete", "ON")
            .busy_timeout(Duration::from_secs(10));
        // SQLite has one writer at a time; a few connections let reads proceed
        // beside it without piling up writers that only wait on the lock.
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        let store = Self::migrated(Backend::Sqlite(pool), opts).await?;
        if let Backend::Sqlite(p) = &store.backend {
            // What the migration deleted must not linger in the write-ahead log.
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(p)
                .await?;
        }
        Ok(store)
    }

    /// Opens a PostgreSQL database. `synchronous_commit` is forced on, so a commit
    /// has reached the server's disk before it is reported.
    pub async fn open_postgres(url: &str, opts: &StoreOptions) -> Result<SqlStore, FeedbackError> {
        let options = PgConnectOptions::from_str(url)?
            .application_name("portlore")
            .options([("synchronous_commit", "on")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Self::migrated(Backend::Postgres(pool), opts).await
    }

    async fn migrated(backend: Backend, opts: &StoreOptions) -> Result<SqlStore, FeedbackError> {
        // The migrator takes a database lock (an advisory lock on PostgreSQL), so
        // several processes starting together migrate once.
        let dialect = match backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        };
        let m = migrator(dialect);
        on_pool!(&backend, pool => m.run(pool).await).map_err(FeedbackError::Migrate)?;
        Ok(SqlStore {
            backend,
            keys: DailyKeys::new(opts.keys.clone()),
            reads: tokio::sync::Mutex::new(ReadCache::default()),
            generation: AtomicU64::new(0),
        })
    }

    /// The underlying pool, for tests and tools that inspect the database.
    pub fn pool(&self) -> &Backend {
        &self.backend
    }

    /// Stores many votes in one transaction: for imports and for seeding
    /// benchmarks. Each is counted exactly as [`FeedbackStore::record`] counts it.
    pub async fn record_many(&self, votes: &[NewVote]) -> Result<Vec<Recorded>, FeedbackError> {
        let mut out = Vec::with_capacity(votes.len());
        on_pool!(&self.backend, pool => {
            let mut tx = pool.begin().await?;
            for v in votes {
                let (day, token) = self.ballot(v).await?;
                out.push(apply!(&mut tx, v, &day, &token));
            }
            tx.commit().await?;
        });
        self.generation.fetch_add(1, Ordering::Release);
        Ok(out)
    }

    /// The day and ballot token of a vote; the first vote of a day also forgets the
    /// ballots of earlier days (their counts stay).
    async fn ballot(&self, vote: &NewVote) -> Result<(String, String), FeedbackError> {
        let day = day_of(vote.at);
        let (key, new_day) = self.keys.for_day(&day)?;
        if new_day {
            on_pool!(&self.backend, pool => {
                sqlx::query(BALLOTS_FORGET).bind(&day).execute(pool).await?;
            });
        }
        let token = ballot_token(
            &key,
            &day,
            ClientNet::of(vote.client),
            vote.port,
            &vote.lang,
        );
        Ok((day, token))
    }

    async fn read_page(&self, q: &AggregateQuery) -> Result<AggregatePage, FeedbackError> {
        let totals = self.totals().await?;
        let limit = q.limit.unwrap_or(usize::MAX);
        let (rows, matching, presliced) = match (q.port, q.since) {
            (None, None) => {
                let lim = i64::try_from(limit).unwrap_or(i64::MAX);
                let off = i64::try_from(q.offset).unwrap_or(i64::MAX);
                let rows = on_pool!(&self.backend, pool => {
                    counts_rows(sqlx::query(RANKED).bind(lim).bind(off).fetch_all(pool).await?)?
                });
                (rows, totals.ports, true)
            }
            (Some(port), None) => {
                let rows = on_pool!(&self.backend, pool => {
                    counts_rows(sqlx::query(ONE_PORT).bind(i32::from(port)).fetch_all(pool).await?)?
                });
                let n = u64::from(!rows.is_empty());
                (rows, n, false)
            }
            (port, Some(since)) => {
                let (lo, hi) = port.map_or((0, 65535), |p| (i32::from(p), i32::from(p)));
                let day = day_of(since);
                let rows = on_pool!(&self.backend, pool => {
                    counts_rows(
                        sqlx::query(SINCE).bind(&day).bind(lo).bind(hi).fetch_all(pool).await?,
                    )?
                });
                let ports: std::collections::BTreeSet<i32> = rows.iter().map(|r| r.0).collect();
                (rows, ports.len() as u64, false)
            }
        };
        let mut ranked = rank(rows, None);
        if !presliced {
            ranked = ranked.into_iter().skip(q.offset).take(limit).collect();
        }
        Ok(AggregatePage {
            totals,
            matching,
            offset: q.offset as u64,
            ports: ranked,
        })
    }
}

/// Creates the database file readable by its owner only, or narrows an existing
/// one to that. SQLite gives its `-wal` and `-shm` files the database file's mode.
fn private_file(path: &Path) -> Result<(), FeedbackError> {
    use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
    let io = |source| FeedbackError::Io {
        path: path.to_owned(),
        source,
    };
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = std::path::PathBuf::from(p);
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
        }
    }
    Ok(())
}

fn counts_rows<R: Row>(rows: Vec<R>) -> Result<Vec<(i32, String, ChoiceCounts)>, sqlx::Error>
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> i32: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get::<i32, _>(0)?,
                r.try_get::<String, _>(1)?,
                ChoiceCounts {
                    unhelpful: count(r.try_get(2)?),
                    neutral: count(r.try_get(3)?),
                    helpful: count(r.try_get(4)?),
                },
            ))
        })
        .collect()
}

#[async_trait]
impl FeedbackStore for SqlStore {
    async fn record(&self, vote: &NewVote) -> Result<Recorded, FeedbackError> {
        let (day, token) = self.ballot(vote).await?;
        let recorded = on_pool!(&self.backend, pool => {
            let mut tx = pool.begin().await?;
            let r = apply!(&mut tx, vote, &day, &token);
            tx.commit().await?;
            r
        });
        self.generation.fetch_add(1, Ordering::Release);
        Ok(recorded)
    }

    async fn aggregates(&self, q: &AggregateQuery) -> Result<Vec<PortFeedback>, FeedbackError> {
        Ok(self.read_page(q).await?.ports)
    }

    async fn page(&self, q: &AggregateQuery) -> Result<AggregatePage, FeedbackError> {
        let key = ReadKey {
            port: q.port,
            since: q.since.map(day_of),
            limit: q.limit,
            offset: q.offset,
        };
        let mut cache = self.reads.lock().await;
        let generation = self.generation.load(Ordering::Acquire);
        if let Some((at, g, page)) = cache.entries.get(&key)
            && *g == generation
            && at.elapsed() < READ_TTL
        {
            return Ok(page.clone());
        }
        let page = self.read_page(q).await?;
        if cache.entries.len() >= READ_CACHE_ENTRIES {
            cache
                .entries
                .retain(|_, (at, g, _)| *g == generation && at.elapsed() < READ_TTL);
            if cache.entries.len() >= READ_CACHE_ENTRIES {
                cache.entries.clear();
            }
        }
        cache
            .entries
            .insert(key, (Instant::now(), generation, page.clone()));
        Ok(page)
    }

    async fn totals(&self) -> Result<Totals, FeedbackError> {
        on_pool!(&self.backend, pool => {
            let r = sqlx::query(TOTALS).fetch_one(pool).await?;
            Ok(Totals {
                counts: ChoiceCounts {
                    unhelpful: count(r.try_get(0)?),
                    neutral: count(r.try_get(1)?),
                    helpful: count(r.try_get(2)?),
                },
                collapsed: count(r.try_get(3)?),
                ports: count(r.try_get(4)?),
            })
        })
    }

    fn backend(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    async fn close(&self) {
        on_pool!(&self.backend, pool => pool.close().await)
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Groups (port, lang, counts) rows by port and ranks them, worst first.
fn rank(rows: Vec<(i32, String, ChoiceCounts)>, limit: Option<usize>) -> Vec<PortFeedback> {
    let mut by_port: BTreeMap<u16, PortFeedback> = BTreeMap::new();
    for (port, lang, counts) in rows {
        // The schema's CHECKs keep both valid; skip rather than fail if a row was
        // written by hand.
        let (Ok(port), Ok(lang)) = (u16::try_from(port), lang.parse::<Lang>()) else {
            continue;
        };
        let entry = by_port.entry(port).or_insert_with(|| PortFeedback {
            port,
            counts: ChoiceCounts::default(),
            languages: Vec::new(),
        });
        entry.counts.add(&counts);
        entry.languages.push(LangFeedback { lang, counts });
    }
    let mut ranked: Vec<PortFeedback> = by_port.into_values().collect();
    for p in &mut ranked {
        p.languages.sort_by(|a, b| a.lang.cmp(&b.lang));
    }
    ranked.sort_by(|a, b| {
        b.counts
            .unhelpful
            .cmp(&a.counts.unhelpful)
            .then(b.counts.total().cmp(&a.counts.total()))
            .then(a.port.cmp(&b.port))
    });
    if let Some(n) = limit {
        ranked.truncate(n);
    }
    ranked
}
