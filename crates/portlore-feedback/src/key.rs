//! The day's secret key, and the ballot token made with it.
//!
//! A ballot is stored under `HMAC-SHA256(key, day, client, port, lang)`. The key never
//! reaches the database: it lives in this process's memory, or (so that several
//! processes on one host collapse the same repeats) in a 0600 file per day in a 0700
//! directory outside the database. A new key is drawn for each UTC day and the old
//! one is dropped from memory and deleted from disk, so after the day ends no one,
//! not even the operator, can test an address against yesterday's ballots. The
//! database file alone never holds what is needed to test a guess.

use std::io::Write as _;
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use hmac::{Hmac, KeyInit as _, Mac as _};
use sha2::Sha256;

use crate::client::{ClientNet, hex};
use crate::{FeedbackError, Lang};

/// Where the day's key is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum KeyStorage {
    /// In this process's memory only: a restart draws a new key, so a repeat vote
    /// after a restart counts again, and separate processes do not collapse each
    /// other's repeats.
    #[default]
    Memory,
    /// In `vote-key-YYYY-MM-DD` files (0600) in this directory (0700), shared by
    /// every process that names the same directory. It must not be the database.
    Dir(PathBuf),
}

const KEY_LEN: usize = 32;
const FILE_PREFIX: &str = "vote-key-";

type Key = [u8; KEY_LEN];

/// The key of the current day, drawn or loaded on first use of each day.
#[derive(Debug)]
pub(crate) struct DailyKeys {
    storage: KeyStorage,
    current: Mutex<Option<(String, Key)>>,
}

impl DailyKeys {
    pub(crate) fn new(storage: KeyStorage) -> DailyKeys {
        DailyKeys {
            storage,
            current: Mutex::new(None),
        }
    }

    /// The key of `day`, and whether it was new to this process (a day boundary, or
    /// the first vote since start).
    pub(crate) fn for_day(&self, day: &str) -> Result<(Key, bool), FeedbackError> {
        let mut cur = self
            .current
            .lock()
            .map_err(|_| FeedbackError::Key("the key lock was poisoned".into()))?;
        if let Some((d, k)) = cur.as_ref()
            && d == day
        {
            return Ok((*k, false));
        }
        let key = match &self.storage {
            KeyStorage::Memory => random_key()?,
            KeyStorage::Dir(dir) => shared_key(dir, day)?,
        };
        // Replacing the value drops yesterday's key from memory.
        *cur = Some((day.to_owned(), key));
        Ok((key, true))
    }
}

/// The stored token of one client's ballot on one page on one day. Including the page
/// makes a client's ballots on different pages unlinkable to each other.
pub(crate) fn ballot_token(
    key: &Key,
    day: &str,
    client: ClientNet,
    port: u16,
    lang: &Lang,
) -> String {
    // `new_from_slice` accepts any key length for HMAC; 32 bytes never fails.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(b"portlore ballot v2\0");
    mac.update(day.as_bytes());
    mac.update(&[0]);
    mac.update(&client.bytes());
    mac.update(&port.to_be_bytes());
    mac.update(lang.as_str().as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn random_key() -> Result<Key, FeedbackError> {
    let mut k = [0u8; KEY_LEN];
    getrandom::fill(&mut k).map_err(|e| FeedbackError::Random(e.to_string()))?;
    Ok(k)
}

fn key_error(path: &Path, what: &str, e: impl std::fmt::Display) -> FeedbackError {
    FeedbackError::Key(format!("{what} {}: {e}", path.display()))
}

/// Loads the day's key from `dir`, or creates it there. Creation is atomic (written
/// to a private temporary file, then hard-linked into place, which fails if another
/// process got there first, in which case its key is used). Keys of other days are
/// deleted.
fn shared_key(dir: &Path, day: &str) -> Result<Key, FeedbackError> {
    std::fs::create_dir_all(dir).map_err(|e| key_error(dir, "cannot create", e))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| key_error(dir, "cannot restrict", e))?;
    let path = dir.join(format!("{FILE_PREFIX}{day}"));
    let key = match read_key(&path)? {
        Some(k) => k,
        None => {
            let fresh = random_key()?;
            let tmp = dir.join(format!(".{FILE_PREFIX}{day}.{}", std::process::id()));
            let _ = std::fs::remove_file(&tmp);
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)
                .map_err(|e| key_error(&tmp, "cannot create", e))?;
            f.write_all(hex(&fresh).as_bytes())
                .and_then(|()| f.sync_all())
                .map_err(|e| key_error(&tmp, "cannot write", e))?;
            let linked = std::fs::hard_link(&tmp, &path);
            let _ = std::fs::remove_file(&tmp);
            match linked {
                Ok(()) => fresh,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read_key(&path)?
                    .ok_or_else(|| key_error(&path, "vanished", "raced with another process"))?,
                Err(e) => return Err(key_error(&path, "cannot install", e)),
            }
        }
    };
    forget_other_days(dir, day);
    Ok(key)
}

