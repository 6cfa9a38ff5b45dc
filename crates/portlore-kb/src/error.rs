//! Typed errors of the knowledge library.

use std::path::PathBuf;

/// Why a compiled store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file does not start with the store signature.
    #[error("not a portlore store")]
    NotAStore,
    /// The file was written by another version of portlore.
    #[error("store format {0} is not supported by this portlore; run `portlore update` again")]
    Format(u32),
    /// The file ends early.
    #[error("the store is truncated; run `portlore update` again")]
    Truncated,
    /// The file is damaged.
    #[error("the store is corrupt ({0}); run `portlore update` again")]
    Corrupt(&'static str),
}

/// Why the knowledge could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A registry or store file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A registry file (XML or CSV) is invalid.
    #[error("{path} is not a usable IANA registry")]
    Registry {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: portlore_iana::ParseError,
    },
    /// A compiled store is invalid.
    #[error("{path} is not a usable portlore store")]
    Store {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: StoreError,
    },
}
