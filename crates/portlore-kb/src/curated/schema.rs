//! The schema of `data/**/*.toml` and its validation.
//!
//! This file is compiled twice: by `build.rs` (through `#[path]`), which parses, validates
//! and archives the data, and by the library, which reads the archive. It therefore uses
//! nothing but `serde`, `toml` and `rkyv`. The rules are documented in `data/README.md`.

#![allow(dead_code)] // each of the two users needs a different part

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;

/// A transport protocol.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    rkyv::Archive,
    rkyv::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Proto {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
    /// SCTP.
    Sctp,
    /// DCCP.
    Dccp,
}

/// An inclusive port range written `"3147"` or `"3127-3198"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(try_from = "String")]
pub struct Span {
    /// First port.
    pub start: u16,
    /// Last port, inclusive.
    pub end: u16,
}

impl Span {
    /// Whether the span holds `port`.
    pub fn contains(&self, port: u16) -> bool {
        self.start <= port && port <= self.end
    }
}

impl TryFrom<String> for Span {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let port = |p: &str| {
            let p = p.trim();
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "port {text:?} is not a number or a range like 3127-3198"
                ));
            }
            p.parse::<u16>()
                .map_err(|_| format!("port {text:?} is outside 0-65535"))
        };
        let (start, end) = match text.split_once('-') {
            Some((a, b)) => (port(a)?, port(b)?),
            None => {
                let p = port(&text)?;
                (p, p)
            }
        };
        if start > end {
            return Err(format!("port range {text:?} starts after it ends"));
        }
        Ok(Span { start, end })
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An http(s) URL.
    pub url: String,
    /// Its title.
    pub title: String,
    /// The day the claim was checked against it, YYYY-MM-DD.
    pub checked: String,
    /// Why this source is where the fact originates, when that is not plain from its host:
    /// a code-hosting repository must say it is the project's own ("the project's own
    /// repository; the default is set in its config file").
    #[serde(default)]
    pub origin: Option<String>,
}

/// The status of a protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteStatus {
    /// In use.
    Active,
    /// Still found, but superseded.
    Legacy,
    /// No longer used.
    Retired,
    /// Registered but never deployed.
    NeverDeployed,
    /// Not known.
    Unknown,
}

/// `[[note]]`: what a protocol is or was.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// Ports and ranges.
    pub ports: Vec<Span>,
    /// Transports.
    pub transports: Vec<Proto>,
    /// The registry's service name, or `unassigned`.
    pub iana_service: Option<String>,
    /// Title.
    pub title: String,
    /// Status.
    pub status: NoteStatus,
    /// Maker.
    pub made_by: Option<String>,
    /// The note.
    pub summary: String,
    /// What is on the port today.
    pub today: Option<String>,
    /// Words people type for it (`dns`, `rdp`, `postgres`): lowercase, resolved to its first port.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ports a reader expects to see next to these (80 with 443, 3306 with 33060).
    #[serde(default)]
    pub related: Vec<Span>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// The kind of a threat family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThreatKind {
    /// Self-propagating.
    Worm,
    /// Trojan horse.
    Trojan,
    /// Backdoor.
    Backdoor,
    /// Remote-access tool.
    Rat,
    /// Botnet.
    Botnet,
    /// Ransomware.
    Ransomware,
    /// Mass scanner.
    Scanner,
    /// Cryptocurrency miner.
    Miner,
    /// Command-and-control or post-exploitation framework.
    C2Framework,
    /// A campaign exploiting one product's vulnerability.
    Exploitation,
    /// Malware built for industrial control systems.
    IcsMalware,
    /// Anything else.
    Other,
}

/// How a threat used a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The malware listened there.
    ListeningBackdoor,
    /// The malware scanned for the port on other hosts.
    ScanningTarget,
    /// Command and control.
    C2,
    /// The malware spread through the service on the port.
    Propagation,
    /// Data left through it.
    Exfiltration,
    /// Reflection and amplification.
    Amplification,
    /// The port the malware flooded or attacked on third parties (a DDoS target).
    Attack,
}

