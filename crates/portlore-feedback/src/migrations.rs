//! Migrations embedded in the binary, one text for every back-end apart from marked
//! SQLite-only clauses.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AssertSqlSafe, SqlSafeStr as _};

/// The SQL dialect a migration is prepared for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// (version, description, SQL). Append only; never edit a released migration, since
/// its checksum is recorded in every database it ran on.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "votes", include_str!("../migrations/0001_votes.sql")),
    (
        2,
        "counters",
        include_str!("../migrations/0002_counters.sql"),
    ),
];

/// `/*WITHOUT ROWID*/` in a migration becomes the clause on SQLite and stays a
/// comment elsewhere.
fn for_dialect(sql: &str, dialect: Dialect) -> String {
    match dialect {
        Dialect::Sqlite => sql.replace("/*WITHOUT ROWID*/", "WITHOUT ROWID"),
        Dialect::Postgres => sql.to_owned(),
    }
}

/// The migrator holding every embedded migration, in order.
pub fn migrator(dialect: Dialect) -> Migrator {
    Migrator::with_migrations(
        MIGRATIONS
            .iter()
            .map(|&(version, description, sql)| {
                Migration::new(
                    version,
                    Cow::Borrowed(description),
                    MigrationType::Simple,
                    AssertSqlSafe(for_dialect(sql, dialect)).into_sql_str(),
                    false,
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_migrations_keep_their_text() {
        // Version 1 ran on existing databases: its checksum must not change.
        assert_eq!(
            for_dialect(MIGRATIONS[0].2, Dialect::Sqlite),
            for_dialect(MIGRATIONS[0].2, Dialect::Postgres)
        );
        assert!(for_dialect(MIGRATIONS[1].2, Dialect::Sqlite).contains(") WITHOUT ROWID;"));
        assert!(!for_dialect(MIGRATIONS[1].2, Dialect::Postgres).contains(") WITHOUT ROWID"));
    }
}
