//! The entry point: registry store plus curated facts, answering lookups.
//!
//! Every read of the registry returns `Result<_, IntegrityError>`: a damaged store is
//! an error naming the file and the repair, never an empty answer that reads like "not
//! assigned".

use std::path::{Path, PathBuf};

use crate::error::{IntegrityError, KbError, StoreError};
use crate::model::{Assignment, RegistryMeta, Transport};
use crate::store::{self, CompileError, Section, Store};

/// Everything portlore knows, loaded once per process.
#[derive(Debug)]
pub struct Knowledge {
    store: Option<Store>,
    path: Option<PathBuf>,
}

impl Knowledge {
    /// Knowledge with no registry: range classes, check commands and curated facts only.
    pub fn without_registry() -> Knowledge {
        Knowledge {
            store: None,
            path: None,
        }
    }

    /// Opens a compiled store, or an IANA XML or CSV file (compiled on the fly).
    pub fn open(path: &Path) -> Result<Knowledge, KbError> {
        let read_err = |source| KbError::Read {
            path: path.to_path_buf(),
            source,
        };
        let mut file = std::fs::File::open(path).map_err(read_err)?;
        let mut head = [0u8; 8];
        let n = std::io::Read::read(&mut file, &mut head).map_err(read_err)?;
        let store = if n == 8 && &head == store::MAGIC {
            Store::open(file).map_err(|cause| IntegrityError::new(Some(path), cause))?
        } else {
            let registry = portlore_iana::parse_any(std::fs::File::open(path).map_err(read_err)?)
                .map_err(|source| KbError::Registry {
                path: path.to_path_buf(),
                source,
            })?;
            let bytes = store::compile(&registry).map_err(|source| KbError::Compile {
                path: path.to_path_buf(),
                source,
            })?;
            Store::from_bytes(bytes).map_err(|cause| IntegrityError::new(Some(path), cause))?
        };
        Ok(Knowledge {
            store: Some(store),
            path: Some(path.to_path_buf()),
        })
    }

    /// Knowledge over a registry already parsed.
    pub fn from_registry(registry: &portlore_iana::Registry) -> Result<Knowledge, CompileError> {
        let bytes = store::compile(registry)?;
        let store = Store::from_bytes(bytes).expect("a fresh compile opens");
        Ok(Knowledge {
            store: Some(store),
            path: None,
        })
    }

    /// Opens store bytes (as written by [`store::compile`]), checking them.
    pub fn from_store_bytes(bytes: Vec<u8>) -> Result<Knowledge, IntegrityError> {
        Ok(Knowledge {
            store: Some(
                Store::from_bytes(bytes).map_err(|cause| IntegrityError::new(None, cause))?,
            ),
            path: None,
        })
    }

    /// Knowledge over a store compiled into the binary, read in place.
    pub fn from_static_store(bytes: &'static [u8]) -> Result<Knowledge, IntegrityError> {
        Ok(Knowledge {
            store: Some(
                Store::from_static(bytes).map_err(|cause| IntegrityError::new(None, cause))?,
            ),
            path: None,
        })
    }

    /// The registry's date and size, when one is loaded.
    pub fn registry_meta(&self) -> Option<RegistryMeta> {
        let store = self.store.as_ref()?;
        Some(RegistryMeta {
            updated: store.meta().updated.clone(),
            records: store.record_count() as u32,
            path: self.path.as_ref().map(|p| p.display().to_string()),
        })
    }

    pub(crate) fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// The error for damage found in the store, naming its file.
    pub(crate) fn damaged(&self, cause: StoreError) -> IntegrityError {
        IntegrityError::new(self.path.as_deref(), cause)
    }

    /// Every registry record covering `port`, any transport, in registry order.
    pub fn assignments(&self, port: u16) -> Result<Vec<Assignment>, IntegrityError> {
        let Some(store) = &self.store else {
            return Ok(Vec::new());
        };
        let read = || -> Result<Vec<Assignment>, StoreError> {
            store
                .ids_on_port(port)?
                .into_iter()
                .map(|id| store.record(id))
                .collect()
        };
        read().map_err(|e| self.damaged(e))
    }

    /// The IANA service name assigned to a port and transport, if any.
    pub fn service_name(
        &self,
        port: u16,
        transport: Transport,
    ) -> Result<Option<String>, IntegrityError> {
        Ok(self
            .assignments(port)?
            .into_iter()
            .filter(|a| a.transport.is_none_or(|t| t == transport))
            .find_map(|a| a.service))
    }

    /// Every record with this service name (case-insensitive), in registry order.
    pub fn by_service(&self, name: &str) -> Result<Vec<Assignment>, IntegrityError> {
        let Some(store) = &self.store else {
            return Ok(Vec::new());
        };
        let read = || -> Result<Vec<Assignment>, StoreError> {
            let map = store.fst_map(Section::NameFst)?;
            let Some(packed) = map.get(name.to_ascii_lowercase()) else {
                return Ok(Vec::new());
            };
            store
                .postings(Section::NamePostings, packed)?
                .into_iter()
                .map(|id| store.record(id))
                .collect()
        };
        read().map_err(|e| self.damaged(e))
    }

    /// Service names starting with `prefix`, for siblings (`jt400` → `jt400-ssl`).
    pub fn service_names_with_prefix(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<String>, IntegrityError> {
        let Some(store) = &self.store else {
            return Ok(Vec::new());
        };
        let map = store
            .fst_map(Section::NameFst)
            .map_err(|e| self.damaged(e))?;
        use fst::{IntoStreamer, Streamer};
        let mut upper = prefix.as_bytes().to_vec();
        upper.push(0xff);
        let mut stream = map.range().ge(prefix).lt(upper).into_stream();
        let mut out = Vec::new();
        while let Some((key, _)) = stream.next() {
            if out.len() >= limit {
                break;
            }
            out.push(String::from_utf8_lossy(key).into_owned());
        }
        Ok(out)
    }

    /// Every record, in registry order (for `update`'s change report and exports).
    pub fn all_assignments(&self) -> Result<Vec<Assignment>, IntegrityError> {
        let Some(store) = &self.store else {
            return Ok(Vec::new());
        };
        (0..store.record_count() as u32)
            .map(|id| store.record(id).map_err(|e| self.damaged(e)))
            .collect()
    }

    /// Registry records whose registration or modification date is `since` or later,
    /// newest first.
    pub fn changed_since(&self, since: &str) -> Result<Vec<Assignment>, IntegrityError> {
        let mut changed: Vec<Assignment> = self
            .all_assignments()?
            .into_iter()
            .filter(|a| last_date(a).is_some_and(|d| d >= since))
            .collect();
        changed.sort_by(|a, b| last_date(b).cmp(&last_date(a)));
        Ok(changed)
    }
}

/// The later of a record's registration and modification dates.
pub fn last_date(a: &Assignment) -> Option<&str> {
    a.modified.as_deref().max(a.registered.as_deref())
}
