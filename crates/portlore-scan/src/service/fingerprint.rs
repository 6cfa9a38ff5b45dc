//! Fingerprints as data: regular expressions over one field of an answer (the SSH
//! software string, an HTTP Server header, an FTP greeting) that name the product, its
//! version and CPE. portlore ships its own in `data/fingerprints/*.toml`, compiled in;
//! users may add Rapid7 Recog XML files from a directory (`--fingerprints DIR`).
//!
//! Both formats become the same [`Fingerprint`]: a pattern, parameters taken from
//! capture groups or fixed values (with `{name}` interpolation), and examples that are
//! tests. Recog's patterns are Ruby regular expressions; Ruby's `^` and `$` always match
//! at line boundaries, its `m` flag (`REG_DOT_NEWLINE`, `REG_MULTILINE`) lets `.` match a
//! newline, and `i` (`REG_ICASE`) ignores case. The mapping to the `regex` crate is the
//! one Recog's other implementations make: `(?m)` always, `(?s)` and `(?i)` by flag,
//! and ASCII character classes over bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use regex::bytes::{Regex, RegexBuilder};
use serde::Deserialize;

/// Where a fingerprint comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// portlore's own `data/fingerprints`.
    Portlore,
    /// A Recog XML file the user pointed at.
    Recog,
}

/// One parameter a match sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Recog's name: `service.product`, `service.version`, `service.cpe23`, `os.product`.
    pub name: String,
    /// 0 for a fixed value, else the capture group.
    pub pos: usize,
    /// The fixed value (may hold `{other.param}`).
    pub value: Option<String>,
}

/// An example: input text and the parameters it must yield.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The input.
    pub text: Vec<u8>,
    /// Expected parameters.
    pub expect: BTreeMap<String, String>,
}

/// A compiled fingerprint.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    /// Where it comes from.
    pub origin: Origin,
    /// `file:index`, for evidence.
    pub id: String,
    /// The field it reads (`ssh.banner`, `http_header.server`).
    pub matches: String,
    /// The description.
    pub description: String,
    /// The compiled pattern.
    pub regex: Regex,
    /// Parameters.
    pub params: Vec<Param>,
    /// Examples.
    pub examples: Vec<Example>,
}

/// What a match yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// The fingerprint's id.
    pub id: String,
    /// Every parameter set.
    pub params: BTreeMap<String, String>,
}

impl Identity {
    /// A parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Why a fingerprint file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum FingerprintError {
    /// Unreadable file.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Not valid TOML or XML of the expected shape.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A pattern that does not compile.
    #[error("{id}: pattern does not compile: {message}")]
    Pattern {
        /// The fingerprint.
        id: String,
        /// The compiler's message.
        message: String,
    },
}

/// Ruby's `.` matches one character of a UTF-8 string, or one byte of a binary one.
/// Outside character classes, each unescaped `.` becomes "a UTF-8 character, else any
/// byte", so both kinds of input behave as in Ruby.
fn ruby_dots(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' => {
                in_class += 1;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal.
                let rest = chars.as_str();
                if let Some(r) = rest.strip_prefix("^]") {
                    out.push_str("^]");
                    chars = r.chars();
                } else if let Some(r) = rest.strip_prefix(']') {
                    out.push(']');
                    chars = r.chars();
                }
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            '.' if in_class == 0 => out.push_str("(?:(?u:.)|(?-u:.))"),
            c => out.push(c),
        }
    }
    out
}

fn compile(id: &str, pattern: &str, icase: bool, dotall: bool) -> Result<Regex, FingerprintError> {
    RegexBuilder::new(&ruby_dots(pattern))
        .multi_line(true)
        .case_insensitive(icase)
        .dot_matches_new_line(dotall)
        // Ruby's \d, \w and \s are ASCII, `.` takes any byte and `\xff` is a byte: the
        // regex crate's bytes mode without Unicode behaves the same.
        .unicode(false)
        .size_limit(1 << 23)
        .build()
        .map_err(|e| FingerprintError::Pattern {
            id: id.to_string(),
            message: e.to_string().lines().last().unwrap_or("").to_string(),
        })
}

impl Fingerprint {
    /// Matches `text`; the parameters when it matches.
    pub fn apply(&self, text: &[u8]) -> Option<Identity> {
        let caps = self.regex.captures(text)?;
        let mut params = BTreeMap::new();
        for p in self.params.iter().filter(|p| p.pos > 0) {
            if let Some(m) = caps.get(p.pos) {
                params.insert(
                    p.name.clone(),
                    String::from_utf8_lossy(m.as_bytes()).into_owned(),
                );
            }
        }
        for p in self.params.iter().filter(|p| p.pos == 0) {
            let value = p.value.clone().unwrap_or_default();
            params.insert(p.name.clone(), value);
        }
        // Interpolate `{name}` in fixed values once every captured value is known.
        let snapshot = params.clone();
        for v in params.values_mut() {
            while let Some(start) = v.find('{') {
                let Some(len) = v[start..].find('}') else {
                    break;
                };
                let key = &v[start + 1..start + len];
                let with = snapshot.get(key).cloned().unwrap_or_else(|| "-".into());
                v.replace_range(start..start + len + 1, &with);
            }
        }
        Some(Identity {
            id: self.id.clone(),
            params,
        })
    }

