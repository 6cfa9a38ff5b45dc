//! Parses the IANA *Service Name and Transport Protocol Port Number Registry*.
//!
//! Both published forms are read: the XML (with its `<people>` section, which resolves
//! assignees to names and organisations) and the CSV. The parsers are pure: they take a
//! reader, cap its size, refuse DTDs (so no entity expansion or external entities can
//! happen) and name the line of the first malformed record.

#![deny(missing_docs)]

mod csv_form;
mod error;
mod limits;
mod model;
mod party;
mod xml_form;

pub use csv_form::parse_csv;
pub use error::ParseError;
pub use limits::{
    MAX_ATTRIBUTES, MAX_EXPANDED_BYTES, MAX_ITEMS_PER_RECORD, MAX_NESTING, MAX_TEXT_BYTES,
    MAX_XML_NODES,
};
pub use model::{PortRange, Record, Reference, Registry, Status, Transport};
pub use party::{Party, Person};
pub use xml_form::parse_xml;

/// The largest registry accepted, in bytes. The real one is about 4 MB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Parses either form, deciding by the first non-blank byte after any byte-order mark
/// (`<` means XML).
pub fn parse_any(reader: impl std::io::Read) -> Result<Registry, ParseError> {
    let text = error::read_capped(reader)?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if body.trim_start().starts_with('<') {
        xml_form::parse_xml_str(&text)
    } else {
        csv_form::parse_csv_str(&text)
    }
}