/// `[[threat.uses]]`.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Use {
    /// Ports and ranges.
    pub ports: Vec<Span>,
    /// Transports.
    pub transports: Vec<Proto>,
    /// Role.
    pub role: Role,
    /// Detail.
    pub detail: String,
    /// The variants this use applies to, each named in the family's `variants`; empty when
    /// it applies to the family as a whole.
    #[serde(default)]
    pub variants: Vec<String>,
}

/// `[[threat.unported]]`: a listed variant with no known port use, and why.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unported {
    /// The variant, as named in the family's `variants`.
    pub variant: String,
    /// Why no port is known (it spread by mail only, the sources name none, …).
    pub reason: String,
}

/// `[[threat]]`: a malware family.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Threat {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Variants.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Year first seen.
    pub year: u16,
    /// Kind.
    pub kind: ThreatKind,
    /// A family that made headlines worldwide (WannaCry, Mirai): a port's verdict names
    /// it before lesser families with the same role there.
    #[serde(default)]
    pub notable: bool,
    /// About the family.
    pub summary: String,
    /// Port uses.
    pub uses: Vec<Use>,
    /// Listed variants that no use names, each with the reason no port is known.
    #[serde(default)]
    pub unported: Vec<Unported>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// How bad an exposure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Critical.
    Critical,
    /// High.
    High,
    /// Medium.
    Medium,
}

/// `[[exposure]]`: a service that must not face the internet.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// Stable id.
    pub id: String,
    /// Service.
    pub service: String,
    /// Ports.
    pub ports: Vec<Span>,
    /// Transports.
    pub transports: Vec<Proto>,
    /// Severity.
    pub severity: Severity,
    /// The incident or CVE class.
    pub incident: String,
    /// Concrete steps.
    pub advice: Vec<String>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// `[[unofficial]]`: software on a port IANA gave to something else or to nothing.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unofficial {
    /// Stable id.
    pub id: String,
    /// Software.
    pub software: String,
    /// Ports.
    pub ports: Vec<Span>,
    /// Transports.
    pub transports: Vec<Proto>,
    /// About the use.
    pub summary: String,
    /// Words people type for it (`minecraft`, `wireguard`, `k8s`): lowercase, resolved to its first port.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ports a reader expects to see next to these (25565 with 25575 and 19132).
    #[serde(default)]
    pub related: Vec<Span>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// The kind of a range fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RangeKind {
    /// An RFC 6335 range.
    Iana,
    /// An operating system's ephemeral range.
    Ephemeral,
}

/// `[[range]]`.
#[derive(Debug, Clone, Deserialize, rkyv::Archive, rkyv::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Stable id.
    pub id: String,
    /// Kind.
    pub kind: RangeKind,
    /// Name.
    pub name: String,
    /// Ports.
    pub ports: Vec<Span>,
    /// Detail.
    pub detail: String,
    /// Sources.
    pub sources: Vec<Source>,
}

/// One TOML file. Every table is optional here; [`check_folder`] enforces that a file
/// holds only the kind its folder is for.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// `[[note]]`.
    #[serde(default)]
    pub note: Vec<Note>,
    /// `[[threat]]`.
    #[serde(default)]
    pub threat: Vec<Threat>,
    /// `[[exposure]]`.
    #[serde(default)]
    pub exposure: Vec<Exposure>,
    /// `[[unofficial]]`.
    #[serde(default)]
    pub unofficial: Vec<Unofficial>,
    /// `[[range]]`.
    #[serde(default)]
    pub range: Vec<Range>,
}

/// Kinds of entry, as numbered in the index.
pub const KIND_NOTE: u8 = 0;
/// Threat uses.
pub const KIND_THREAT: u8 = 1;
/// Exposure entries.
pub const KIND_EXPOSURE: u8 = 2;
/// Unofficial uses.
pub const KIND_UNOFFICIAL: u8 = 3;
/// Range facts.
pub const KIND_RANGE: u8 = 4;

/// One span of one entry. The index lists them narrowest first, so a lookup that walks
/// it returns the most specific facts first; the single ports come first, sorted by port
/// so a lookup can binary-search them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, rkyv::Archive, rkyv::Serialize)]
pub struct IndexEntry {
    /// First port.
    pub start: u16,
    /// Last port.
    pub end: u16,
    /// One of the `KIND_*` constants.
    pub kind: u8,
    /// Position of the entry in its list.
    pub item: u16,
    /// For threats, the position of the use within the family.
    pub sub: u16,
}

