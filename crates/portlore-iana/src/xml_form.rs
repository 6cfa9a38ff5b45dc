//! The XML form, with its `<people>` section.

use std::collections::BTreeMap;
use std::io::Read;

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::{ParseError, read_capped};
use crate::limits::{
    self, Budget, MAX_ATTRIBUTES, MAX_ITEMS_PER_RECORD, MAX_NESTING, MAX_XML_NODES,
};
use crate::model::{PortRange, Record, Reference, Registry, Transport};
use crate::party::{Party, Person, org_domain};

/// Parses the registry's XML form.
///
/// DTDs are refused outright, which rules out entity expansion ("billion laughs") and
/// external entities; input beyond [`crate::MAX_INPUT_BYTES`] is refused unread.
pub fn parse_xml(reader: impl Read) -> Result<Registry, ParseError> {
    parse_xml_str(&read_capped(reader)?)
}

pub(crate) fn parse_xml_str(text: &str) -> Result<Registry, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_attribute_counts(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        if looks_like_html(text) {
            ParseError::NotRegistry("this looks like an HTML page, not the registry".into())
        } else {
            ParseError::Xml(e.to_string())
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "registry" {
        return Err(ParseError::NotRegistry(format!(
            "the root element is <{}>, not <registry>",
            root.tag_name().name()
        )));
    }
    if root.attribute("id") != Some("service-names-port-numbers") {
        return Err(ParseError::NotRegistry(format!(
            "the registry id is {:?}, not \"service-names-port-numbers\"",
            root.attribute("id").unwrap_or("")
        )));
    }
    let people = root
        .children()
        .filter(|n| n.has_tag_name("people"))
        .flat_map(|p| p.children().filter(|n| n.has_tag_name("person")))
        .map(|n| parse_person(text, &n))
        .map(|p| p.map(|p| (p.id.clone(), p)))
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    let footnotes = root
        .children()
        .filter(|n| n.has_tag_name("footnote"))
        .filter_map(|n| {
            let anchor = n.attribute("anchor")?.to_string();
            Some(
                flat_text(&n)
                    .map(|t| (anchor, t))
                    .map_err(|m| at(text, &n, m)),
            )
        })
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    let ctx = Context {
        text,
        lines: std::cell::Cell::new((0, 1)),
        people: &people,
        footnotes: &footnotes,
    };
    let mut budget = Budget::default();
    let records = root
        .children()
        .filter(|n| n.has_tag_name("record"))
        .map(|n| {
            let record = ctx.record(&n)?;
            budget.charge(&record)?;
            Ok(record)
        })
        .collect::<Result<Vec<_>, ParseError>>()?;
    Ok(Registry {
        updated: child_text(&root, "updated").map_err(|m| at(text, &root, m))?,
        records,
        people,
    })
}

fn looks_like_html(text: &str) -> bool {
    let head = text
        .get(..text.len().min(1024))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

struct Context<'a> {
    text: &'a str,
    /// (byte offset, line) of the last record seen: records come in source order, so
    /// counting on from there keeps line numbering linear rather than quadratic.
    lines: std::cell::Cell<(usize, u64)>,
    people: &'a BTreeMap<String, Person>,
    footnotes: &'a BTreeMap<String, String>,
}

impl Context<'_> {
    fn line(&self, node: &Node) -> u64 {
        let (mut from, mut line) = self.lines.get();
        let to = node.range().start;
        if to < from {
            (from, line) = (0, 1);
        }
        line += self.text.as_bytes()[from..to]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.lines.set((to, line));
        line
    }

    fn party(&self, id: &str) -> Party {
        self.people
            .get(id)
            .map(Person::party)
            .unwrap_or_else(|| Party::from_id(id))
    }

    fn record(&self, node: &Node) -> Result<Record, ParseError> {
        let line = self.line(node);
        let invalid = |message: String| ParseError::Record { line, message };
        let mut record = Record {
            name: None,
            transport: None,
            ports: None,
            description: String::new(),
            assignee: Vec::new(),
            contact: Vec::new(),
            registered: node.attribute("date").map(str::to_string),
            modified: node.attribute("updated").map(str::to_string),
            references: Vec::new(),
            notes: Vec::new(),
            unauthorized: None,
            service_code: None,
            line,
        };
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "name" => record.name = non_empty(flat_text(&child).map_err(invalid)?),
                "protocol" => {
                    let text = flat_text(&child).map_err(invalid)?;
                    if !text.is_empty() {
                        record.transport = Some(text.parse::<Transport>().map_err(invalid)?);
                    }
                }
                "number" => {
                    let range = flat_text(&child)
                        .map_err(invalid)?
                        .parse::<PortRange>()
                        .map_err(|e| invalid(format!("port number: {e}")))?;
                    record.ports = Some(range);
                }
                "description" => {
                    record.description =
                        rich_text(&child, &|n| self.inline(n), "description").map_err(invalid)?;
                }
                "assignee" => record.assignee.extend(self.people_in(&child)),
                "contact" => record.contact.extend(self.people_in(&child)),
                "note" => {
                    let note = rich_text(&child, &|n| self.inline(n), "note").map_err(invalid)?;
                    if let Some(note) = non_empty(note) {
                        record.notes.push(note);
                    }
                }
                "unauthorized" => {
                    record.unauthorized = non_empty(flat_text(&child).map_err(invalid)?);
                }
                "sc" => record.service_code = non_empty(flat_text(&child).map_err(invalid)?),
                "xref" => self.record_xref(&child, &mut record).map_err(invalid)?,
                _ => {}
            }
            // Checked as the record grows, so a record of a million references stops at
            // the first one too many rather than after all are resolved.
            let items = record.assignee.len()
                + record.contact.len()
                + record.references.len()
                + record.notes.len();
            if items > MAX_ITEMS_PER_RECORD {
                return Err(invalid(format!(
                    "more than {MAX_ITEMS_PER_RECORD} notes, references and people"
                )));
            }
        }
        if record.assignee.is_empty() {
            // Older records name one person outside <assignee>; the published CSV lists
            // that person as both assignee and contact, and so do we.
            record.assignee = record.contact.clone();
        }
        Ok(record)
    }

    fn record_xref(&self, xref: &Node, record: &mut Record) -> Result<(), String> {
        let data = xref.attribute("data").unwrap_or("").trim();
        match xref.attribute("type").unwrap_or("") {
            "person" if !data.is_empty() => record.contact.push(self.party(data)),
            "rfc" if !data.is_empty() => record
                .references
                .push(Reference::Rfc(data.to_ascii_uppercase())),
            "draft" if !data.is_empty() => {
                record.references.push(Reference::Draft(data.to_string()))
            }
            "uri" if !data.is_empty() => record.references.push(Reference::Uri(data.to_string())),
            "text" => {
                if let Some(text) =
                    non_empty(flat_text(xref)?).or_else(|| non_empty(data.to_string()))
                {
                    record.references.push(Reference::Text(text));
                }
            }
            "note" => {
                if let Some(text) = self.footnotes.get(data) {
                    record.notes.push(text.clone());
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn people_in(&self, node: &Node) -> Vec<Party> {
        node.descendants()
            .filter(|n| n.has_tag_name("xref") && n.attribute("type") == Some("person"))
            .filter_map(|n| n.attribute("data"))
            .take(MAX_ITEMS_PER_RECORD + 1)
            .map(|id| self.party(id))
            .collect()
    }

    /// Renders an inline element inside prose: people become names, RFCs `[RFC1234]`.
    fn inline(&self, node: &Node) -> Option<Result<String, String>> {
        if !node.has_tag_name("xref") {
            return None;
        }
        let data = node.attribute("data").unwrap_or("");
        Some(Ok(match node.attribute("type").unwrap_or("") {
            "person" => {
                let party = self.party(data);
                party.name.or(party.organization).unwrap_or_default()
            }
            "rfc" => format!("[{}]", data.to_ascii_uppercase()),
            _ => {
                let text = match flat_text(node) {
                    Ok(text) => text,
                    Err(e) => return Some(Err(e)),
                };
                if text.is_empty() {
                    data.to_string()
                } else {
                    text
                }
            }
        }))
    }
}

fn parse_person(text: &str, node: &Node) -> Result<Person, ParseError> {
    let field = |tag| child_text(node, tag).map_err(|m| at(text, node, format!("person: {m}")));
    Ok(Person {
        id: node.attribute("id").unwrap_or("").to_string(),
        name: field("name")?,
        org: field("org")?,
        domain: field("uri")?.and_then(|u| org_domain(&u)),
        updated: field("updated")?,
    })
}

/// An error at a node outside any record, with its line (counted once, on error).
fn at(text: &str, node: &Node, message: String) -> ParseError {
    let line = text.as_bytes()[..node.range().start]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1;
    ParseError::Record { line, message }
}

fn child_text(node: &Node, tag: &str) -> Result<Option<String>, String> {
    match node.children().find(|n| n.has_tag_name(tag)) {
        Some(n) => Ok(non_empty(flat_text(&n)?)),
        None => Ok(None),
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// All text below `node`, with white space folded; at most [`limits::MAX_TEXT_BYTES`].
fn flat_text(node: &Node) -> Result<String, String> {
    let mut raw = String::new();
    for text in node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
    {
        raw.push_str(text);
        limits::check_len("text", raw.len())?;
    }
    Ok(fold_spaces(&raw))
}

/// Prose with structure: `<br/>` and `<paragraph>` become line breaks, inline elements
/// are rendered by `inline`, and source line wrapping is folded away. Walked with an
/// explicit stack, so nesting cannot overflow the call stack; nesting deeper than
/// [`MAX_NESTING`] or text longer than [`limits::MAX_TEXT_BYTES`] is an error.
fn rich_text(
    node: &Node,
    inline: &dyn Fn(&Node) -> Option<Result<String, String>>,
    what: &str,
) -> Result<String, String> {
    /// What is left to do at one level: the next children, and whether a paragraph's
    /// closing line break is still owed.
    struct Level<'a, 'input> {
        children: roxmltree::Children<'a, 'input>,
        paragraph: bool,
    }
    let mut out = String::new();
    let mut stack = vec![Level {
        children: node.children(),
        paragraph: false,
    }];
    while let Some(level) = stack.last_mut() {
        let Some(child) = level.children.next() else {
            if level.paragraph {
                out.push('\n');
            }
            stack.pop();
            continue;
        };
        if child.is_text() {
            let text = child.text().unwrap_or("");
            out.extend(
                text.chars()
                    .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
            );
        } else if child.has_tag_name("br") {
            out.push('\n');
        } else if let Some(text) = (!child.has_tag_name("paragraph"))
            .then(|| inline(&child))
            .flatten()
        {
            out.push_str(&text?);
        } else {
            let paragraph = child.has_tag_name("paragraph");
            if paragraph {
                out.push('\n');
            }
            if stack.len() >= MAX_NESTING {
                return Err(format!(
                    "the {what} nests markup more than {MAX_NESTING} levels deep"
                ));
            }
            stack.push(Level {
                children: child.children(),
                paragraph,
            });
        }
        limits::check_len(what, out.len())?;
    }
    Ok(out
        .split('\n')
        .map(fold_spaces)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n"))
}

fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Refuses any element with more than [`MAX_ATTRIBUTES`] attributes before roxmltree
/// sees it, since roxmltree's duplicate check is quadratic in an element's attributes.
/// One pass over the text: attributes are counted as `=` signs outside quoted values
/// inside each tag; comments, CDATA and processing instructions are skipped.
fn check_attribute_counts(text: &str) -> Result<(), ParseError> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut line = 1u64;
    let skip_to = |from: usize, end: &[u8]| {
        b[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(b.len(), |p| from + p + end.len())
    };
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
                continue;
            }
            b'<' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        let rest = &b[i..];
        let end = if rest.starts_with(b"<!--") {
            skip_to(i + 4, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            skip_to(i + 9, b"]]>")
        } else if rest.starts_with(b"<?") {
            skip_to(i + 2, b"?>")
        } else if rest.starts_with(b"<!") {
            // A DTD, which roxmltree refuses.
            return Ok(());
        } else {
            let mut j = i + 1;
            let mut quote = None;
            let mut attributes = 0;
            while j < b.len() {
                match (quote, b[j]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\'')) => quote = Some(q),
                    (None, b'=') => attributes += 1,
                    (Some(q), c) if c == q => quote = None,
                    _ => {}
                }
                j += 1;
            }
            if attributes > MAX_ATTRIBUTES {
                return Err(ParseError::Xml(format!(
                    "the element at line {line} has {attributes} attributes; at most {MAX_ATTRIBUTES} are accepted"
                )));
            }
            j + 1
        };
        line += b[i..end.min(b.len())]
            .iter()
            .filter(|&&c| c == b'\n')
            .count() as u64;
        i = end;
    }
    Ok(())
}
