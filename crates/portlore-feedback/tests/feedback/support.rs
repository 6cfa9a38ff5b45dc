//! Helpers shared by the topic modules.

use portlore_feedback::scratch::ScratchPostgres;
use portlore_feedback::{Backend, SqlStore};

/// A scratch PostgreSQL database, or `None` (after saying why) when no server
/// answers. In CI (`CI=true`) a missing server fails the test instead.
pub async fn postgres_or_skip(test: &str) -> Option<ScratchPostgres> {
    match ScratchPostgres::create().await {
        Ok(db) => Some(db),
        Err(reason) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{test}: CI must provide PostgreSQL: {reason}")
        }
        Err(reason) => {
            eprintln!("skipped: {test} on PostgreSQL: {reason}");
            None
        }
    }
}

/// Every text cell of the ballots and counters, to prove what is (not) stored.
pub async fn all_vote_text(store: &SqlStore) -> Vec<String> {
    let mut cells = Vec::new();
    for q in [
        "SELECT day, token, choice FROM feedback_ballots",
        "SELECT day, lang, CAST(port AS TEXT) FROM feedback_daily_counts",
        "SELECT lang, lang, CAST(port AS TEXT) FROM feedback_page_counts",
    ] {
        let rows: Vec<(String, String, String)> = match store.pool() {
            Backend::Sqlite(p) => sqlx::query_as(sqlx::AssertSqlSafe(q)).fetch_all(p).await,
            Backend::Postgres(p) => sqlx::query_as(sqlx::AssertSqlSafe(q)).fetch_all(p).await,
        }
        .unwrap();
        cells.extend(rows.into_iter().flat_map(|(a, b, c)| [a, b, c]));
    }
    cells
}

/// The day of every ballot still kept.
pub async fn ballot_days(store: &SqlStore) -> Vec<String> {
    const Q: &str = "SELECT day FROM feedback_ballots ORDER BY day";
    match store.pool() {
        Backend::Sqlite(p) => sqlx::query_scalar::<_, String>(Q).fetch_all(p).await,
        Backend::Postgres(p) => sqlx::query_scalar::<_, String>(Q).fetch_all(p).await,
    }
    .unwrap()
}

/// Applied migration versions.
pub async fn migrations_applied(store: &SqlStore) -> Vec<i64> {
    const Q: &str = "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version";
    match store.pool() {
        Backend::Sqlite(p) => sqlx::query_scalar::<_, i64>(Q).fetch_all(p).await,
        Backend::Postgres(p) => sqlx::query_scalar::<_, i64>(Q).fetch_all(p).await,
    }
    .unwrap()
}
