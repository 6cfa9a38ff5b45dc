//! The ten site languages, their Fluent messages, and `Accept-Language` negotiation.
//!
//! Lookups never fall back silently: a key missing from a locale renders as
//! `⟦key⟧` so that the locale test (which walks every key of every locale) and a
//! reader both see it, instead of English text leaking into a French page.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::FluentValue;
use rustc_hash::FxHashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without this, Fluent wraps every argument in U+2068/U+2069 isolation marks,
        // which then show up in titles, URLs and copied commands.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A site language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
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

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 10] = [
        Lang::En,
        Lang::Fr,
        Lang::De,
        Lang::Es,
        Lang::Pt,
        Lang::It,
        Lang::Ro,
        Lang::Ru,
        Lang::Uk,
        Lang::Ja,
    ];

    /// The code used in URLs and `lang` attributes (`fr`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::It => "it",
            Lang::Ro => "ro",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::Es => "Español",
            Lang::Pt => "Português",
            Lang::It => "Italiano",
            Lang::Ro => "Română",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
            Lang::Ja => "日本語",
        }
    }

    /// The language for an exact URL code; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Parses a list such as `en,fr` (the export's `--lang`).
    pub fn parse_list(list: &str) -> Result<Vec<Lang>, String> {
        let mut out = Vec::new();
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let lang = Lang::from_code(&code.to_ascii_lowercase()).ok_or_else(|| {
                format!(
                    "unknown language {code:?}; expected some of {}",
                    Lang::ALL.map(Lang::code).join(",")
                )
            })?;
            if !out.contains(&lang) {
                out.push(lang);
            }
        }
        if out.is_empty() {
            return Err("no language given".into());
        }
        Ok(out)
    }

    fn langid(self) -> &'static LanguageIdentifier {
        static IDS: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
        let ids = IDS.get_or_init(|| {
            Lang::ALL
                .iter()
                .map(|l| l.code().parse().expect("static language codes parse"))
                .collect()
        });
        &ids[self as usize]
    }

    /// The translator for this language.
    pub fn tr(self) -> Tr {
        Tr { lang: self }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Looks up messages in one language. Cheap to copy; templates call it directly.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    lang: Lang,
}

/// A message argument.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Text.
    Str(&'a str),
    /// A number (selects plural forms).
    Num(i64),
}

impl From<&'static str> for Arg<'static> {
    fn from(s: &'static str) -> Self {
        Arg::Str(s)
    }
}

impl Tr {
    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.text(key).into_owned()
    }

    /// A message without arguments, borrowed from the language's table when it is
    /// there: the templates' form, which spares a copy of every label they write.
    pub fn text(&self, key: &str) -> Cow<'static, str> {
        match plain_messages(self.lang).get(key) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(self.lookup(key, None)),
        }
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: Arg<'_>) -> String {
        self.with(key, &[(name, value)])
    }

    /// A message with arguments.
    pub fn with(&self, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
        // Text arguments are borrowed, not copied: Fluent only reads them.
        let map: HashMap<&str, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Arg::Str(s) => FluentValue::from(*s),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (*k, v)
            })
            .collect();
        self.lookup(key, Some(&map))
    }

    /// A message with one numeric argument (helper for templates).
    pub fn n<N: Copy + Into<i64>>(&self, key: &str, name: &'static str, value: &N) -> String {
        self.with(key, &[(name, Arg::Num((*value).into()))])
    }

    /// A message with one text argument (helper for templates).
    pub fn s(&self, key: &str, name: &'static str, value: &str) -> String {
        self.with(key, &[(name, Arg::Str(value))])
    }

    fn lookup(&self, key: &str, args: Option<&HashMap<&str, FluentValue>>) -> String {
        LOCALES
            .lookup_single_language(self.lang.langid(), key, args)
            .unwrap_or_else(|_| format!("⟦{key}⟧"))
    }

    /// Whether the locale has the message (for the locale tests).
    pub fn has(&self, key: &str) -> bool {
        // Messages with variables only format cleanly when given them; numbers fit
        // every variable (and select the plural branches).
        let en = ftl_source(Lang::En);
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        for part in en.split("{ $").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            args.insert(Cow::Owned(name), FluentValue::from(2));
        }
        LOCALES
            .lookup_single_language(self.lang.langid(), key, Some(&args))
            .is_ok()
    }
}

