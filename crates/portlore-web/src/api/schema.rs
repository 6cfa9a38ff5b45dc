//! OpenAPI schemas of the knowledge types the API returns. portlore-kb serialises
//! them itself; these mirrors only describe that JSON, and the schemathesis run in CI
//! checks that the two agree.
#![allow(dead_code)] // fields exist to be described, never built

use utoipa::ToSchema;

/// A transport protocol.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum Transport {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
    /// SCTP.
    Sctp,
    /// DCCP.
    Dccp,
}

/// IANA status of a record.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum Status {
    /// Assigned.
    Assigned,
    /// Reserved.
    Reserved,
    /// Unassigned.
    Unassigned,
    /// Anything else the registry says.
    Other,
}

/// RFC 6335 range class.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum RangeClass {
    /// 0–1023.
    System,
    /// 1024–49151.
    User,
    /// 49152–65535.
    Dynamic,
}

/// An inclusive port range.
#[derive(ToSchema)]
pub struct PortRange {
    /// First port.
    #[schema(minimum = 0, maximum = 65535)]
    pub start: u16,
    /// Last port, inclusive.
    #[schema(minimum = 0, maximum = 65535)]
    pub end: u16,
}

/// A holder or contact: a name and organisation, never an address.
#[derive(ToSchema)]
pub struct Party {
    /// Name.
    pub name: Option<String>,
    /// Organisation.
    pub organization: Option<String>,
}

/// A reference of a record.
#[derive(ToSchema)]
pub struct Reference {
    /// `rfc`, `draft`, `uri` or `text`.
    pub kind: String,
    /// The reference.
    pub id: String,
    /// Where to read it.
    pub url: Option<String>,
}

/// One IANA registry record.
#[derive(ToSchema)]
pub struct Assignment {
    /// Service name.
    pub service: Option<String>,
    /// Transport; absent when the record covers all.
    pub transport: Option<Transport>,
    /// Ports covered.
    pub ports: Option<PortRange>,
    /// Status.
    pub status: Status,
    /// Description.
    pub description: String,
    /// Assignees.
    pub assignee: Vec<Party>,
    /// Contacts.
    pub contact: Vec<Party>,
    /// Registration date.
    pub registered: Option<String>,
    /// Modification date.
    pub modified: Option<String>,
    /// References.
    pub references: Vec<Reference>,
    /// Notes.
    pub notes: Vec<String>,
    /// Reported unauthorised use.
    pub unauthorized: Option<String>,
    /// DCCP service code.
    pub service_code: Option<String>,
}

/// What a port's range class implies.
#[derive(ToSchema)]
pub struct RangeInfo {
    /// Class.
    pub class: RangeClass,
    /// Ports of the class.
    pub span: PortRange,
    /// Binding needs privileges on Unix-like systems.
    pub privileged_on_unix: bool,
    /// IANA assigns ports in the class.
    pub iana_assigns: bool,
    /// Systems whose default ephemeral range holds the port.
    pub ephemeral_on: Vec<String>,
}

/// The registry's provenance.
#[derive(ToSchema)]
pub struct RegistryMeta {
    /// The registry's "updated" date.
    pub updated: Option<String>,
    /// Record count.
    pub records: u32,
    /// Where it was loaded from.
    pub path: Option<String>,
}

/// A cited source.
#[derive(ToSchema)]
pub struct Source {
    /// URL.
    pub url: String,
    /// Title.
    pub title: String,
    /// Date checked.
    pub checked: String,
}

/// A curated note.
#[derive(ToSchema)]
pub struct NoteFact {
    /// Id.
    pub id: String,
    /// Ports.
    pub ports: Vec<PortRange>,
    /// Transports.
    pub transports: Vec<Transport>,
    /// IANA service the note is about.
    pub iana_service: Option<String>,
    /// Title.
    pub title: String,
    /// Status.
    pub status: String,
    /// Maker.
    pub made_by: Option<String>,
    /// Summary.
    pub summary: String,
    /// Today.
    pub today: Option<String>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// A threat family's use of a port.
#[derive(ToSchema)]
pub struct ThreatUse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Variants.
    pub variants: Vec<String>,
    /// Year first seen.
    pub year: u16,
    /// Kind.
    pub kind: String,
    /// Summary.
    pub summary: String,
    /// Ports.
    pub ports: PortRange,
    /// Transports.
    pub transports: Vec<Transport>,
    /// Role.
    pub role: String,
    /// Detail.
    pub detail: String,
    /// Sources.
    pub sources: Vec<Source>,
}

