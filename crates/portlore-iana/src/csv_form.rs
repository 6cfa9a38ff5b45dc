//! The CSV form. It has no `<people>` section, so parties are known by id only.

use std::io::Read;

use crate::error::{ParseError, read_capped};
use crate::limits::{self, Budget};
use crate::model::{PortRange, Record, Reference, Registry, Transport};
use crate::party::Party;

/// Parses the registry's CSV form (`service-names-port-numbers.csv`).
pub fn parse_csv(reader: impl Read) -> Result<Registry, ParseError> {
    parse_csv_str(&read_capped(reader)?)
}

struct Columns {
    name: usize,
    port: usize,
    transport: usize,
    description: usize,
    assignee: Option<usize>,
    contact: Option<usize>,
    registered: Option<usize>,
    modified: Option<usize>,
    reference: Option<usize>,
    service_code: Option<usize>,
    unauthorized: Option<usize>,
    notes: Option<usize>,
}

pub(crate) fn parse_csv_str(text: &str) -> Result<Registry, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = unterminated_quote(text) {
        return Err(ParseError::Csv {
            line,
            message: "a quoted field that starts here is never closed".into(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let find = |title: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(title))
    };
    let need = |title: &str| {
        find(title).ok_or_else(|| ParseError::Csv {
            line: 1,
            message: format!("missing column {title:?}; is this the IANA port registry CSV?"),
        })
    };
    let cols = Columns {
        name: need("Service Name")?,
        port: need("Port Number")?,
        transport: need("Transport Protocol")?,
        description: need("Description")?,
        assignee: find("Assignee"),
        contact: find("Contact"),
        registered: find("Registration Date"),
        modified: find("Modification Date"),
        reference: find("Reference"),
        service_code: find("Service Code"),
        unauthorized: find("Unauthorized Use Reported"),
        notes: find("Assignment Notes"),
    };
    let mut records = Vec::new();
    let mut budget = Budget::default();
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(&e, 0))?;
        let line = row.position().map_or(0, csv::Position::line);
        for field in row.iter() {
            limits::check_len("field", field.len())
                .map_err(|message| ParseError::Record { line, message })?;
        }
        let record = record(&row, &cols, line)?;
        budget.charge(&record)?;
        records.push(record);
    }
    Ok(Registry {
        updated: None,
        records,
        people: Default::default(),
    })
}

fn csv_error(e: &csv::Error, fallback_line: u64) -> ParseError {
    ParseError::Csv {
        line: e.position().map_or(fallback_line, csv::Position::line),
        message: e.to_string(),
    }
}

fn record(row: &csv::StringRecord, cols: &Columns, line: u64) -> Result<Record, ParseError> {
    let invalid = |message: String| ParseError::Record { line, message };
    let field = |i: usize| row.get(i).map(str::trim).unwrap_or("");
    let optional = |i: Option<usize>| i.map(field).filter(|s| !s.is_empty()).map(str::to_string);
    let ids = |i: Option<usize>| bracketed(&optional(i).unwrap_or_default());
    let transport = match field(cols.transport) {
        "" => None,
        t => Some(t.parse::<Transport>().map_err(invalid)?),
    };
    let ports = match field(cols.port) {
        "" => None,
        p => Some(
            p.parse::<PortRange>()
                .map_err(|e| invalid(format!("port number: {e}")))?,
        ),
    };
    let contact: Vec<Party> = ids(cols.contact)
        .iter()
        .map(|id| Party::from_id(id))
        .collect();
    let mut assignee: Vec<Party> = ids(cols.assignee)
        .iter()
        .map(|id| Party::from_id(id))
        .collect();
    if assignee.is_empty() {
        assignee = contact.clone();
    }
    Ok(Record {
        name: optional(Some(cols.name)),
        transport,
        ports,
        description: field(cols.description).to_string(),
        assignee,
        contact,
        registered: optional(cols.registered),
        modified: optional(cols.modified),
        references: ids(cols.reference).into_iter().map(reference).collect(),
        notes: optional(cols.notes).into_iter().collect(),
        unauthorized: optional(cols.unauthorized),
        service_code: optional(cols.service_code),
        line,
    })
}

/// Splits `[a][b]` into `a`, `b`; text outside brackets counts as one item.
fn bracketed(s: &str) -> Vec<String> {
    if !s.contains('[') {
        return if s.is_empty() {
            vec![]
        } else {
            vec![s.to_string()]
        };
    }
    s.split(['[', ']'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn reference(id: String) -> Reference {
    let lower = id.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Reference::Uri(id)
    } else if lower.starts_with("rfc-") || lower.starts_with("draft-") {
        Reference::Draft(id)
    } else if lower.starts_with("rfc") && lower[3..].chars().all(|c| c.is_ascii_digit()) {
        Reference::Rfc(id.to_ascii_uppercase())
    } else {
        Reference::Text(id)
    }
}

/// The line of a quoted field that never closes, if there is one. The csv crate reads
/// such a field to the end of the input without complaint, which would turn the rest
/// of a damaged file into one description. This follows its rules: a quote opens a
/// field only at the field's start, and inside one `""` is a literal quote.
fn unterminated_quote(text: &str) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_at = 0u64;
    let mut quoted = false;
    let mut at_field_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if b == b'\n' {
            line += 1;
        }
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match b {
            b'"' if at_field_start => {
                quoted = true;
                opened_at = line;
                at_field_start = false;
            }
            b',' | b'\n' | b'\r' => at_field_start = true,
            _ => at_field_start = false,
        }
    }
    quoted.then_some(opened_at)
}