/// Everything, validated, as archived into the binary.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize)]
pub struct Compiled {
    /// Notes.
    pub notes: Vec<Note>,
    /// Threat families.
    pub threats: Vec<Threat>,
    /// Exposure entries.
    pub exposure: Vec<Exposure>,
    /// Unofficial uses.
    pub unofficial: Vec<Unofficial>,
    /// Range facts.
    pub ranges: Vec<Range>,
    /// Port index over all of them.
    pub index: Vec<IndexEntry>,
    /// How many leading entries of `index` are single ports (sorted by port).
    pub singles: u32,
}

/// Where one entry's own archive lies in the entries blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq, rkyv::Archive, rkyv::Serialize)]
pub struct Slot {
    /// Byte offset, a multiple of [`ALIGN`].
    pub offset: u32,
    /// Length in bytes.
    pub len: u32,
}

/// Alignment of every entry archive in the entries blob.
pub const ALIGN: usize = 16;

/// The small archive checked at load: the port index and where each entry lies.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize)]
pub struct Header {
    /// Port index, as in [`Compiled::index`].
    pub index: Vec<IndexEntry>,
    /// As in [`Compiled::singles`].
    pub singles: u32,
    /// Notes.
    pub notes: Vec<Slot>,
    /// Threat families.
    pub threats: Vec<Slot>,
    /// Exposure entries.
    pub exposure: Vec<Slot>,
    /// Unofficial uses.
    pub unofficial: Vec<Slot>,
    /// Range facts.
    pub ranges: Vec<Slot>,
}

/// Serialises validated data as a header archive and an entries blob in which every
/// entry is an archive of its own, so that a reader checks only the entries it reads.
pub fn pack(c: &Compiled) -> Result<(Vec<u8>, Vec<u8>), rkyv::rancor::Error> {
    fn put<T>(blob: &mut Vec<u8>, items: &[T]) -> Result<Vec<Slot>, rkyv::rancor::Error>
    where
        T: for<'a> rkyv::Serialize<
                rkyv::api::high::HighSerializer<
                    rkyv::util::AlignedVec,
                    rkyv::ser::allocator::ArenaHandle<'a>,
                    rkyv::rancor::Error,
                >,
            >,
    {
        let mut slots = Vec::with_capacity(items.len());
        for item in items {
            let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(item)?;
            let offset = blob.len();
            blob.extend_from_slice(&bytes);
            blob.resize(blob.len().next_multiple_of(ALIGN), 0);
            slots.push(Slot {
                offset: offset as u32,
                len: bytes.len() as u32,
            });
        }
        Ok(slots)
    }
    let mut blob = Vec::new();
    let header = Header {
        index: c.index.clone(),
        singles: c.singles,
        notes: put(&mut blob, &c.notes)?,
        threats: put(&mut blob, &c.threats)?,
        exposure: put(&mut blob, &c.exposure)?,
        unofficial: put(&mut blob, &c.unofficial)?,
        ranges: put(&mut blob, &c.ranges)?,
    };
    let head = rkyv::to_bytes::<rkyv::rancor::Error>(&header)?;
    Ok((head.to_vec(), blob))
}