/// A service that must not face the internet.
#[derive(ToSchema)]
pub struct ExposureFact {
    /// Id.
    pub id: String,
    /// Service.
    pub service: String,
    /// Ports.
    pub ports: Vec<PortRange>,
    /// Transports.
    pub transports: Vec<Transport>,
    /// Severity.
    pub severity: String,
    /// Incident.
    pub incident: String,
    /// Advice.
    pub advice: Vec<String>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// An unofficial use.
#[derive(ToSchema)]
pub struct UnofficialFact {
    /// Id.
    pub id: String,
    /// Software.
    pub software: String,
    /// Ports.
    pub ports: Vec<PortRange>,
    /// Transports.
    pub transports: Vec<Transport>,
    /// Summary.
    pub summary: String,
    /// Sources.
    pub sources: Vec<Source>,
}

/// A curated range fact.
#[derive(ToSchema)]
pub struct RangeFact {
    /// Id.
    pub id: String,
    /// `iana` or `ephemeral`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Ranges.
    pub ports: Vec<PortRange>,
    /// Detail.
    pub detail: String,
    /// Sources.
    pub sources: Vec<Source>,
}

/// Curated facts about a port.
#[derive(ToSchema)]
pub struct CuratedFacts {
    /// Notes.
    pub notes: Vec<NoteFact>,
    /// Threats.
    pub threats: Vec<ThreatUse>,
    /// Exposure.
    pub exposure: Vec<ExposureFact>,
    /// Unofficial uses.
    pub unofficial: Vec<UnofficialFact>,
    /// Range facts.
    pub ranges: Vec<RangeFact>,
}

/// A related port.
#[derive(ToSchema)]
pub struct RelatedPort {
    /// Ports.
    pub ports: PortRange,
    /// Transport.
    pub transport: Option<Transport>,
    /// Service.
    pub service: Option<String>,
    /// Relation.
    pub relation: String,
}

/// Commands to see what listens on the port.
#[derive(ToSchema)]
pub struct CheckCommands {
    /// Linux.
    pub linux: Vec<String>,
    /// macOS.
    pub macos: Vec<String>,
    /// Windows.
    pub windows: Vec<String>,
    /// From another machine.
    pub network: Vec<String>,
    /// portlore.
    pub portlore: Vec<String>,
}

/// Everything known about one port, every transport.
#[derive(ToSchema)]
pub struct PortInfo {
    /// The port.
    #[schema(minimum = 0, maximum = 65535)]
    pub port: u16,
    /// Range class.
    pub range: RangeInfo,
    /// Registry records, every transport.
    pub assignments: Vec<Assignment>,
    /// Registry provenance; null without a registry.
    pub registry: Option<RegistryMeta>,
    /// Curated facts.
    pub curated: CuratedFacts,
    /// Related ports.
    pub related: Vec<RelatedPort>,
    /// Check commands.
    pub check: CheckCommands,
}

/// A search hit.
#[derive(ToSchema)]
pub struct SearchHit {
    /// `service`, `threat`, `unofficial` or `note`.
    pub kind: String,
    /// IANA service name.
    pub service: Option<String>,
    /// Title.
    pub title: String,
    /// Ports.
    pub ports: Vec<PortRange>,
    /// Transports.
    pub transports: Vec<Transport>,
    /// Relevance.
    pub score: f32,
}

/// A language the site serves (kept equal to `crate::Lang::ALL` by a unit test).
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum SiteLang {
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Italian.
    It,
    /// Romanian.
    Ro,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// Japanese.
    Ja,
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    #[test]
    fn site_lang_schema_lists_exactly_the_site_languages() {
        let json = serde_json::to_value(super::SiteLang::schema()).unwrap();
        let mut listed: Vec<String> = json["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let mut site: Vec<String> = crate::Lang::ALL
            .iter()
            .map(|l| l.code().to_string())
            .collect();
        listed.sort();
        site.sort();
        assert_eq!(listed, site);
    }
}
