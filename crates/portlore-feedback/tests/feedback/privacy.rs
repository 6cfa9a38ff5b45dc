//! What the database file alone gives away: an attacker who copies
//! `feedback.sqlite3` (with its `-wal` and `-shm` files) and tries every IPv4 address
//! of a voter's /24 against every secret-looking string in it recovers no one. The
//! same attack with the day's key (which lives elsewhere) recovers every voter: the
//! test proves the attack works, and that only the key's absence stops it.

use std::collections::HashSet;
use std::net::IpAddr;
use std::os::unix::fs::PermissionsExt as _;

use hmac::{Hmac, KeyInit as _, Mac as _};
use portlore_feedback::{Choice, FeedbackStore, KeyStorage, NewVote, StoreOptions, day_of};
use sha2::{Digest as _, Sha256};
use time::macros::datetime;

const AT: time::OffsetDateTime = datetime!(2026-11-24 12:00 UTC);
const PAGES: [(u16, &str); 4] = [(22, "en"), (80, "fr"), (3147, "en"), (3147, "ja")];

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The ballot token as the store computes it, rebuilt from its documented recipe.
fn token(key: &[u8], day: &str, ip: [u8; 4], port: u16, lang: &str) -> String {
    let mut m = Hmac::<Sha256>::new_from_slice(key).unwrap();
    m.update(b"portlore ballot v2\0");
    m.update(day.as_bytes());
    m.update(&[0, 4]);
    m.update(&ip);
    m.update(&port.to_be_bytes());
    m.update(lang.as_bytes());
    hex(&m.finalize().into_bytes())
}

/// The release-1 scheme: SHA-256 of a salt, a NUL and the address text.
fn salted(salt: &str, ip: [u8; 4]) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update([0u8]);
    h.update(IpAddr::from(ip).to_string().as_bytes());
    hex(&h.finalize())
}

/// Every run of 64 hex digits in `bytes`: where a stored salt or key would show.
fn hex_runs(bytes: &[u8]) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut start = 0;
    for i in 0..=bytes.len() {
        let hexy = i < bytes.len() && bytes[i].is_ascii_hexdigit();
        if !hexy {
            let run = &bytes[start..i];
            for w in run.windows(64) {
                out.insert(String::from_utf8_lossy(w).to_ascii_lowercase());
            }
            start = i + 1;
        }
    }
    out
}

/// Tries every address of 192.0.2.0/24 on every page against every candidate
/// secret; returns the addresses found.
fn brute_force(candidates: &HashSet<String>, ballots: &HashSet<String>, day: &str) -> HashSet<u8> {
    let mut found = HashSet::new();
    for c in candidates {
        let key = unhex(c).unwrap_or_default();
        for last in 0..=255u8 {
            let ip = [192, 0, 2, last];
            if ballots.contains(&salted(c, ip)) {
                found.insert(last);
            }
            for (port, lang) in PAGES {
                if ballots.contains(&token(&key, day, ip, port, lang)) {
                    found.insert(last);
                }
            }
        }
    }
    found
}

#[tokio::test]
async fn voter_addresses_cannot_be_recovered_from_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let keys = dir.path().join("keys");
    let opts = StoreOptions {
        keys: KeyStorage::Dir(keys.clone()),
    };
    let store = portlore_feedback::open_with(None, &data, &opts)
        .await
        .unwrap();
    let voters: Vec<u8> = (1..=60).map(|i| i * 4).collect();
    for (i, last) in voters.iter().enumerate() {
        let (port, lang) = PAGES[i % PAGES.len()];
        let vote = NewVote {
            port,
            lang: lang.parse().unwrap(),
            choice: Choice::ALL[i % 3],
            client: IpAddr::from([192, 0, 2, *last]),
            at: AT,
        };
        store.record(&vote).await.unwrap();
    }
    // Read the ballots as the attacker will, then stop as a crash would: no
    // checkpoint, so the write-ahead log holds recent pages too.
    let ballots: HashSet<String> = match store.pool() {
        portlore_feedback::Backend::Sqlite(p) => {
            sqlx::query_scalar::<_, String>("SELECT token FROM feedback_ballots")
                .fetch_all(p)
                .await
                .unwrap()
        }
        portlore_feedback::Backend::Postgres(_) => unreachable!(),
    }
    .into_iter()
    .collect();
    assert_eq!(ballots.len(), voters.len());

    let db = data.join(portlore_feedback::DEFAULT_SQLITE_FILE);
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", db.display()));
        if let Ok(meta) = std::fs::metadata(&p) {
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{}", p.display());
            bytes.extend(std::fs::read(&p).unwrap());
        }
    }
    store.close().await;
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("192.0.2."), "an address is in the file");

    let day = day_of(AT);
    let key_hex = std::fs::read_to_string(keys.join(format!("vote-key-{day}"))).unwrap();
    let key = unhex(key_hex.trim()).unwrap();
    assert!(!text.contains(key_hex.trim()), "the key is in the database");
    assert!(!bytes.windows(key.len()).any(|w| w == key.as_slice()));

    let candidates = hex_runs(&bytes);
    assert!(
        candidates.len() >= ballots.len(),
        "the tokens are candidates too"
    );
    let found = brute_force(&candidates, &ballots, &day);
    assert!(
        found.is_empty(),
        "recovered {} voters from the file alone",
        found.len()
    );

    // With the key, which never enters the database, the same search finds them all.
    let with_key = brute_force(&HashSet::from([hex(&key)]), &ballots, &day);
    assert_eq!(with_key, voters.iter().copied().collect::<HashSet<u8>>());
}