/// Parses one file. `rel` is its path relative to `data/` (`notes/mail.toml`), used in
/// messages and to check that the file holds only its folder's kind.
pub fn parse_file(rel: &str, text: &str) -> Result<DataFile, Vec<String>> {
    let file: DataFile = toml::from_str(text).map_err(|e| vec![format!("data/{rel}: {e}")])?;
    let errors = check_folder(rel, &file);
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

fn check_folder(rel: &str, f: &DataFile) -> Vec<String> {
    let folder = if rel == "ranges.toml" {
        "ranges.toml"
    } else {
        rel.split('/').next().unwrap_or("")
    };
    let present = [
        ("note", "notes", f.note.len()),
        ("threat", "threats", f.threat.len()),
        ("exposure", "exposure", f.exposure.len()),
        ("unofficial", "unofficial", f.unofficial.len()),
        ("range", "ranges.toml", f.range.len()),
    ];
    let mut errors = Vec::new();
    for (table, home, n) in present {
        if n > 0 && folder != home {
            errors.push(format!(
                "data/{rel}: [[{table}]] entries belong in data/{home}{}",
                if home.ends_with(".toml") { "" } else { "/" }
            ));
        }
    }
    errors
}

/// Validates all files together and builds the archive form. Every problem is reported,
/// each naming its file and id. The source-quality rules of `policy` are refused here for
/// every folder but the deferred ones, whose problems only [`quality_file`] reports.
pub fn compile(files: Vec<(String, DataFile)>, policy: &Policy) -> Result<Compiled, Vec<String>> {
    let mut out = Compiled::default();
    let mut errors = Vec::new();
    for (rel, file) in &files {
        if !policy.is_deferred(rel) {
            quality_file(rel, file, policy, &mut errors);
        }
    }
    // One map of ids per kind, and one of aliases across all kinds.
    let mut seen: [HashMap<String, String>; 6] = Default::default();
    for (rel, file) in files {
        let mut v = Checker {
            rel: &rel,
            errors: &mut errors,
            seen: &mut seen,
        };
        for n in &file.note {
            v.note(n);
        }
        for t in &file.threat {
            v.threat(t);
        }
        for e in &file.exposure {
            v.exposure(e);
        }
        for u in &file.unofficial {
            v.unofficial(u);
        }
        for r in &file.range {
            v.range(r);
        }
        out.notes.extend(file.note);
        out.threats.extend(file.threat);
        out.exposure.extend(file.exposure);
        out.unofficial.extend(file.unofficial);
        out.ranges.extend(file.range);
    }
    for (name, len) in [
        ("notes", out.notes.len()),
        ("threats", out.threats.len()),
        ("exposure", out.exposure.len()),
        ("unofficial", out.unofficial.len()),
        ("ranges", out.ranges.len()),
    ] {
        if len > usize::from(u16::MAX) {
            errors.push(format!("too many {name} ({len}) for the index"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    out.index = build_index(&out);
    out.singles = out.index.iter().take_while(|e| e.start == e.end).count() as u32;
    Ok(out)
}

fn build_index(c: &Compiled) -> Vec<IndexEntry> {
    let mut index = Vec::new();
    let mut add = |kind: u8, item: usize, sub: usize, spans: &[Span]| {
        for s in spans {
            index.push(IndexEntry {
                start: s.start,
                end: s.end,
                kind,
                item: item as u16,
                sub: sub as u16,
            });
        }
    };
    for (i, n) in c.notes.iter().enumerate() {
        add(KIND_NOTE, i, 0, &n.ports);
    }
    for (i, t) in c.threats.iter().enumerate() {
        for (j, u) in t.uses.iter().enumerate() {
            add(KIND_THREAT, i, j, &u.ports);
        }
    }
    for (i, e) in c.exposure.iter().enumerate() {
        add(KIND_EXPOSURE, i, 0, &e.ports);
    }
    for (i, u) in c.unofficial.iter().enumerate() {
        add(KIND_UNOFFICIAL, i, 0, &u.ports);
    }
    for (i, r) in c.ranges.iter().enumerate() {
        add(KIND_RANGE, i, 0, &r.ports);
    }
    // Narrowest first; single ports by port. Stable, so entries on the same span keep
    // data order.
    index.sort_by_key(|e| {
        let width = e.end - e.start;
        (width, if width == 0 { e.start } else { 0 })
    });
    index
}

/// The slot of `Checker::seen` that holds aliases.
const ALIASES: usize = 5;

struct Checker<'a> {
    rel: &'a str,
    errors: &'a mut Vec<String>,
    seen: &'a mut [HashMap<String, String>; 6],
}

impl Checker<'_> {
    fn err(&mut self, table: &str, id: &str, msg: impl fmt::Display) {
        self.errors
            .push(format!("data/{}: [[{table}]] id {id:?}: {msg}", self.rel));
    }

    fn id(&mut self, kind: u8, table: &str, id: &str) {
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            self.err(
                table,
                id,
                "id must be non-empty and use only a-z, 0-9 and '-'",
            );
        }
        let rel = self.rel.to_string();
        if let Some(first) = self.seen[usize::from(kind)].insert(id.to_string(), rel) {
            self.err(
                table,
                id,
                format!("duplicate id (first used in data/{first})"),
            );
        }
    }

    fn text(&mut self, table: &str, id: &str, field: &str, value: &str, sources: usize) {
        if value.trim().is_empty() {
            self.err(table, id, format!("`{field}` is empty"));
        }
        if value.trim() != value {
            self.err(
                table,
                id,
                format!("`{field}` has leading or trailing spaces"),
            );
        }
        for n in footnotes(value) {
            if n == 0 || n > sources {
                self.err(
                    table,
                    id,
                    format!("`{field}` cites [{n}] but there are {sources} sources"),
                );
            }
        }
    }

    fn spans(&mut self, table: &str, id: &str, spans: &[Span], protos: &[Proto]) {
        if spans.is_empty() {
            self.err(table, id, "`ports` is empty");
        }
        for (i, a) in spans.iter().enumerate() {
            for b in &spans[i + 1..] {
                if a.start <= b.end && b.start <= a.end {
                    self.err(table, id, format!("ports {a} and {b} overlap"));
                }
            }
        }
        if protos.is_empty() {
            self.err(table, id, "`transports` is empty");
        }
        for (i, p) in protos.iter().enumerate() {
            if protos[..i].contains(p) {
                self.err(table, id, format!("transport {p:?} listed twice"));
            }
        }
    }

    fn aliases(&mut self, table: &str, id: &str, aliases: &[String]) {
        for (i, a) in aliases.iter().enumerate() {
            let ok = !a.is_empty()
                && a.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.+ ".contains(&b))
                && a.trim() == a;
            if !ok {
                self.err(
                    table,
                    id,
                    format!("alias {a:?} must be lowercase a-z, 0-9, '-', '_', '.', '+' or space"),
                );
            }
            if aliases[..i].contains(a) {
                self.err(table, id, format!("alias {a:?} listed twice"));
                continue;
            }
            let here = format!("{table} {id} (data/{})", self.rel);
            if let Some(first) = self.seen[ALIASES].insert(a.clone(), here) {
                self.err(
                    table,
                    id,
                    format!("alias {a:?} is already used by {first}: an alias names one port"),
                );
            }
        }
    }

    fn sources(&mut self, table: &str, id: &str, sources: &[Source]) {
        if sources.is_empty() {
            self.err(table, id, "`sources` is empty: every claim needs one");
        }
        for s in sources {
            if let Err(e) = check_url(&s.url) {
                self.err(table, id, format!("source URL {:?}: {e}", s.url));
            }
            if s.title.trim().is_empty() {
                self.err(table, id, format!("source {:?} has no title", s.url));
            }
            if !is_date(&s.checked) {
                self.err(
                    table,
                    id,
                    format!(
                        "source {:?}: checked {:?} is not YYYY-MM-DD",
                        s.url, s.checked
                    ),
                );
            }
        }
    }

    fn note(&mut self, n: &Note) {
        let (t, id, k) = ("note", n.id.as_str(), n.sources.len());
        self.id(KIND_NOTE, t, id);
        self.spans(t, id, &n.ports, &n.transports);
        self.sources(t, id, &n.sources);
        self.text(t, id, "title", &n.title, k);
        self.text(t, id, "summary", &n.summary, k);
        if let Some(today) = &n.today {
            self.text(t, id, "today", today, k);
        }
        if let Some(m) = &n.made_by {
            self.text(t, id, "made_by", m, k);
        }
        self.aliases(t, id, &n.aliases);
        if let Some(s) = &n.iana_service
            && (s.is_empty() || s.contains(char::is_whitespace))
        {
            self.err(
                t,
                id,
                "`iana_service` must be a registry service name or \"unassigned\"",
            );
        }
    }

    fn threat(&mut self, x: &Threat) {
        let (t, id, k) = ("threat", x.id.as_str(), x.sources.len());
        self.id(KIND_THREAT, t, id);
        self.sources(t, id, &x.sources);
        self.text(t, id, "name", &x.name, k);
        self.text(t, id, "summary", &x.summary, k);
        for a in x.aliases.iter().chain(&x.variants) {
            self.text(t, id, "aliases/variants", a, k);
        }
        if !(1970..=2100).contains(&x.year) {
            self.err(t, id, format!("year {} is implausible", x.year));
        }
        if x.uses.is_empty() {
            self.err(
                t,
                id,
                "no [[threat.uses]]: a threat needs at least one port",
            );
        }
        for u in &x.uses {
            self.spans(t, id, &u.ports, &u.transports);
            self.text(t, id, "uses.detail", &u.detail, k);
            for v in &u.variants {
                if !x.variants.contains(v) {
                    self.err(
                        t,
                        id,
                        format!("a use names variant {v:?}, which `variants` does not list"),
                    );
                }
            }
        }
        for (i, p) in x.unported.iter().enumerate() {
            self.text(t, id, "unported.reason", &p.reason, k);
            if !x.variants.contains(&p.variant) {
                self.err(
                    t,
                    id,
                    format!(
                        "`unported` names variant {:?}, which `variants` does not list",
                        p.variant
                    ),
                );
            }
            if x.unported[..i].iter().any(|q| q.variant == p.variant) {
                self.err(t, id, format!("variant {:?} is unported twice", p.variant));
            }
        }
    }

    fn exposure(&mut self, e: &Exposure) {
        let (t, id, k) = ("exposure", e.id.as_str(), e.sources.len());
        self.id(KIND_EXPOSURE, t, id);
        self.spans(t, id, &e.ports, &e.transports);
        self.sources(t, id, &e.sources);
        self.text(t, id, "service", &e.service, k);
        self.text(t, id, "incident", &e.incident, k);
        if e.advice.is_empty() {
            self.err(t, id, "`advice` is empty");
        }
        for a in &e.advice {
            self.text(t, id, "advice", a, k);
        }
    }

    fn unofficial(&mut self, u: &Unofficial) {
        let (t, id, k) = ("unofficial", u.id.as_str(), u.sources.len());
        self.id(KIND_UNOFFICIAL, t, id);
        self.spans(t, id, &u.ports, &u.transports);
        self.sources(t, id, &u.sources);
        self.text(t, id, "software", &u.software, k);
        self.text(t, id, "summary", &u.summary, k);
        self.aliases(t, id, &u.aliases);
    }

    fn range(&mut self, r: &Range) {
        let (t, id, k) = ("range", r.id.as_str(), r.sources.len());
        self.id(KIND_RANGE, t, id);
        // Ranges carry no transports of their own; they cover TCP and UDP alike.
        self.spans(t, id, &r.ports, &[Proto::Tcp]);
        self.sources(t, id, &r.sources);
        self.text(t, id, "name", &r.name, k);
        self.text(t, id, "detail", &r.detail, k);
    }
}

/// The numbers of the footnote markers (`[1]`, `[12]`) in a text.
pub fn footnotes(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        rest = &rest[open + 1..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && rest[digits.len()..].starts_with(']') {
            out.push(digits.parse().unwrap_or(usize::MAX));
        }
    }
    out
}

/// A light URL check for the build (the tests parse every URL fully).
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') {
        return Err("has no host name");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains spaces or control characters");
    }
    Ok(())
}

