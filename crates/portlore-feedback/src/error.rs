//! Errors of the feedback store.

/// What can go wrong when storing or reading votes.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    /// The database URL names a scheme this build does not support.
    #[error("unsupported database URL scheme in {0:?}: use sqlite:… or postgres://…")]
    UnsupportedUrl(String),
    /// A vote failed validation before reaching the database.
    #[error("invalid vote: {0}")]
    InvalidVote(String),
    /// The database refused or failed a statement, or could not be reached.
    #[error("database error")]
    Database(#[source] sqlx::Error),
    /// Migrating the schema failed.
    #[error("database migration failed")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    /// Creating the data directory for the SQLite file failed.
    #[error("cannot create directory {path}")]
    Io {
        /// The directory.
        path: std::path::PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The operating system could not provide random bytes for the day's key.
    #[error("no randomness available for the day's vote key: {0}")]
    Random(String),
    /// The day's vote key could not be created, read or trusted.
    #[error("vote key: {0}")]
    Key(String),
}

impl From<sqlx::Error> for FeedbackError {
    fn from(e: sqlx::Error) -> Self {
        FeedbackError::Database(e)
    }
}

impl FeedbackError {
    /// True when the failure is about the database being unreachable or overloaded
    /// (worth a 503 and a retry), rather than a bug or bad input.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            FeedbackError::Database(
                sqlx::Error::Io(_)
                    | sqlx::Error::PoolTimedOut
                    | sqlx::Error::PoolClosed
                    | sqlx::Error::WorkerCrashed
                    | sqlx::Error::Tls(_)
            )
        )
    }
}
