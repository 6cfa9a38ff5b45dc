//! Reader votes on portlore pages ("Was this page helpful?"), stored durably.
//!
//! One trait, [`FeedbackStore`], with one implementation, [`SqlStore`], that runs the
//! same SQL and the same embedded migrations on SQLite (the default: a file in the data
//! dir, WAL, `synchronous=FULL`) and on PostgreSQL (`postgres://…`, which several
//! `serve` processes may share).
//!
//! Privacy: a client address never reaches the database. For today only, the store
//! keeps one token per ballot: an HMAC of the day, the client's network (IPv4 address
//! or IPv6 /64) and the page, under a key drawn each UTC day that never enters the
//! database (see [`KeyStorage`]). Ballots of past days are deleted, their keys
//! forgotten; what remains is counts per page and day. Someone holding only the
//! database file learns those counts and, for today, how many ballots each page got
//! and how often they were repeated, never who cast them.
#![deny(missing_docs)]

mod client;
mod error;
mod key;
mod migrations;
mod model;
pub mod scratch;
mod sql;
mod store;

pub use client::{ClientNet, day_of};
pub use error::FeedbackError;
pub use key::KeyStorage;
pub use migrations::{Dialect, migrator};
pub use model::{
    AggregatePage, AggregateQuery, Choice, ChoiceCounts, Lang, LangFeedback, NewVote, PortFeedback,
    Recorded, Totals,
};
pub use sql::{Backend, SqlStore, StoreOptions};
pub use store::{DEFAULT_SQLITE_FILE, FeedbackStore, open, open_with};