/// Whether `s` is a plausible YYYY-MM-DD date.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(1990..=2100), Some(1..=12), Some(1..=31))
    )
}

/// The folders whose source-quality problems ([`quality_file`]) the tests report but the
/// build does not yet refuse, while their files are being brought up to the rules. Empty
/// it once the test `source_quality_report` lists no problem for them.
pub const DEFERRED: &[&str] = &[];

/// A host whose pages are never accepted as a source, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedHost {
    /// Lower-case host name; it also refuses every subdomain.
    pub host: String,
    /// Why it is refused (a mirror, a paste site, …).
    pub reason: String,
}

/// The source-quality rules, read from the tables of `data/README.md`.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Hosts refused outright.
    pub refused: Vec<RefusedHost>,
    /// Code-hosting sites, accepted only with an `origin`.
    pub code_hosts: Vec<String>,
    /// Folders (`notes`, `ranges.toml`) whose quality problems are reported, not refused.
    pub deferred: Vec<String>,
}

impl Policy {
    /// Reads the `refused-hosts` and `code-hosts` tables of `data/README.md`, each between
    /// `<!-- NAME -->` and `<!-- /NAME -->`, one `| host | reason |` row per host.
    pub fn from_readme(text: &str) -> Result<Policy, Vec<String>> {
        let mut errors = Vec::new();
        let mut rows = |name: &str| match host_table(text, name) {
            Ok(r) => r,
            Err(e) => {
                errors.extend(e);
                Vec::new()
            }
        };
        let refused = rows("refused-hosts")
            .into_iter()
            .map(|(host, reason)| RefusedHost { host, reason })
            .collect();
        let code_hosts = rows("code-hosts").into_iter().map(|(h, _)| h).collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Policy {
            refused,
            code_hosts,
            deferred: DEFERRED.iter().map(|f| f.to_string()).collect(),
        })
    }

    /// Whether the quality problems of the file `rel` are only reported.
    pub fn is_deferred(&self, rel: &str) -> bool {
        self.deferred.iter().any(|f| f == folder_of(rel))
    }

    /// Why a source on `host` is refused, if it is.
    pub fn refusal(&self, host: &str) -> Option<&RefusedHost> {
        self.refused.iter().find(|r| host_within(host, &r.host))
    }

    /// Whether `host` is a code-hosting site.
    pub fn is_code_host(&self, host: &str) -> bool {
        self.code_hosts.iter().any(|h| host_within(host, h))
    }
}

