//! Reader votes on portlore pages ("Was this page helpful?"), stored durably.
//!
//! One trait, [`FeedbackStore`], with one implementation, [`SqlStore`], that runs the
//! same SQL and the same embedded migrations on SQLite (the default: a file in the data
//! dir, WAL, `synchronous=FULL`) and on PostgreSQL (`postgres://…`, which several
//! `serve` processes may share).
//!
//! Privacy: a client address never reaches the database. The store keeps only a
//! SHA-256 of the address under a salt that changes every UTC day; salts of past days
//! are deleted, so old hashes cannot be linked back to an address.
#![deny(missing_docs)]

mod client;
mod error;
mod migrations;
mod model;
pub mod scratch;
mod sql;
mod store;

pub use client::{client_hash, day_of};
pub use error::FeedbackError;
pub use migrations::migrator;
pub use model::{
    AggregateQuery, Choice, ChoiceCounts, Lang, LangFeedback, NewVote, PortFeedback, Recorded,
    Totals,
};
pub use sql::{Backend, SqlStore};
pub use store::{DEFAULT_SQLITE_FILE, FeedbackStore, open};
