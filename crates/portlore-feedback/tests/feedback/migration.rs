//! Upgrading a database written by release 1 (votes with salted hashes and the day's
//! salt beside them): every vote stays counted, the salt and the hashes are gone, and
//! voting goes on. On SQLite and on the real PostgreSQL.

use std::borrow::Cow;
use std::net::IpAddr;

use portlore_feedback::{
    AggregateQuery, Backend, Choice, ChoiceCounts, FeedbackStore, NewVote, Recorded, SqlStore,
};
use sha2::{Digest as _, Sha256};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use time::macros::datetime;

use crate::support::{migrations_applied, postgres_or_skip};

const V1: &str = include_str!("../../migrations/0001_votes.sql");
const SALT: &str = "5a17e1d0c0ffee5a17e1d0c0ffee5a17e1d0c0ffee5a17e1d0c0ffee5a17e1d0";

fn release1() -> Migrator {
    Migrator::with_migrations(vec![Migration::new(
        1,
        Cow::Borrowed("votes"),
        MigrationType::Simple,
        sqlx::SqlStr::from_static(V1),
        false,
    )])
}

fn old_hash(ip: &str) -> String {
    let mut h = Sha256::new();
    h.update(SALT.as_bytes());
    h.update([0u8]);
    h.update(ip.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// (day, client, port, lang, choice, repeats): 7 votes, 2 repeats, on 3 ports.
fn old_rows() -> Vec<(&'static str, String, i32, &'static str, &'static str, i32)> {
    vec![
        (
            "2026-11-23",
            old_hash("192.0.2.1"),
            3147,
            "fr",
            "unhelpful",
            1,
        ),
        (
            "2026-11-23",
            old_hash("192.0.2.1"),
            3147,
            "en",
            "unhelpful",
            0,
        ),
        (
            "2026-11-23",
            old_hash("192.0.2.2"),
            3147,
            "fr",
            "neutral",
            0,
        ),
        ("2026-11-23", old_hash("192.0.2.3"), 22, "en", "helpful", 1),
        (
            "2026-11-24",
            old_hash("192.0.2.1"),
            3147,
            "fr",
            "unhelpful",
            0,
        ),
        (
            "2026-11-24",
            old_hash("192.0.2.4"),
            8080,
            "pt-BR",
            "helpful",
            0,
        ),
        (
            "2026-11-24",
            old_hash("192.0.2.5"),
            22,
            "en",
            "unhelpful",
            0,
        ),
    ]
}

macro_rules! write_release1 {
    ($pool:expr) => {{
        let pool = $pool;
        release1().run(pool).await.unwrap();
        sqlx::query("INSERT INTO feedback_salts (day, salt) VALUES ('2026-11-24', $1)")
            .bind(SALT)
            .execute(pool)
            .await
            .unwrap();
        for (day, client, port, lang, choice, repeats) in old_rows() {
            sqlx::query(
                "INSERT INTO feedback_votes (day, client, port, lang, choice, voted_at, repeats) \
                 VALUES ($1, $2, $3, $4, $5, 0, $6)",
            )
            .bind(day)
            .bind(client)
            .bind(port)
            .bind(lang)
            .bind(choice)
            .bind(repeats)
            .execute(pool)
            .await
            .unwrap();
        }
    }};
}

async fn old_tables_left(store: &SqlStore) -> i64 {
    const Q: &str = "SELECT COUNT(*) FROM information_schema.tables \
                     WHERE table_name IN ('feedback_votes', 'feedback_salts')";
    const Q_LITE: &str = "SELECT COUNT(*) FROM sqlite_master \
                          WHERE name IN ('feedback_votes', 'feedback_salts')";
    match store.pool() {
        Backend::Sqlite(p) => sqlx::query_scalar(Q_LITE).fetch_one(p).await.unwrap(),
        Backend::Postgres(p) => sqlx::query_scalar(Q).fetch_one(p).await.unwrap(),
    }
}

async fn check_upgraded(store: &SqlStore) {
    assert_eq!(migrations_applied(store).await, vec![1, 2]);
    assert_eq!(old_tables_left(store).await, 0, "salts and hashes dropped");
    let t = store.totals().await.unwrap();
    let c = |unhelpful, neutral, helpful| ChoiceCounts {
        unhelpful,
        neutral,
        helpful,
    };
    assert_eq!(t.counts, c(4, 1, 2));
    assert_eq!((t.collapsed, t.ports), (2, 3));
    let all = store.aggregates(&AggregateQuery::default()).await.unwrap();
    assert_eq!(
        all.iter().map(|p| (p.port, p.counts)).collect::<Vec<_>>(),
        vec![(3147, c(3, 1, 0)), (22, c(1, 0, 1)), (8080, c(0, 0, 1))]
    );
    // `since` still works from the per-day counts carried over.
    let recent = store
        .aggregates(&AggregateQuery {
            since: Some(datetime!(2026-11-24 0:00 UTC)),
            ..Default::default()
        })
        .await
        .unwrap();
    // 22 and 3147 tie (one unhelpful vote each that day): the lower port first.
    assert_eq!(
        recent.iter().map(|p| p.port).collect::<Vec<_>>(),
        vec![22, 3147, 8080]
    );
    assert_eq!(recent[1].counts, c(1, 0, 0));
    // Voting goes on, on top of the migrated counts.
    let v = NewVote {
        port: 22,
        lang: "en".parse().unwrap(),
        choice: Choice::Helpful,
        client: "192.0.2.9".parse::<IpAddr>().unwrap(),
        at: datetime!(2026-11-24 13:00 UTC),
    };
    assert_eq!(store.record(&v).await.unwrap(), Recorded::New);
    let after = store.aggregates(&AggregateQuery::default()).await.unwrap();
    assert_eq!(after[1].counts, c(1, 0, 2));
}

#[tokio::test]
async fn release1_sqlite_upgrades_without_losing_votes_or_keeping_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feedback.sqlite3");
    {
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&file)
            .create_if_missing(true)
            .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
        let pool = sqlx::SqlitePool::connect_with(opts).await.unwrap();
        write_release1!(&pool);
        pool.close().await;
    }
    let store = SqlStore::open_sqlite_file(&file, &Default::default())
        .await
        .unwrap();
    check_upgraded(&store).await;
    store.close().await;
    // Nothing of the old salt or hashes survives on disk (secure_delete, and the
    // write-ahead log truncated after the migration).
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.extend(std::fs::read(format!("{}-wal", file.display())).unwrap_or_default());
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains(SALT), "the old salt is still in the file");
    for (_, client, ..) in old_rows() {
        assert!(!text.contains(&client), "an old hash is still in the file");
    }
}

#[tokio::test]
async fn release1_postgres_upgrades_without_losing_votes() {
    let Some(db) = postgres_or_skip("release-1 upgrade").await else {
        return;
    };
    {
        let pool = sqlx::PgPool::connect(db.url()).await.unwrap();
        write_release1!(&pool);
        pool.close().await;
    }
    let store = SqlStore::open_postgres(db.url(), &Default::default())
        .await
        .unwrap();
    check_upgraded(&store).await;
    store.close().await;
    db.drop_database().await;
}