fn folder_of(rel: &str) -> &str {
    if rel == "ranges.toml" {
        rel
    } else {
        rel.split('/').next().unwrap_or("")
    }
}

/// Whether `host` is `domain` or one of its subdomains.
fn host_within(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// The rows `(host, reason)` of one marked table of the README.
fn host_table(text: &str, name: &str) -> Result<Vec<(String, String)>, Vec<String>> {
    let open = format!("<!-- {name} -->");
    let close = format!("<!-- /{name} -->");
    let body = text
        .split_once(&open)
        .and_then(|(_, rest)| rest.split_once(&close))
        .map(|(body, _)| body)
        .ok_or_else(|| {
            vec![format!(
                "data/README.md: no table between {open} and {close}"
            )]
        })?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for line in body.lines().map(str::trim).filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue; // the separator row
        }
        let [host, reason] = cells[..] else {
            errors.push(format!(
                "data/README.md ({name}): row {line:?} needs two cells"
            ));
            continue;
        };
        let host = host.trim_matches('`');
        if host == "host" {
            continue; // the heading row
        }
        let plain = host.contains('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.".contains(&b));
        if !plain {
            errors.push(format!(
                "data/README.md ({name}): {host:?} is not a lower-case host name"
            ));
        }
        if reason.is_empty() {
            errors.push(format!("data/README.md ({name}): {host} has no reason"));
        }
        if rows.iter().any(|(h, _): &(String, String)| h == host) {
            errors.push(format!("data/README.md ({name}): {host} is listed twice"));
        }
        rows.push((host.to_string(), reason.to_string()));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// The lower-case host of an http(s) URL, without port or credentials.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.');
    Some(host.to_ascii_lowercase())
}

/// The runs of adjacent footnote markers in a text: `a [1][3] b [2]` gives `[[1, 3], [2]]`.
pub fn marker_groups(text: &str) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut rest = text;
    let mut adjacent = false;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            let n = after[..digits].parse().unwrap_or(usize::MAX);
            match groups.last_mut() {
                Some(g) if adjacent && open == 0 => g.push(n),
                _ => groups.push(vec![n]),
            }
            rest = &after[digits + 1..];
            adjacent = true;
        } else {
            rest = after;
            adjacent = false;
        }
    }
    groups
}

