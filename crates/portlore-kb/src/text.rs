//! Tokenising for the search index and for queries, shared so both agree.

/// Words too common in the registry to help a search.
const STOP: &[&str] = &[
    "a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with", "by", "inc", "ltd",
];

/// Lowercase alphanumeric words of at least two characters, without stop words. A
/// hyphenated service name also yields its parts (`jt400-ssl` → `jt400-ssl`, `jt400`, `ssl`).
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || ",;:()[]{}\"'/<>!?*".contains(c)) {
        let word = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if word.is_empty() {
            continue;
        }
        if word.contains(['-', '.', '_', '+']) {
            out.extend(
                word.split(['-', '.', '_', '+'])
                    .filter(|p| p.len() >= 2)
                    .map(str::to_string),
            );
        }
        if word.chars().count() >= 2 && !STOP.contains(&word.as_str()) {
            out.push(word);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn splits_service_names_and_prose() {
        assert_eq!(tokens("jt400-ssl"), ["jt400", "jt400-ssl", "ssl"]);
        assert_eq!(
            tokens("The File Transfer (FTP)"),
            ["file", "ftp", "transfer"]
        );
        assert_eq!(tokens("cern.ch"), ["cern", "cern.ch", "ch"]);
    }
}
