//! Bounds on what a registry file may make the parser build, so that a small hostile
//! file cannot take gigabytes or minutes. Each is far above anything the real registry
//! needs (figures from the 2026 XML in parentheses), and crossing one is an error that
//! names the line, never a silent truncation.

use crate::error::ParseError;
use crate::model::Record;

/// Longest text of one field: a description, a note, a name (longest note: 1,532).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

/// Deepest nesting of markup inside a record's field (deepest: 1).
pub const MAX_NESTING: usize = 32;

/// Most attributes on one element (most: 3). roxmltree checks each new attribute
/// against all earlier ones, so this also keeps that check fast.
pub const MAX_ATTRIBUTES: usize = 64;

/// Most notes, references and parties on one record, together (most: well under 20).
pub const MAX_ITEMS_PER_RECORD: usize = 256;

/// Most text all records may hold together, after people and footnotes are resolved
/// (the real registry: about 2 MB). References to a long name or footnote repeated
/// thousands of times would otherwise multiply a small file many times over.
pub const MAX_EXPANDED_BYTES: usize = 64 * 1024 * 1024;

/// Most XML nodes (the real registry: about 250,000).
pub const MAX_XML_NODES: u32 = 2_000_000;

/// Running total of the text the records hold, checked record by record.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    used: usize,
}

impl Budget {
    /// Checks one finished record's fields and item counts, and charges its text.
    pub(crate) fn charge(&mut self, record: &Record) -> Result<(), ParseError> {
        let invalid = |message: String| ParseError::Record {
            line: record.line,
            message,
        };
        let items = record.notes.len()
            + record.references.len()
            + record.assignee.len()
            + record.contact.len();
        if items > MAX_ITEMS_PER_RECORD {
            return Err(invalid(format!(
                "{items} notes, references and people; at most {MAX_ITEMS_PER_RECORD} are accepted"
            )));
        }
        let fields = [
            ("name", record.name.as_deref()),
            ("description", Some(record.description.as_str())),
            ("unauthorized use", record.unauthorized.as_deref()),
            ("service code", record.service_code.as_deref()),
        ];
        let notes = record.notes.iter().map(|n| ("note", Some(n.as_str())));
        let mut total = 0usize;
        for (what, text) in fields.into_iter().chain(notes) {
            let len = text.map_or(0, str::len);
            check_len(what, len).map_err(invalid)?;
            total += len;
        }
        for r in &record.references {
            let (crate::Reference::Rfc(t)
            | crate::Reference::Draft(t)
            | crate::Reference::Uri(t)
            | crate::Reference::Text(t)) = r;
            check_len("reference", t.len()).map_err(invalid)?;
            total += t.len();
        }
        for p in record.assignee.iter().chain(&record.contact) {
            total += p.name.as_ref().map_or(0, String::len);
            total += p.organization.as_ref().map_or(0, String::len);
        }
        self.used = self.used.saturating_add(total);
        if self.used > MAX_EXPANDED_BYTES {
            return Err(invalid(format!(
                "the records up to here hold more than {} MiB of text once people and notes are resolved",
                MAX_EXPANDED_BYTES / (1024 * 1024)
            )));
        }
        Ok(())
    }
}

/// The error for a field longer than [`MAX_TEXT_BYTES`].
pub(crate) fn check_len(what: &str, len: usize) -> Result<(), String> {
    if len > MAX_TEXT_BYTES {
        Err(format!(
            "the {what} is {len} bytes long; at most {MAX_TEXT_BYTES} are accepted"
        ))
    } else {
        Ok(())
    }
}
