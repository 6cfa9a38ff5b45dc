//! Error pages: what was wrong, and the forms that work.

use askama::Template;

use super::{BadInput, Chrome, MAX_QUERY_CHARS, Renderer, render_template};
use crate::i18n::{Arg, Lang};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    c: Chrome,
    heading: String,
    message: String,
    forms: String,
    examples: Vec<(String, String)>,
}

/// Shortens what a client sent before it is shown back (it is escaped by the template).
fn shown(input: &str) -> String {
    let mut s: String = input.chars().take(40).collect();
    if input.chars().count() > 40 {
        s.push('…');
    }
    s
}

pub(super) fn error_page(r: &Renderer, lang: Lang, bad: &BadInput, status: u16) -> String {
    let t = lang.tr();
    let l = lang.code();
    let heading = t.t(if status == 404 {
        "err-404-title"
    } else {
        "err-400-title"
    });
    let (message, forms) = match bad {
        BadInput::Port(p) => (
            if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) {
                t.s("err-port-range", "input", &shown(p))
            } else {
                t.s("err-port-form", "input", &shown(p))
            },
            t.s("err-port-forms", "lang", l),
        ),
        BadInput::Block(b) => (
            t.s("err-block", "input", &shown(b)),
            t.s("err-block-forms", "lang", l),
        ),
        BadInput::Language(x) => (
            t.s("err-lang", "input", &shown(x)),
            t.s(
                "err-lang-forms",
                "langs",
                &Lang::ALL.map(Lang::code).join(", "),
            ),
        ),
        BadInput::Query => (
            t.with("err-query", &[("max", Arg::Num(MAX_QUERY_CHARS as i64))]),
            t.s("err-query-forms", "lang", l),
        ),
        BadInput::Encoding => (t.t("err-encoding"), t.s("err-port-forms", "lang", l)),
        BadInput::NotFound(_) => (t.t("err-notfound"), t.s("err-port-forms", "lang", l)),
    };
    // Shown at whatever address was asked for, so its links start at the root; it
    // has no useful translations of its own address.
    let c = r.chrome(lang, heading.clone(), "/").rooted();
    let examples = vec![
        (c.home(), t.t("nav-home")),
        (c.port(3147), t.n("title-port", "port", &3147u16)),
        (c.page("/search?q=rfio"), t.s("search-title-q", "q", "rfio")),
        (c.ports_index(), t.t("nav-ports")),
    ];
    render_template(&ErrorPage {
        c,
        heading,
        message,
        forms,
        examples,
    })
}

/// The 503 page shown when the registry store fails its integrity check: no answer
/// rather than a wrong one. It names neither the file nor the damage, which are for the
/// operator's log, not the public.
pub(super) fn unavailable_page(r: &Renderer, lang: Lang) -> String {
    let l = lang.code();
    let mut c = r.chrome(lang, "Registry data unavailable".into(), "/");
    c.noindex = true;
    render_template(&ErrorPage {
        c,
        heading: "Registry data unavailable".into(),
        message: "The IANA registry data on this server failed its integrity check, so \
                  no answer is shown rather than a possibly wrong one."
            .into(),
        forms: "The site's operator has to replace it with `portlore update --force`; \
                please try again later."
            .into(),
        examples: vec![(format!("/{l}/"), lang.tr().t("nav-home"))],
    })
}
