use std::io::Read;

use crate::MAX_INPUT_BYTES;

/// Why a registry could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// Reading the input failed.
    #[error("could not read the registry")]
    Io(#[source] std::io::Error),
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error("the registry is larger than {} MiB; refusing to read more", MAX_INPUT_BYTES / (1024 * 1024))]
    TooLarge,
    /// The input is empty.
    #[error("the registry is empty")]
    Empty,
    /// The input is not UTF-8.
    #[error("the registry is not valid UTF-8 (byte {0})")]
    NotUtf8(usize),
    /// The XML is not well formed, or uses a DTD (refused: entities are a denial-of-service vector).
    #[error("malformed XML: {0}")]
    Xml(String),
    /// The document is XML but not the IANA port registry (an HTML error page, say).
    #[error("not the IANA service name and port number registry: {0}")]
    NotRegistry(String),
    /// The CSV is not well formed or lacks a column.
    #[error("malformed CSV at line {line}: {message}")]
    Csv {
        /// 1-based line of the problem.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A record is well formed but its content is invalid.
    #[error("invalid record at line {line}: {message}")]
    Record {
        /// 1-based line where the record starts.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

pub(crate) fn read_capped(reader: impl Read) -> Result<String, ParseError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ParseError::Io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    String::from_utf8(bytes).map_err(|e| ParseError::NotUtf8(e.utf8_error().valid_up_to()))
}
