//! The storage trait and the function that picks a back-end from a URL.

use std::path::Path;

use async_trait::async_trait;

use crate::{
    AggregatePage, AggregateQuery, FeedbackError, NewVote, PortFeedback, Recorded, SqlStore,
    StoreOptions, Totals,
};

/// Where votes live. Every method returns only after the database answered; `record`
/// returns only after the vote is committed, so a caller may acknowledge it.
#[async_trait]
pub trait FeedbackStore: Send + Sync + std::fmt::Debug {
    /// Stores one vote, collapsing it into the client's earlier vote on the same page
    /// the same UTC day. Returns once committed.
    async fn record(&self, vote: &NewVote) -> Result<Recorded, FeedbackError>;

    /// Ports ranked by unhelpful votes (most first, then by total votes, then by port),
    /// with counts per language.
    async fn aggregates(&self, query: &AggregateQuery) -> Result<Vec<PortFeedback>, FeedbackError>;

    /// One page of that ranking with the totals and the number of matching ports, read
    /// from counters kept with each vote. Concurrent readers share one read at a time;
    /// a result is reused until this process commits a vote or for a second.
    async fn page(&self, query: &AggregateQuery) -> Result<AggregatePage, FeedbackError>;

    /// Totals over every stored vote.
    async fn totals(&self) -> Result<Totals, FeedbackError>;

    /// `"sqlite"` or `"postgres"`.
    fn backend(&self) -> &'static str;

    /// Closes the connections; later calls fail.
    async fn close(&self);
}

/// The SQLite file used when no database URL is given.
pub const DEFAULT_SQLITE_FILE: &str = "feedback.sqlite3";

/// Opens (creating and migrating as needed) the store named by `url`, or the SQLite
/// file `feedback.sqlite3` in `data_dir` when there is none.
///
/// Accepted URLs: `postgres://…` / `postgresql://…`, and `sqlite:PATH` /
/// `sqlite://PATH`.
pub async fn open(url: Option<&str>, data_dir: &Path) -> Result<SqlStore, FeedbackError> {
    open_with(url, data_dir, &StoreOptions::default()).await
}

/// [`open`] with explicit options (where the day's vote key lives).
pub async fn open_with(
    url: Option<&str>,
    data_dir: &Path,
    opts: &StoreOptions,
) -> Result<SqlStore, FeedbackError> {
    match url {
        None => {
            std::fs::create_dir_all(data_dir).map_err(|source| FeedbackError::Io {
                path: data_dir.to_owned(),
                source,
            })?;
            SqlStore::open_sqlite_file(&data_dir.join(DEFAULT_SQLITE_FILE), opts).await
        }
        Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
            SqlStore::open_postgres(u, opts).await
        }
        Some(u) if u.starts_with("sqlite:") => SqlStore::open_sqlite_url(u, opts).await,
        Some(u) => Err(FeedbackError::UnsupportedUrl(redact(u))),
    }
}

/// The URL without its password, fit for an error message.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://…@{}", &url[..s], &url[at + 1..]),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_credentials() {
        assert_eq!(super::redact("mysql://u:pw@h/db"), "mysql://…@h/db");
        assert_eq!(super::redact("mysql://h/db"), "mysql://h/db");
    }
}
