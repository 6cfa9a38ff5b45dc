//! One story, told against both back-ends: migrate from empty, vote, collapse
//! repeats, rotate the day's key, read aggregates a page at a time.

use std::net::IpAddr;

use portlore_feedback::{
    AggregateQuery, Choice, ChoiceCounts, FeedbackStore, KeyStorage, Lang, NewVote, Recorded,
    SqlStore, StoreOptions,
};
use time::OffsetDateTime;
use time::macros::datetime;

use crate::support::{all_vote_text, ballot_days, migrations_applied, postgres_or_skip};

const DAY1: OffsetDateTime = datetime!(2026-11-23 10:00 UTC);
const DAY1_LATER: OffsetDateTime = datetime!(2026-11-23 23:59 UTC);
const DAY2: OffsetDateTime = datetime!(2026-11-24 00:01 UTC);

fn vote(port: u16, lang: &str, choice: Choice, client: &str, at: OffsetDateTime) -> NewVote {
    NewVote {
        port,
        lang: lang.parse().unwrap(),
        choice,
        client: client.parse::<IpAddr>().unwrap(),
        at,
    }
}

fn counts(unhelpful: u64, neutral: u64, helpful: u64) -> ChoiceCounts {
    ChoiceCounts {
        unhelpful,
        neutral,
        helpful,
    }
}

async fn story(store: &SqlStore, reopen: impl AsyncFnOnce() -> SqlStore) {
    use Choice::*;
    use Recorded::*;
    let a = "192.0.2.10";
    let b = "2001:db8::b";
    let c = "198.51.100.3";

    // Migrations ran from an empty database.
    assert_eq!(migrations_applied(store).await, vec![1, 2]);
    assert!(
        store
            .aggregates(&AggregateQuery::default())
            .await
            .unwrap()
            .is_empty()
    );

    let steps = [
        (vote(3147, "fr", Unhelpful, a, DAY1), New),
        // Same client, same page, same day: collapsed, and the new choice wins.
        (vote(3147, "fr", Neutral, a, DAY1_LATER), Collapsed),
        // Another language is another page.
        (vote(3147, "en", Unhelpful, a, DAY1), New),
        (vote(3147, "fr", Unhelpful, b, DAY1), New),
        (vote(22, "en", Helpful, c, DAY1), New),
        (vote(22, "en", Helpful, c, DAY1), Collapsed),
        // One IPv6 /64 is one client.
        (
            vote(3147, "fr", Unhelpful, "2001:db8::b:2", DAY1),
            Collapsed,
        ),
        // A new day is a new vote, under a new key.
        (vote(3147, "fr", Unhelpful, a, DAY2), New),
        (vote(8080, "pt-BR", Neutral, c, DAY2), New),
    ];
    for (i, (v, want)) in steps.iter().enumerate() {
        assert_eq!(store.record(v).await.unwrap(), *want, "step {i}: {v:?}");
    }

    // Ranked by unhelpful votes, with per-language counts.
    let all = store.aggregates(&AggregateQuery::default()).await.unwrap();
    let ports: Vec<u16> = all.iter().map(|p| p.port).collect();
    assert_eq!(ports, vec![3147, 22, 8080], "{all:#?}");
    assert_eq!(all[0].counts, counts(3, 1, 0));
    let langs: Vec<(&str, ChoiceCounts)> = all[0]
        .languages
        .iter()
        .map(|l| (l.lang.as_str(), l.counts))
        .collect();
    assert_eq!(
        langs,
        vec![("en", counts(1, 0, 0)), ("fr", counts(2, 1, 0))]
    );
    assert_eq!(all[1].counts, counts(0, 0, 1));
    assert_eq!(all[2].languages[0].lang.as_str(), "pt-BR");

    let only_22 = AggregateQuery {
        port: Some(22),
        ..Default::default()
    };
    let got = store.aggregates(&only_22).await.unwrap();
    assert_eq!((got.len(), got[0].port), (1, 22));
    let top1 = AggregateQuery {
        limit: Some(1),
        ..Default::default()
    };
    assert_eq!(store.aggregates(&top1).await.unwrap()[0].port, 3147);
    let since_day2 = AggregateQuery {
        since: Some(DAY2),
        ..Default::default()
    };
    let recent = store.aggregates(&since_day2).await.unwrap();
    assert_eq!(
        recent.iter().map(|p| p.port).collect::<Vec<_>>(),
        vec![3147, 8080]
    );

    let totals = store.totals().await.unwrap();
    assert_eq!(totals.counts, counts(3, 2, 1));
    assert_eq!((totals.collapsed, totals.ports), (3, 3));

    // Pages of the ranking, with what it takes to page on.
    let page = |limit, offset| AggregateQuery {
        limit: Some(limit),
        offset,
        ..Default::default()
    };
    let second = store.page(&page(1, 1)).await.unwrap();
    assert_eq!((second.matching, second.offset), (3, 1));
    assert_eq!(
        second.ports.iter().map(|p| p.port).collect::<Vec<_>>(),
        vec![22]
    );
    assert_eq!(second.totals, totals);
    assert!(store.page(&page(5, 3)).await.unwrap().ports.is_empty());
    let two = store.page(&page(2, 0)).await.unwrap();
    assert_eq!(two.ports, all[..2].to_vec());
    let recent_page = store
        .page(&AggregateQuery {
            since: Some(DAY2),
            limit: Some(1),
            offset: 1,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((recent_page.matching, recent_page.ports[0].port), (2, 8080));

    // Never a raw address; only today's ballots survive, and the key is not there.
    for cell in all_vote_text(store).await {
        for ip in [a, b, c, "2001:db8"] {
            assert!(!cell.contains(ip), "stored {cell:?} contains {ip}");
        }
    }
    assert_eq!(ballot_days(store).await, vec!["2026-11-24".to_string(); 2]);

    // Reopening migrates nothing again and keeps every vote; the key is shared
    // through the key directory, so a repeat still collapses across processes.
    let again = reopen().await;
    assert_eq!(migrations_applied(&again).await, vec![1, 2]);
    assert_eq!(again.totals().await.unwrap(), totals);
    assert_eq!(
        again
            .record(&vote(3147, "fr", Helpful, a, DAY2))
            .await
            .unwrap(),
        Collapsed
    );
    again.close().await;
}

fn shared_keys(dir: &std::path::Path) -> StoreOptions {
    StoreOptions {
        keys: KeyStorage::Dir(dir.join("keys")),
    }
}

#[tokio::test]
async fn keys_in_memory_do_not_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let one = portlore_feedback::open(None, dir.path()).await.unwrap();
    let v = vote(80, "en", Choice::Helpful, "192.0.2.1", DAY1);
    assert_eq!(one.record(&v).await.unwrap(), Recorded::New);
    assert_eq!(one.record(&v).await.unwrap(), Recorded::Collapsed);
    one.close().await;
    // A new process draws a new key: yesterday's process's ballots cannot be matched.
    let two = portlore_feedback::open(None, dir.path()).await.unwrap();
    assert_eq!(two.record(&v).await.unwrap(), Recorded::New);
    assert_eq!(two.totals().await.unwrap().counts.helpful, 2);
    two.close().await;
}

#[tokio::test]
async fn story_on_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data dir with spaces");
    let opts = shared_keys(dir.path());
    let store = portlore_feedback::open_with(None, &data, &opts)
        .await
        .unwrap();
    assert_eq!(store.backend(), "sqlite");
    let file = data.join(portlore_feedback::DEFAULT_SQLITE_FILE);
    story(&store, async || {
        portlore_feedback::open_with(None, &data, &opts)
            .await
            .unwrap()
    })
    .await;
    if let portlore_feedback::Backend::Sqlite(p) = store.pool() {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(p)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(p)
            .await
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
    }
    store.close().await;
    assert!(file.exists());
}

