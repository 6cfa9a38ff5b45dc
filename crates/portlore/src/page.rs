//! The terminal page for a port: the sections of DESIGN.md in plain text.

use std::fmt::Write as _;

use portlore_kb::{
    Assignment, Party, PortInfo, RangeClass, RelatedPort, Status, Transport, curated::Source,
};

use crate::output::{DIM, HEADING, TITLE, WARN, styled};

/// Renders one port. `here` holds lines about local listeners, when any.
pub fn render(info: &PortInfo, here: &[String]) -> String {
    let mut refs = References::default();
    let mut out = String::new();
    headline(&mut out, info);
    range(&mut out, info);
    registry(&mut out, info);
    notes(&mut out, info, &mut refs);
    security(&mut out, info, &mut refs);
    unofficial(&mut out, info, &mut refs);
    if !here.is_empty() {
        section(&mut out, "Here, on this machine");
        for line in here {
            let _ = writeln!(out, "  {line}");
        }
    }
    check(&mut out, info);
    related(&mut out, &info.related);
    refs.render(&mut out);
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{}", styled(HEADING, title));
}

fn transports_phrase(ts: &[Transport]) -> String {
    let names: Vec<String> = ts.iter().map(|t| t.as_str().to_uppercase()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn headline(out: &mut String, info: &PortInfo) {
    let assigned: Vec<&Assignment> = info
        .assignments
        .iter()
        .filter(|a| a.status == Status::Assigned)
        .collect();
    let mut title = format!("Port {}", info.port);
    if let Some(first) = assigned.first() {
        let mut ts: Vec<Transport> = assigned
            .iter()
            .filter(|a| a.service == first.service)
            .filter_map(|a| a.transport)
            .collect();
        ts.dedup();
        let service = first.service.as_deref().unwrap_or("");
        let desc = first.description.lines().next().unwrap_or("");
        let _ = write!(title, " — {service}");
        if !desc.is_empty() && !desc.eq_ignore_ascii_case(service) {
            let _ = write!(title, " ({desc})");
        }
        if !ts.is_empty() {
            let _ = write!(title, ", {}", transports_phrase(&ts));
        }
        let others: Vec<&str> = info
            .services()
            .into_iter()
            .filter(|s| Some(*s) != first.service.as_deref())
            .collect();
        if !others.is_empty() {
            let _ = write!(title, "; also {}", others.join(", "));
        }
    }
    let _ = writeln!(out, "{}", styled(TITLE, &title));
    let _ = writeln!(out, "{}", verdict(info));
    let _ = writeln!(out, "{}", styled(DIM, &badges(info).join(" · ")));
}

/// One plain sentence a busy admin can act on.
pub fn verdict(info: &PortInfo) -> String {
    let mut parts = Vec::new();
    match info.status() {
        None => parts.push(format!(
            "{} port; install the IANA registry to see its assignment.",
            class_name(info.range.class)
        )),
        Some(Status::Assigned) => {
            let org = info
                .assignments
                .iter()
                .filter(|a| a.status == Status::Assigned)
                .flat_map(|a| a.assignee.iter())
                .find_map(Party::label);
            match org {
                Some(org) => parts.push(format!("Registered with IANA by {org}.")),
                None => parts.push("Registered with IANA.".to_string()),
            }
        }
        Some(Status::Reserved) => parts.push("Reserved by IANA: nothing should use it.".into()),
        Some(Status::Unassigned) | Some(Status::Other) => match info.range.class {
            RangeClass::Dynamic => parts.push(
                "In the dynamic range: IANA never assigns it, and systems use it for short-lived client ports.".into(),
            ),
            _ => parts.push("Not assigned by IANA: whatever listens here chose the number itself.".into()),
        },
    }
    if let Some(note) = info
        .curated
        .notes
        .iter()
        .find(|n| n.status == "retired" || n.status == "never-deployed")
    {
        parts.push(format!(
            "Curated notes mark {} as {}.",
            note.title,
            note.status.replace('-', " ")
        ));
    }
    let mut seen = Vec::new();
    for t in &info.curated.threats {
        if !seen.contains(&&t.name) {
            seen.push(&t.name);
            let span = if t.ports.start == t.ports.end {
                "this port".to_string()
            } else {
                format!("the range {}", t.ports)
            };
            parts.push(format!("{} ({}) used {span}.", t.name, t.year));
        }
        if seen.len() == 2 {
            break;
        }
    }
    if let Some(e) = info.curated.exposure.first() {
        parts.push(format!("{} must not face the internet.", e.service));
    }
    parts.join(" ")
}

fn badges(info: &PortInfo) -> Vec<String> {
    let mut b = vec![format!(
        "{} range",
        class_name(info.range.class).to_lowercase()
    )];
    b.push(match info.status() {
        None => "IANA: registry not installed".into(),
        Some(Status::Assigned) => "IANA: assigned".into(),
        Some(Status::Reserved) => "IANA: reserved".into(),
        Some(Status::Unassigned) => "IANA: unassigned".into(),
        Some(Status::Other) => "IANA: listed without a service".into(),
    });
    if info
        .assignments
        .iter()
        .any(|a| a.notes.iter().any(|n| n.starts_with("De-assigned")))
    {
        b.push("de-assigned".into());
    }
    if !info.curated.threats.is_empty() {
        b.push("threat history".into());
    }
    if !info.curated.exposure.is_empty() {
        b.push("exposure risk".into());
    }
    if !info.curated.unofficial.is_empty() {
        b.push("unofficial uses".into());
    }
    if !info.range.ephemeral_on.is_empty() {
        b.push("ephemeral on some systems".into());
    }
    b
}

fn class_name(class: RangeClass) -> &'static str {
    match class {
        RangeClass::System => "System",
        RangeClass::User => "Registered",
        RangeClass::Dynamic => "Dynamic",
    }
}

fn range(out: &mut String, info: &PortInfo) {
    section(out, "Range");
    let r = &info.range;
    let text = match r.class {
        RangeClass::System => format!(
            "System (well-known) ports {}. On Linux and other Unix-like systems only root \
             (or a process with CAP_NET_BIND_SERVICE) may listen here by default. IANA assigns \
             these through IETF review.",
            r.span
        ),
        RangeClass::User => format!(
            "User (registered) ports {}. Any process may listen here; an IANA registration is \
             a claim, not an enforcement.",
            r.span
        ),
        RangeClass::Dynamic => format!(
            "Dynamic and/or private ports {}. IANA never assigns these; operating systems pick \
             outgoing (ephemeral) ports from here, and anything may listen here.",
            r.span
        ),
    };
    let _ = writeln!(out, "  {}", wrap(&text, 76, "  "));
    if !r.ephemeral_on.is_empty() {
        let _ = writeln!(
            out,
            "  Inside the default ephemeral range of: {}.",
            r.ephemeral_on.join(", ")
        );
    }
}

fn registry(out: &mut String, info: &PortInfo) {
    let Some(meta) = &info.registry else {
        section(out, "IANA registry");
        let _ = writeln!(out, "  {}", crate::registry::INSTALL_HINT);
        return;
    };
    section(
        out,
        &format!(
            "IANA registry (source: IANA, updated {})",
            meta.updated.as_deref().unwrap_or("unknown")
        ),
    );
    if info.assignments.is_empty() {
        let _ = writeln!(out, "  No record covers this port.");
    }
    for a in &info.assignments {
        let ports = a.ports.map(|p| p.to_string()).unwrap_or_default();
        let transport = a.transport.map_or("any".to_string(), |t| t.to_string());
        let name = a.service.as_deref().unwrap_or(match a.status {
            Status::Reserved => "(reserved)",
            Status::Unassigned => "(unassigned)",
            _ => "(no service name)",
        });
        let _ = writeln!(
            out,
            "  {ports}/{transport:<5} {name:<18} {}",
            a.description.replace('\n', " ")
        );
        let indent = "                         ";
        if !a.assignee.is_empty() {
            let _ = writeln!(out, "{indent}assignee: {}", Party::labels(&a.assignee));
        }
        if !a.contact.is_empty() && a.contact != a.assignee {
            let _ = writeln!(out, "{indent}contact: {}", Party::labels(&a.contact));
        }
        if a.registered.is_some() || a.modified.is_some() {
            let _ = writeln!(
                out,
                "{indent}registered: {}  modified: {}",
                a.registered.as_deref().unwrap_or("—"),
                a.modified.as_deref().unwrap_or("—")
            );
        }
        for r in &a.references {
            let _ = writeln!(
                out,
                "{indent}reference: {}{}",
                r.id,
                r.url
                    .as_ref()
                    .map(|u| format!(" <{u}>"))
                    .unwrap_or_default()
            );
        }
        for n in &a.notes {
            let _ = writeln!(out, "{indent}note: {}", n.replace('\n', " "));
        }
        if let Some(u) = &a.unauthorized {
            let _ = writeln!(
                out,
                "{indent}{}",
                styled(WARN, &format!("reported unauthorised use: {u}"))
            );
        }
        if let Some(sc) = &a.service_code {
            let _ = writeln!(out, "{indent}service code: {sc}");
        }
    }
}

#[derive(Default)]
struct References {
    list: Vec<Source>,
}

impl References {
    /// Renumbers an entry's local footnotes `[1]` into the page's list; text without
    /// markers gets every source of the entry appended.
    fn cite(&mut self, text: &str, sources: &[Source]) -> String {
        let mut out = self.cite_inline(text, sources);
        if !text.contains('[') && !sources.is_empty() {
            let marks: Vec<String> = sources
                .iter()
                .map(|s| format!("[{}]", self.number(s)))
                .collect();
            let _ = write!(out, " {}", marks.join(""));
        }
        out
    }

    /// Renumbers the markers a text carries, adding none.
    fn cite_inline(&mut self, text: &str, sources: &[Source]) -> String {
        let numbers: Vec<usize> = sources.iter().map(|s| self.number(s)).collect();
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after
                .find(']')
                .and_then(|close| Some((close, after[..close].parse::<usize>().ok()?)))
            {
                Some((close, n)) if n >= 1 && n <= numbers.len() => {
                    let _ = write!(out, "[{}]", numbers[n - 1]);
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn number(&mut self, s: &Source) -> usize {
        if let Some(i) = self.list.iter().position(|x| x.url == s.url) {
            return i + 1;
        }
        self.list.push(s.clone());
        self.list.len()
    }

    fn render(&self, out: &mut String) {
        if self.list.is_empty() {
            return;
        }
        section(out, "References");
        for (i, s) in self.list.iter().enumerate() {
            let _ = writeln!(
                out,
                "  [{}] {} <{}> (checked {})",
                i + 1,
                s.title,
                s.url,
                s.checked
            );
        }
    }
}

fn notes(out: &mut String, info: &PortInfo, refs: &mut References) {
    if info.curated.notes.is_empty() {
        return;
    }
    section(out, "History");
    for n in &info.curated.notes {
        let mut head = n.title.clone();
        if n.status != "unknown" {
            head.push_str(&format!(" — {}", n.status.replace('-', " ")));
        }
        if let Some(by) = &n.made_by {
            let _ = write!(head, ", made by {by}");
        }
        let _ = writeln!(out, "  {}", styled(HEADING, &head));
        let _ = writeln!(
            out,
            "  {}",
            wrap(&refs.cite(&n.summary, &n.sources), 76, "  ")
        );
        if let Some(today) = &n.today {
            let _ = writeln!(
                out,
                "  Today: {}",
                wrap(&refs.cite(today, &n.sources), 76, "  ")
            );
        }
    }
}

fn security(out: &mut String, info: &PortInfo, refs: &mut References) {
    let c = &info.curated;
    if c.threats.is_empty() && c.exposure.is_empty() {
        return;
    }
    section(out, "Security");
    for t in &c.threats {
        let transports = transports_phrase(&t.transports);
        let _ = writeln!(
            out,
            "  {} {} ({}, {}): {} on {transports} {}",
            styled(WARN, "•"),
            t.name,
            t.kind,
            t.year,
            t.role.replace('-', " "),
            t.ports
        );
        let _ = writeln!(
            out,
            "    {}",
            wrap(&refs.cite(&t.detail, &t.sources), 74, "    ")
        );
    }
    for e in &c.exposure {
        let _ = writeln!(
            out,
            "  {} {} — exposure risk: {}",
            styled(WARN, "•"),
            e.service,
            e.severity
        );
        let _ = writeln!(
            out,
            "    {}",
            wrap(&refs.cite(&e.incident, &e.sources), 74, "    ")
        );
        for step in &e.advice {
            let _ = writeln!(out, "    - {}", wrap(step, 72, "      "));
        }
    }
}

fn unofficial(out: &mut String, info: &PortInfo, refs: &mut References) {
    if info.curated.unofficial.is_empty() {
        return;
    }
    section(out, "Also seen on this port (not IANA assignments)");
    for u in &info.curated.unofficial {
        let _ = writeln!(
            out,
            "  {}: {}",
            u.software,
            wrap(&refs.cite(&u.summary, &u.sources), 70, "    ")
        );
    }
}

fn check(out: &mut String, info: &PortInfo) {
    section(out, "Check it yourself");
    let c = &info.check;
    for (os, cmds) in [
        ("Linux", &c.linux),
        ("macOS", &c.macos),
        ("Windows", &c.windows),
        ("Network", &c.network),
        ("portlore", &c.portlore),
    ] {
        let _ = writeln!(out, "  {os}:");
        for cmd in cmds {
            let _ = writeln!(out, "    {cmd}");
        }
    }
}

fn related(out: &mut String, related: &[RelatedPort]) {
    if related.is_empty() {
        return;
    }
    section(out, "Related ports");
    for r in related {
        let what = match r.relation.split_once(':') {
            Some(("same-threat", name)) => format!("also used by {name}"),
            _ => match r.relation.as_str() {
                "same-service" => "same service".to_string(),
                "sibling-service" => "sibling service".to_string(),
                _ => "neighbour".to_string(),
            },
        };
        let service = r.service.as_deref().unwrap_or("—");
        let _ = writeln!(
            out,
            "  {:<12} {service:<18} {}",
            r.ports.to_string(),
            styled(DIM, &what)
        );
    }
}

/// Wraps prose to `width`, indenting continuation lines.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if line > 0 && line + 1 + w > width {
            out.push('\n');
            out.push_str(indent);
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
    }
    out
}
