//! Migrations embedded in the binary, the same text for every back-end.

use std::borrow::Cow;

use sqlx::SqlStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

/// (version, description, SQL). Append only; never edit a released migration, since
/// its checksum is recorded in every database it ran on.
const MIGRATIONS: &[(i64, &str, &str)] =
    &[(1, "votes", include_str!("../migrations/0001_votes.sql"))];

/// The migrator holding every embedded migration, in order.
pub fn migrator() -> Migrator {
    Migrator::with_migrations(
        MIGRATIONS
            .iter()
            .map(|&(version, description, sql)| {
                Migration::new(
                    version,
                    Cow::Borrowed(description),
                    MigrationType::Simple,
                    SqlStr::from_static(sql),
                    false,
                )
            })
            .collect(),
    )
}
