use serde::Serialize;

/// An entry of the registry's `<people>` section, as published.
///
/// The e-mail address is reduced to its organisation's domain on read, so a full
/// address never leaves this crate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The registry's id for the person (`Frederic_Hemmer`).
    pub id: String,
    /// Full name, when given.
    pub name: Option<String>,
    /// Organisation, when given.
    pub org: Option<String>,
    /// The organisation's domain taken from the e-mail address (`ibm.com`).
    pub domain: Option<String>,
    /// Last update of the entry.
    pub updated: Option<String>,
}

impl Person {
    /// The party a reader is shown: name and organisation, never an address.
    pub fn party(&self) -> Party {
        Party {
            name: self.name.clone().or_else(|| {
                // Entries without <name> are organisations (IESG, 3GPP); their id is readable.
                self.org.is_none().then(|| readable_id(&self.id))
            }),
            organization: self.org.clone().or_else(|| self.domain.clone()),
        }
    }
}

/// Who holds or answers for an assignment, as shown to a reader.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Party {
    /// A person's name, or an organisation's when it has no separate name.
    pub name: Option<String>,
    /// The organisation: `<org>` when present, else the e-mail domain.
    pub organization: Option<String>,
}

impl Party {
    /// A party known only by its registry id (the CSV form has no `<people>`).
    pub fn from_id(id: &str) -> Party {
        Party {
            name: Some(readable_id(id)),
            organization: None,
        }
    }
}

fn readable_id(id: &str) -> String {
    id.trim_start_matches('_').replace('_', " ")
}

/// Second-level labels under country domains that are not organisations themselves
/// (`ac.uk`, `co.jp`), so the organisation is one label further left.
const SHARED_SECOND_LEVEL: &[&str] = &[
    "ac", "co", "com", "edu", "gov", "net", "org", "or", "ne", "go", "gr", "ad", "lg", "mil",
];

/// Reduces an e-mail address (`x&us.ibm.com`, as IANA writes it) to the organisation's
/// domain (`ibm.com`).
pub(crate) fn org_domain(uri: &str) -> Option<String> {
    let addr = uri.strip_prefix("mailto:").unwrap_or(uri);
    let (_, host) = addr.rsplit_once(['&', '@'])?;
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return None;
    }
    let tld = labels[labels.len() - 1];
    let second = labels[labels.len() - 2];
    let keep = if tld.len() == 2 && SHARED_SECOND_LEVEL.contains(&second) && labels.len() >= 3 {
        3
    } else {
        2
    };
    Some(labels[labels.len() - keep..].join("."))
}

#[cfg(test)]
mod tests {
    use super::org_domain;

    #[test]
    fn domains_reduce_to_the_organisation() {
        assert_eq!(
            org_domain("mailto:cnock&us.ibm.com").as_deref(),
            Some("ibm.com")
        );
        assert_eq!(
            org_domain("mailto:Frederic.Hemmer&cern.ch").as_deref(),
            Some("cern.ch")
        );
        assert_eq!(
            org_domain("mailto:a&cs.ucl.ac.uk").as_deref(),
            Some("ucl.ac.uk")
        );
        assert_eq!(
            org_domain("mailto:a@b.example.co.jp").as_deref(),
            Some("example.co.jp")
        );
        assert_eq!(org_domain("https://example.com/x"), None);
        assert_eq!(org_domain("mailto:nobody"), None);
    }
}