#[tokio::test]
async fn story_on_postgres() {
    let Some(db) = postgres_or_skip("story_on_postgres").await else {
        return;
    };
    let url = db.url().to_owned();
    let keys = tempfile::tempdir().unwrap();
    let opts = shared_keys(keys.path());
    let nowhere = std::path::Path::new("/nonexistent");
    let store = portlore_feedback::open_with(Some(&url), nowhere, &opts)
        .await
        .unwrap();
    assert_eq!(store.backend(), "postgres");
    story(&store, async || {
        portlore_feedback::open_with(Some(&url), nowhere, &opts)
            .await
            .unwrap()
    })
    .await;
    store.close().await;
    db.drop_database().await;
}

#[tokio::test]
async fn unknown_url_scheme_is_refused_without_leaking_the_password() {
    let err = portlore_feedback::open(Some("mysql://u:secret@h/db"), std::path::Path::new("."))
        .await
        .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("unsupported") && !msg.contains("secret"),
        "{msg}"
    );
}

#[test]
fn bad_votes_are_refused_before_the_database() {
    for bad in [
        "",
        "f",
        "FR",
        "fr-",
        "fr--x",
        "fr_FR",
        "<script>",
        "abcd",
        &"a".repeat(40),
    ] {
        assert!(bad.parse::<Lang>().is_err(), "{bad:?} accepted");
    }
    for good in ["fr", "en", "pt-BR", "zh-Hant-TW", "ast"] {
        assert!(good.parse::<Lang>().is_ok(), "{good:?} refused");
    }
    assert!("Helpful".parse::<Choice>().is_err());
    assert_eq!("helpful".parse::<Choice>().unwrap(), Choice::Helpful);
}