/// The sentences of a prose field: split after `.`, `!` or `?` when a space and a capital
/// letter or digit follow, and at the end.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let [(i, a), (_, b), (_, c)] = [w[0], w[1], w[2]];
        if matches!(a, '.' | '!' | '?') && b == ' ' && (c.is_uppercase() || c.is_ascii_digit()) {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// One prose field of an entry, for the quality checks.
struct Prose<'a> {
    field: &'static str,
    text: &'a str,
    /// Whether every sentence states a fact and so needs a marker (not titles or advice).
    factual: bool,
}

/// The source-quality rules of issue 15 over one file: every source cited by some marker,
/// markers in ascending order, every factual sentence marked, no refused host, code
/// hosting only with an `origin`, and every listed threat variant given a use or a reason.
pub fn quality_file(rel: &str, f: &DataFile, policy: &Policy, out: &mut Vec<String>) {
    let p = |field, text, factual| Prose {
        field,
        text,
        factual,
    };
    let check = |out: &mut Vec<String>, table: &str, id: &str, prose: Vec<Prose>, s: &[Source]| {
        for msg in quality_entry(&prose, s, policy) {
            out.push(format!("data/{rel}: [[{table}]] id {id:?}: {msg}"));
        }
    };
    for n in &f.note {
        let mut prose = vec![p("title", &n.title, false), p("summary", &n.summary, true)];
        prose.extend(n.today.as_deref().map(|t| p("today", t, true)));
        prose.extend(n.made_by.as_deref().map(|t| p("made_by", t, false)));
        check(out, "note", &n.id, prose, &n.sources);
    }
    for t in &f.threat {
        let mut prose = vec![p("name", &t.name, false), p("summary", &t.summary, true)];
        prose.extend(t.uses.iter().map(|u| p("uses.detail", &u.detail, true)));
        prose.extend(
            t.unported
                .iter()
                .map(|u| p("unported.reason", &u.reason, true)),
        );
        check(out, "threat", &t.id, prose, &t.sources);
        for v in &t.variants {
            let used = t.uses.iter().any(|u| u.variants.contains(v));
            let said = t.unported.iter().any(|u| &u.variant == v);
            if used && said {
                out.push(format!(
                    "data/{rel}: [[threat]] id {:?}: variant {v:?} has a use and is also unported",
                    t.id
                ));
            } else if !used && !said {
                out.push(format!(
                    "data/{rel}: [[threat]] id {:?}: variant {v:?} has no use naming it and no `unported` reason",
                    t.id
                ));
            }
        }
    }
    for e in &f.exposure {
        let mut prose = vec![
            p("service", &e.service, false),
            p("incident", &e.incident, true),
        ];
        prose.extend(e.advice.iter().map(|a| p("advice", a, false)));
        check(out, "exposure", &e.id, prose, &e.sources);
    }
    for u in &f.unofficial {
        let prose = vec![
            p("software", &u.software, false),
            p("summary", &u.summary, true),
        ];
        check(out, "unofficial", &u.id, prose, &u.sources);
    }
    for r in &f.range {
        let prose = vec![p("name", &r.name, false), p("detail", &r.detail, true)];
        check(out, "range", &r.id, prose, &r.sources);
    }
}