fn read_key(path: &Path) -> Result<Option<Key>, FeedbackError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(key_error(path, "cannot read", e)),
    };
    let mode = std::fs::metadata(path)
        .map_err(|e| key_error(path, "cannot stat", e))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(key_error(
            path,
            "refusing",
            format!(
                "mode {:o} lets others read it; it must be 0600",
                mode & 0o777
            ),
        ));
    }
    let text = text.trim();
    let mut k = [0u8; KEY_LEN];
    let valid = text.len() == KEY_LEN * 2
        && k.iter_mut().enumerate().all(|(i, b)| {
            u8::from_str_radix(&text[2 * i..2 * i + 2], 16)
                .map(|v| *b = v)
                .is_ok()
        });
    if !valid {
        return Err(key_error(
            path,
            "corrupt key file",
            "expected 64 hex digits",
        ));
    }
    Ok(Some(k))
}

fn forget_other_days(dir: &Path, day: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if let Some(d) = name.strip_prefix(FILE_PREFIX)
            && d < day
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(s: &str) -> Lang {
        s.parse().unwrap()
    }

    #[test]
    fn tokens_differ_by_key_page_and_client() {
        let ip = |s: &str| ClientNet::of(s.parse().unwrap());
        let (k1, k2) = ([1u8; 32], [2u8; 32]);
        let day = "2026-11-24";
        let t = ballot_token(&k1, day, ip("192.0.2.7"), 80, &lang("en"));
        assert_eq!(t.len(), 64);
        assert_eq!(t, ballot_token(&k1, day, ip("192.0.2.7"), 80, &lang("en")));
        for other in [
            ballot_token(&k2, day, ip("192.0.2.7"), 80, &lang("en")),
            ballot_token(&k1, "2026-11-25", ip("192.0.2.7"), 80, &lang("en")),
            ballot_token(&k1, day, ip("192.0.2.8"), 80, &lang("en")),
            ballot_token(&k1, day, ip("192.0.2.7"), 81, &lang("en")),
            ballot_token(&k1, day, ip("192.0.2.7"), 80, &lang("fr")),
        ] {
            assert_ne!(t, other);
        }
        // One /64 is one client.
        assert_eq!(
            ballot_token(&k1, day, ip("2001:db8::1"), 80, &lang("en")),
            ballot_token(&k1, day, ip("2001:db8::ffff"), 80, &lang("en"))
        );
    }

    #[test]
    fn memory_keys_rotate_by_day() {
        let keys = DailyKeys::new(KeyStorage::Memory);
        let (a, new_a) = keys.for_day("2026-11-24").unwrap();
        let (a2, new_a2) = keys.for_day("2026-11-24").unwrap();
        let (b, new_b) = keys.for_day("2026-11-25").unwrap();
        assert_eq!((a, new_a, new_a2, new_b), (a2, true, false, true));
        assert_ne!(a, b);
    }

    #[test]
    fn shared_keys_are_private_files_and_old_days_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let keys_dir = dir.path().join("keys");
        let one = DailyKeys::new(KeyStorage::Dir(keys_dir.clone()));
        let two = DailyKeys::new(KeyStorage::Dir(keys_dir.clone()));
        let (a, _) = one.for_day("2026-11-24").unwrap();
        assert_eq!(two.for_day("2026-11-24").unwrap().0, a, "shared");
        let file = keys_dir.join("vote-key-2026-11-24");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&keys_dir), 0o700);
        let (b, _) = two.for_day("2026-11-25").unwrap();
        assert_ne!(a, b);
        assert!(!file.exists(), "yesterday's key is forgotten");
        std::fs::set_permissions(
            keys_dir.join("vote-key-2026-11-25"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        let three = DailyKeys::new(KeyStorage::Dir(keys_dir));
        assert!(three.for_day("2026-11-25").is_err(), "readable key refused");
    }
}