    /// Checks every example; the first failure as a message.
    pub fn check_examples(&self) -> Result<(), String> {
        for ex in &self.examples {
            let got = self.apply(&ex.text).ok_or_else(|| {
                format!(
                    "{}: example {:?} does not match",
                    self.id,
                    String::from_utf8_lossy(&ex.text)
                )
            })?;
            for (k, want) in &ex.expect {
                if got.params.get(k) != Some(want) {
                    return Err(format!(
                        "{}: example {:?}: {k} is {:?}, expected {want:?}",
                        self.id,
                        String::from_utf8_lossy(&ex.text),
                        got.params.get(k)
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A set of fingerprints, grouped by field.
#[derive(Debug, Clone, Default)]
pub struct Fingerprints {
    by_field: BTreeMap<String, Vec<Fingerprint>>,
}

impl Fingerprints {
    /// portlore's own fingerprints (compiled into the binary).
    pub fn builtin() -> Fingerprints {
        let mut set = Fingerprints::default();
        for (name, text) in BUILTIN {
            // Every built-in file is checked by the tests; a broken one is skipped here
            // rather than stopping a scan.
            if let Ok(list) = parse_toml(Path::new(name), text) {
                set.extend(list);
            }
        }
        set
    }

    /// Adds fingerprints.
    pub fn extend(&mut self, list: Vec<Fingerprint>) {
        for f in list {
            self.by_field.entry(f.matches.clone()).or_default().push(f);
        }
    }

    /// Loads every `*.xml` (Recog) and `*.toml` (portlore) file of `dir`.
    pub fn load_dir(&mut self, dir: &Path) -> Result<usize, FingerprintError> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| FingerprintError::Read {
                path: p.to_path_buf(),
                source,
            })
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| FingerprintError::Read {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        let mut n = 0;
        for path in entries {
            let list = match path.extension().and_then(|e| e.to_str()) {
                Some("xml") => parse_recog(&path, &read(&path)?)?,
                Some("toml") => parse_toml(&path, &read(&path)?)?,
                _ => continue,
            };
            n += list.len();
            self.extend(list);
        }
        Ok(n)
    }

    /// The first fingerprint of `field` that matches `text`, portlore's own first.
    pub fn identify(&self, field: &str, text: &[u8]) -> Option<Identity> {
        let list = self.by_field.get(field)?;
        list.iter()
            .filter(|f| f.origin == Origin::Portlore)
            .chain(list.iter().filter(|f| f.origin == Origin::Recog))
            .find_map(|f| f.apply(text))
    }

    /// Every fingerprint.
    pub fn all(&self) -> impl Iterator<Item = &Fingerprint> {
        self.by_field.values().flatten()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.by_field.values().map(Vec::len).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// portlore's own fingerprint files.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "ssh.toml",
        include_str!("../../../../data/fingerprints/ssh.toml"),
    ),
    (
        "http.toml",
        include_str!("../../../../data/fingerprints/http.toml"),
    ),
    (
        "mail.toml",
        include_str!("../../../../data/fingerprints/mail.toml"),
    ),
    (
        "misc.toml",
        include_str!("../../../../data/fingerprints/misc.toml"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    fingerprint: Vec<TomlFingerprint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFingerprint {
    matches: String,
    pattern: String,
    description: String,
    #[serde(default)]
    icase: bool,
    /// Fixed values or `{N}` for capture group N, by Recog parameter name.
    params: BTreeMap<String, String>,
    example: Vec<TomlExample>,
}

/// `text` and the parameters expected (flattened, so no unknown-field check here).
#[derive(Deserialize)]
struct TomlExample {
    text: String,
    #[serde(flatten)]
    expect: BTreeMap<String, String>,
}

/// Parses portlore's TOML fingerprint format (see `data/fingerprints/README.md`).
pub fn parse_toml(path: &Path, text: &str) -> Result<Vec<Fingerprint>, FingerprintError> {
    let file: TomlFile = toml::from_str(text).map_err(|e| FingerprintError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
    file.fingerprint
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let id = format!("portlore:{stem}:{}", i + 1);
            let params = f
                .params
                .into_iter()
                .map(|(name, v)| {
                    let group = v
                        .strip_prefix('{')
                        .and_then(|r| r.strip_suffix('}'))
                        .and_then(|n| n.parse::<usize>().ok());
                    match group {
                        Some(pos) => Param {
                            name,
                            pos,
                            value: None,
                        },
                        None => Param {
                            name,
                            pos: 0,
                            value: Some(v),
                        },
                    }
                })
                .collect();
            Ok(Fingerprint {
                origin: Origin::Portlore,
                regex: compile(&id, &f.pattern, f.icase, false)?,
                id,
                matches: f.matches,
                description: f.description,
                params,
                examples: f
                    .example
                    .into_iter()
                    .map(|e| Example {
                        text: e.text.into_bytes(),
                        expect: e.expect,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// Parses a Recog XML file.
pub fn parse_recog(path: &Path, text: &str) -> Result<Vec<Fingerprint>, FingerprintError> {
    let bad = |message: String| FingerprintError::Parse {
        path: path.to_path_buf(),
        message,
    };
    let doc = roxmltree::Document::parse(text).map_err(|e| bad(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "fingerprints" {
        return Err(bad("not a Recog file: no <fingerprints> root".into()));
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
    let matches = root
        .attribute("matches")
        .or_else(|| root.attribute("protocol"))
        .unwrap_or(stem)
        .to_string();
    let mut out = Vec::new();
    for (i, fp) in root
        .children()
        .filter(|n| n.has_tag_name("fingerprint"))
        .enumerate()
    {
        let id = format!("recog:{stem}:{}", i + 1);
        let pattern = fp
            .attribute("pattern")
            .ok_or_else(|| bad(format!("{id}: no pattern")))?;
        let flags = fp.attribute("flags").unwrap_or("");
        let icase = flags.contains("REG_ICASE");
        let dotall = flags.contains("REG_DOT_NEWLINE") || flags.contains("REG_MULTILINE");
        let regex = compile(&id, pattern, icase, dotall)?;
        let mut params = Vec::new();
        let mut examples = Vec::new();
        let mut description = String::new();
        for child in fp.children().filter(|n| n.is_element()) {
            match child.tag_name().name() {
                "description" => description = child.text().unwrap_or("").trim().to_string(),
                "param" => params.push(Param {
                    name: child.attribute("name").unwrap_or("").to_string(),
                    pos: child
                        .attribute("pos")
                        .and_then(|p| p.parse().ok())
                        .unwrap_or(0),
                    value: child.attribute("value").map(String::from),
                }),
                "example" => {
                    let raw = child.text().unwrap_or("");
                    let text = match child.attribute("_encoding") {
                        Some("base64") => base64::engine::general_purpose::STANDARD
                            .decode(raw.split_whitespace().collect::<String>())
                            .map_err(|e| bad(format!("{id}: example: {e}")))?,
                        _ => raw.as_bytes().to_vec(),
                    };
                    let expect = child
                        .attributes()
                        .filter(|a| !a.name().starts_with('_'))
                        .map(|a| (a.name().to_string(), a.value().to_string()))
                        .collect();
                    examples.push(Example { text, expect });
                }
                _ => {}
            }
        }
        out.push(Fingerprint {
            origin: Origin::Recog,
            id,
            matches: matches.clone(),
            description,
            regex,
            params,
            examples,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_fingerprint_compiles_and_passes_its_examples() {
        let mut total = 0;
        for (name, text) in BUILTIN {
            let list = parse_toml(Path::new(name), text).unwrap_or_else(|e| panic!("{e}"));
            for f in &list {
                assert!(!f.examples.is_empty(), "{}: no example", f.id);
                f.check_examples().unwrap_or_else(|e| panic!("{e}"));
            }
            total += list.len();
        }
        assert_eq!(Fingerprints::builtin().len(), total);
        assert!(total >= 30, "{total}");
    }

    #[test]
    fn recog_semantics_line_anchors_and_flags() {
        let xml = r#"<fingerprints matches="x.banner">
          <fingerprint pattern="^Foo (\d+)$" flags="REG_ICASE">
            <description>d</description>
            <example service.version="12">first line
FOO 12
last</example>
            <param pos="0" name="service.product" value="Foo"/>
            <param pos="1" name="service.version"/>
            <param pos="0" name="service.cpe23" value="cpe:/a:foo:foo:{service.version}"/>
          </fingerprint>
          <fingerprint pattern="a.b" flags="REG_DOT_NEWLINE">
            <description>dot</description>
            <example _encoding="base64">YQpi</example>
          </fingerprint>
        </fingerprints>"#;
        let list = parse_recog(Path::new("t.xml"), xml).unwrap();
        for f in &list {
            f.check_examples().unwrap();
        }
        let id = list[0].apply(b"x\nfoo 7\n").unwrap();
        assert_eq!(id.get("service.cpe23"), Some("cpe:/a:foo:foo:7"));
        assert!(list[1].apply(b"a\nb").is_some());
        assert!(list[1].apply("a·b".as_bytes()).is_some());
        assert!(list[1].apply(b"a\xffb").is_some());
        assert_eq!(ruby_dots(r"a.[.\]]\.b"), r"a(?:(?u:.)|(?-u:.))[.\]]\.b");
        assert!(parse_recog(Path::new("t.xml"), "<nope/>").is_err());
        let broken = r#"<fingerprints matches="x"><fingerprint pattern="(("/></fingerprints>"#;
        assert!(matches!(
            parse_recog(Path::new("t.xml"), broken),
            Err(FingerprintError::Pattern { .. })
        ));
    }
}