fn quality_entry(prose: &[Prose], sources: &[Source], policy: &Policy) -> Vec<String> {
    let mut out = Vec::new();
    let mut cited = vec![false; sources.len()];
    for p in prose {
        for g in marker_groups(p.text) {
            for &n in &g {
                if let Some(c) = n.checked_sub(1).and_then(|i| cited.get_mut(i)) {
                    *c = true;
                }
            }
            if !g.is_sorted() || g.windows(2).any(|w| w[0] == w[1]) {
                let written: String = g.iter().map(|n| format!("[{n}]")).collect();
                let mut want = g.clone();
                want.sort_unstable();
                want.dedup();
                let want: String = want.iter().map(|n| format!("[{n}]")).collect();
                out.push(format!(
                    "`{}` has markers {written} out of order: write {want}",
                    p.field
                ));
            }
        }
        if p.factual {
            for s in sentences(p.text) {
                if marker_groups(s).is_empty() {
                    out.push(format!(
                        "`{}` has a sentence with no footnote marker: {s:?}",
                        p.field
                    ));
                }
            }
        }
    }
    for (i, s) in sources.iter().enumerate() {
        if !cited[i] {
            out.push(format!(
                "source [{}] {:?} is cited by no marker: cite it where it supports a claim, or drop it",
                i + 1,
                s.url
            ));
        }
        let Some(host) = url_host(&s.url) else {
            continue;
        };
        if let Some(r) = policy.refusal(&host) {
            out.push(format!(
                "source {:?} is on a refused host ({}: {}); cite where the fact originates",
                s.url, r.host, r.reason
            ));
        } else if policy.is_code_host(&host) && s.origin.is_none() {
            out.push(format!(
                "source {:?} is a code-hosting repository: add `origin` saying why it is where the fact originates",
                s.url
            ));
        }
        if s.origin.as_deref().is_some_and(|o| o.trim().is_empty()) {
            out.push(format!("source {:?} has an empty `origin`", s.url));
        }
    }
    out
}
