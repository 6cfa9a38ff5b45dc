//! The XML form, with its `<people>` section.

use std::collections::BTreeMap;
use std::io::Read;

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::{ParseError, read_capped};
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
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 8_000_000,
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
        .map(|n| parse_person(&n))
        .map(|p| (p.id.clone(), p))
        .collect::<BTreeMap<_, _>>();
    let footnotes = root
        .children()
        .filter(|n| n.has_tag_name("footnote"))
        .filter_map(|n| Some((n.attribute("anchor")?.to_string(), flat_text(&n))))
        .collect::<BTreeMap<_, _>>();
    let ctx = Context {
        text,
        lines: std::cell::Cell::new((0, 1)),
        people: &people,
        footnotes: &footnotes,
    };
    let records = root
        .children()
        .filter(|n| n.has_tag_name("record"))
        .map(|n| ctx.record(&n))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Registry {
        updated: child_text(&root, "updated"),
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
                "name" => record.name = non_empty(flat_text(&child)),
                "protocol" => {
                    let text = flat_text(&child);
                    if !text.is_empty() {
                        record.transport = Some(text.parse::<Transport>().map_err(invalid)?);
                    }
                }
                "number" => {
                    let range = flat_text(&child)
                        .parse::<PortRange>()
                        .map_err(|e| invalid(format!("port number: {e}")))?;
                    record.ports = Some(range);
                }
                "description" => record.description = rich_text(&child, &|n| self.inline(n)),
                "assignee" => record.assignee.extend(self.people_in(&child)),
                "contact" => record.contact.extend(self.people_in(&child)),
                "note" => {
                    if let Some(note) = non_empty(rich_text(&child, &|n| self.inline(n))) {
                        record.notes.push(note);
                    }
                }
                "unauthorized" => record.unauthorized = non_empty(flat_text(&child)),
                "sc" => record.service_code = non_empty(flat_text(&child)),
                "xref" => self.record_xref(&child, &mut record),
                _ => {}
            }
        }
        if record.assignee.is_empty() {
            // Older records name one person outside <assignee>; the published CSV lists
            // that person as both assignee and contact, and so do we.
            record.assignee = record.contact.clone();
        }
        Ok(record)
    }

    fn record_xref(&self, xref: &Node, record: &mut Record) {
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
                    non_empty(flat_text(xref)).or_else(|| non_empty(data.to_string()))
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
    }

    fn people_in(&self, node: &Node) -> Vec<Party> {
        node.descendants()
            .filter(|n| n.has_tag_name("xref") && n.attribute("type") == Some("person"))
            .filter_map(|n| n.attribute("data"))
            .map(|id| self.party(id))
            .collect()
    }

    /// Renders an inline element inside prose: people become names, RFCs `[RFC1234]`.
    fn inline(&self, node: &Node) -> Option<String> {
        if !node.has_tag_name("xref") {
            return None;
        }
        let data = node.attribute("data").unwrap_or("");
        Some(match node.attribute("type").unwrap_or("") {
            "person" => {
                let party = self.party(data);
                party.name.or(party.organization).unwrap_or_default()
            }
            "rfc" => format!("[{}]", data.to_ascii_uppercase()),
            _ => {
                let text = flat_text(node);
                if text.is_empty() {
                    data.to_string()
                } else {
                    text
                }
            }
        })
    }
}

fn parse_person(node: &Node) -> Person {
    Person {
        id: node.attribute("id").unwrap_or("").to_string(),
        name: child_text(node, "name"),
        org: child_text(node, "org"),
        domain: child_text(node, "uri").and_then(|u| org_domain(&u)),
        updated: child_text(node, "updated"),
    }
}

fn child_text(node: &Node, tag: &str) -> Option<String> {
    node.children()
        .find(|n| n.has_tag_name(tag))
        .and_then(|n| non_empty(flat_text(&n)))
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// All text below `node`, with white space folded.
fn flat_text(node: &Node) -> String {
    fold_spaces(
        &node
            .descendants()
            .filter(Node::is_text)
            .filter_map(|n| n.text())
            .collect::<String>(),
    )
}

/// Prose with structure: `<br/>` and `<paragraph>` become line breaks, inline elements
/// are rendered by `inline`, and source line wrapping is folded away.
fn rich_text(node: &Node, inline: &dyn Fn(&Node) -> Option<String>) -> String {
    let mut out = String::new();
    collect_rich(node, inline, &mut out);
    out.split('\n')
        .map(fold_spaces)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn collect_rich(node: &Node, inline: &dyn Fn(&Node) -> Option<String>, out: &mut String) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(&child.text().unwrap_or("").replace(['\n', '\r'], " "));
        } else if child.has_tag_name("br") {
            out.push('\n');
        } else if child.has_tag_name("paragraph") {
            out.push('\n');
            collect_rich(&child, inline, out);
            out.push('\n');
        } else if let Some(text) = inline(&child) {
            out.push_str(&text);
        } else {
            collect_rich(&child, inline, out);
        }
    }
}

fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
