//! Typed errors of the knowledge library.

use std::fmt;
use std::path::{Path, PathBuf};

/// What is wrong with a compiled store's bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The file does not start with the store signature.
    #[error("not a portlore store")]
    NotAStore,
    /// The file was written by another version of portlore.
    #[error("store format {0} is not supported by this portlore")]
    Format(u32),
    /// The file ends early.
    #[error("the store is truncated")]
    Truncated,
    /// The file is damaged.
    #[error("the store is corrupt: {0}")]
    Corrupt(&'static str),
}

/// A store that cannot be trusted to answer: every read of the registry either returns
/// the right answer or this error, never "no record". It names the file and the repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityError {
    path: Option<PathBuf>,
    cause: StoreError,
}

impl IntegrityError {
    pub(crate) fn new(path: Option<&Path>, cause: StoreError) -> IntegrityError {
        IntegrityError {
            path: path.map(Path::to_path_buf),
            cause,
        }
    }

    /// The store file, when the store was read from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What is wrong with it.
    pub fn cause(&self) -> &StoreError {
        &self.cause
    }
}

impl fmt::Display for IntegrityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "the registry store {} is unusable", path.display())?,
            None => f.write_str("the registry store in memory is unusable")?,
        }
        write!(
            f,
            " ({}); run `portlore update --force` to replace it",
            self.cause
        )
    }
}

impl std::error::Error for IntegrityError {}

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
    /// A compiled store is damaged, truncated or of another format.
    #[error(transparent)]
    Store(#[from] IntegrityError),
    /// A registry file parses but cannot be compiled into a store (too large).
    #[error("{path} cannot be compiled into a store")]
    Compile {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: crate::store::CompileError,
    },
}