/// Every message of a language that formats without arguments, formatted once.
///
/// A page asks for some fifty such messages (labels, headings, the frame), each the
/// same text every time; formatting them through Fluent on every request was a
/// quarter of a port page's rendering. Messages that need arguments, attributes and
/// missing keys are not here and go through Fluent as before.
fn plain_messages(lang: Lang) -> &'static FxHashMap<&'static str, String> {
    static PLAIN: [OnceLock<FxHashMap<&'static str, String>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    PLAIN[lang as usize].get_or_init(|| {
        message_ids(ftl_source(lang))
            .into_iter()
            .filter_map(|id| {
                let text = LOCALES
                    .lookup_single_language::<&str>(lang.langid(), id, None)
                    .ok()?;
                Some((id, text))
            })
            .collect()
    })
}

/// The source text of a locale's messages, for the missing-key test.
///
/// A locale is split by topic (`main.ftl` for the frame and shared words, `page.ftl` for
/// the port page, `site.ftl` for the other pages); the loader reads every file of a
/// locale's folder, and this joins them in the same way.
pub fn ftl_source(lang: Lang) -> &'static str {
    macro_rules! locale {
        ($dir:literal) => {
            concat!(
                include_str!(concat!("../locales/", $dir, "/main.ftl")),
                "\n",
                include_str!(concat!("../locales/", $dir, "/page.ftl")),
                "\n",
                include_str!(concat!("../locales/", $dir, "/site.ftl")),
            )
        };
    }
    match lang {
        Lang::En => locale!("en"),
        Lang::Fr => locale!("fr"),
        Lang::De => locale!("de"),
        Lang::Es => locale!("es"),
        Lang::Pt => locale!("pt"),
        Lang::It => locale!("it"),
        Lang::Ro => locale!("ro"),
        Lang::Ru => locale!("ru"),
        Lang::Uk => locale!("uk"),
        Lang::Ja => locale!("ja"),
    }
}

/// The message ids a locale defines (top-level `id =` lines).
pub fn message_ids(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

/// The best site language for an `Accept-Language` header; English when nothing fits.
///
/// Hostile headers are cheap: at most 32 entries of at most 64 bytes are looked at,
/// and anything that does not parse is skipped.
pub fn negotiate(header: Option<&str>) -> Lang {
    let Some(header) = header else {
        return Lang::En;
    };
    let mut best: Option<(f32, usize, Lang)> = None;
    for (i, item) in header.split(',').take(32).enumerate() {
        if item.len() > 64 {
            continue;
        }
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let mut q = 1.0f32;
        for p in parts {
            if let Some(v) = p.trim().strip_prefix("q=") {
                q = v
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| q.is_finite())
                    .unwrap_or(0.0);
            }
        }
        if q <= 0.0 || q > 1.0 {
            continue;
        }
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(lang) = Lang::from_code(&primary) else {
            continue;
        };
        // Higher q wins; on a tie, the earlier entry.
        if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
            best = Some((q, i, lang));
        }
    }
    best.map_or(Lang::En, |(_, _, l)| l)
}

/// The API describes a language as its URL code, listed from [`Lang::ALL`] so that the
/// schema can never disagree with the languages the site serves.
impl utoipa::PartialSchema for Lang {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Lang::ALL.map(Lang::code)))
            .description(Some("A language the site serves, by its code"))
            .into()
    }
}

impl utoipa::ToSchema for Lang {
    fn name() -> std::borrow::Cow<'static, str> {
        "SiteLang".into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_api_schema_lists_exactly_the_site_languages() {
        use utoipa::PartialSchema;
        let json = serde_json::to_value(Lang::schema()).unwrap();
        let listed: Vec<&str> = json["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(listed, Lang::ALL.map(Lang::code));
    }

    use super::*;

    #[test]
    fn negotiation_prefers_quality_then_order() {
        assert_eq!(negotiate(Some("fr-CH, fr;q=0.9, en;q=0.8")), Lang::Fr);
        assert_eq!(negotiate(Some("de;q=0.5, ja;q=0.7")), Lang::Ja);
        assert_eq!(negotiate(Some("xx, pt-BR")), Lang::Pt);
        assert_eq!(negotiate(Some("*")), Lang::En);
        assert_eq!(negotiate(Some("ru;q=NaN, uk;q=0.1")), Lang::Uk);
        assert_eq!(negotiate(Some("fr;q=0")), Lang::En);
        assert_eq!(negotiate(Some(";;;,,,q=1")), Lang::En);
        assert_eq!(negotiate(None), Lang::En);
    }

    #[test]
    fn language_lists_parse() {
        assert_eq!(
            Lang::parse_list("en, fr,en").unwrap(),
            vec![Lang::En, Lang::Fr]
        );
        assert!(Lang::parse_list("en,xx").is_err());
        assert!(Lang::parse_list("").is_err());
    }
}
