//! [`SqlStore`]: the same SQL and migrations on SQLite and PostgreSQL.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::client::{client_hash, day_of, hex};
use crate::{
    AggregateQuery, ChoiceCounts, FeedbackError, FeedbackStore, Lang, LangFeedback, NewVote,
    PortFeedback, Recorded, Totals, migrator,
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

/// The feedback store over SQLite or PostgreSQL.
#[derive(Debug)]
pub struct SqlStore {
    backend: Backend,
    /// (day, salt) last read from the database, to skip a round trip per vote.
    salt: Mutex<Option<(String, String)>>,
}

const RECORD: &str = "\
INSERT INTO feedback_votes (day, client, port, lang, choice, voted_at, repeats)
VALUES ($1, $2, $3, $4, $5, $6, 0)
ON CONFLICT (day, client, port, lang) DO UPDATE
SET choice = excluded.choice, voted_at = excluded.voted_at, repeats = feedback_votes.repeats + 1
RETURNING repeats";

const AGGREGATES: &str = "\
SELECT port, lang,
       COUNT(CASE WHEN choice = 'unhelpful' THEN 1 END) AS unhelpful,
       COUNT(CASE WHEN choice = 'neutral' THEN 1 END) AS neutral,
       COUNT(CASE WHEN choice = 'helpful' THEN 1 END) AS helpful
FROM feedback_votes
WHERE port BETWEEN $1 AND $2 AND voted_at >= $3
GROUP BY port, lang";

const TOTALS: &str = "\
SELECT COUNT(CASE WHEN choice = 'unhelpful' THEN 1 END),
       COUNT(CASE WHEN choice = 'neutral' THEN 1 END),
       COUNT(CASE WHEN choice = 'helpful' THEN 1 END),
       COALESCE(SUM(repeats), 0),
       COUNT(DISTINCT port)
FROM feedback_votes";

const SALT_INSERT: &str =
    "INSERT INTO feedback_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING";
const SALT_SELECT: &str = "SELECT salt FROM feedback_salts WHERE day = $1";
const SALT_FORGET: &str = "DELETE FROM feedback_salts WHERE day < $1";

impl SqlStore {
    /// Opens a SQLite file, creating it if missing, in WAL mode with
    /// `synchronous=FULL` so that a committed vote survives a power cut.
    pub async fn open_sqlite_file(path: &Path) -> Result<SqlStore, FeedbackError> {
        Self::open_sqlite(SqliteConnectOptions::new().filename(path)).await
    }

    /// Opens a `sqlite:` URL with the same settings as [`SqlStore::open_sqlite_file`].
    pub async fn open_sqlite_url(url: &str) -> Result<SqlStore, FeedbackError> {
        Self::open_sqlite(SqliteConnectOptions::from_str(url)?).await
    }

    async fn open_sqlite(options: SqliteConnectOptions) -> Result<SqlStore, FeedbackError> {
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10));
        // SQLite has one writer at a time; a few connections let reads proceed
        // beside it without piling up writers that only wait on the lock.
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Self::migrated(Backend::Sqlite(pool)).await
    }

    /// Opens a PostgreSQL database. `synchronous_commit` is forced on, so a commit
    /// has reached the server's disk before it is reported.
    pub async fn open_postgres(url: &str) -> Result<SqlStore, FeedbackError> {
        let options = PgConnectOptions::from_str(url)?
            .application_name("portlore")
            .options([("synchronous_commit", "on")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Self::migrated(Backend::Postgres(pool)).await
    }

    async fn migrated(backend: Backend) -> Result<SqlStore, FeedbackError> {
        // The migrator takes a database lock (an advisory lock on PostgreSQL), so
        // several processes starting together migrate once.
        let m = migrator();
        on_pool!(&backend, pool => m.run(pool).await).map_err(FeedbackError::Migrate)?;
        Ok(SqlStore {
            backend,
            salt: Mutex::new(None),
        })
    }

    /// The underlying pool, for tests and tools that inspect the database.
    pub fn pool(&self) -> &Backend {
        &self.backend
    }

    /// The salt of `day`, shared by every process using this database: the first
    /// to need it creates it; salts of earlier days are deleted then.
    async fn salt_for(&self, day: &str) -> Result<String, FeedbackError> {
        if let Some((d, s)) = self.salt.lock().map(|g| g.clone()).unwrap_or(None)
            && d == day
        {
            return Ok(s);
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| FeedbackError::Random(e.to_string()))?;
        let fresh = hex(&bytes);
        let salt: String = on_pool!(&self.backend, pool => {
            sqlx::query(SALT_INSERT).bind(day).bind(&fresh).execute(pool).await?;
            let row = sqlx::query(SALT_SELECT).bind(day).fetch_one(pool).await?;
            sqlx::query(SALT_FORGET).bind(day).execute(pool).await?;
            row.try_get::<String, _>(0)?
        });
        if let Ok(mut g) = self.salt.lock() {
            *g = Some((day.to_owned(), salt.clone()));
        }
        Ok(salt)
    }
}

#[async_trait]
impl FeedbackStore for SqlStore {
    async fn record(&self, vote: &NewVote) -> Result<Recorded, FeedbackError> {
        let day = day_of(vote.at);
        let salt = self.salt_for(&day).await?;
        let client = client_hash(&salt, vote.client);
        let at_ms = i64::try_from(vote.at.unix_timestamp_nanos() / 1_000_000)
            .map_err(|_| FeedbackError::InvalidVote("time out of range".into()))?;
        let repeats: i32 = on_pool!(&self.backend, pool => {
            sqlx::query(RECORD)
                .bind(&day)
                .bind(&client)
                .bind(i32::from(vote.port))
                .bind(vote.lang.as_str())
                .bind(vote.choice.as_str())
                .bind(at_ms)
                .fetch_one(pool)
                .await?
                .try_get(0)?
        });
        Ok(if repeats == 0 {
            Recorded::New
        } else {
            Recorded::Collapsed
        })
    }

    async fn aggregates(&self, q: &AggregateQuery) -> Result<Vec<PortFeedback>, FeedbackError> {
        let (lo, hi) = q.port.map_or((0, 65535), |p| (i32::from(p), i32::from(p)));
        let since = q
            .since
            .map_or(i64::MIN, |t| (t.unix_timestamp_nanos() / 1_000_000) as i64);
        let rows: Vec<(i32, String, ChoiceCounts)> = on_pool!(&self.backend, pool => {
            let rows = sqlx::query(AGGREGATES)
                .bind(lo)
                .bind(hi)
                .bind(since)
                .fetch_all(pool)
                .await?;
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
                .collect::<Result<Vec<_>, sqlx::Error>>()?
        });
        Ok(rank(rows, q.limit))
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
