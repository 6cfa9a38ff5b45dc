//! Every locale has every message, and no page shows a missing key or isolation marks.

use portlore_web::Lang;
use portlore_web::i18n::{ftl_source, message_ids};

use crate::support::get;

#[test]
fn every_locale_has_exactly_the_english_keys() {
    let en: Vec<&str> = message_ids(ftl_source(Lang::En));
    assert!(en.len() > 100, "{} keys", en.len());
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let ids = message_ids(ftl_source(lang));
        for key in &en {
            if !ids.contains(key) {
                problems.push(format!("{lang}: missing {key}"));
            }
            if !lang.tr().has(key) {
                problems.push(format!("{lang}: {key} does not load"));
            }
        }
        for key in &ids {
            if !en.contains(key) {
                problems.push(format!("{lang}: extra {key}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn pages_in_every_language_have_no_missing_keys() {
    let uris = [
        "/ports/3147",
        "/ports/22",
        "/ports/0",
        "/ports/50000",
        "/ports/7147",
        "/",
        "/ports/",
        "/blocks/12",
        "/search?q=rfio",
        "/search?q=zzzzqqq",
        "/search",
        "/recent",
        "/ports/abc",
        "/ports/70000",
        "/blocks/999",
        "/nope",
    ];
    for lang in Lang::ALL {
        for uri in uris {
            let uri = format!("/{}{uri}", lang.code());
            let page = get(&uri).await.text();
            assert!(
                !page.contains('⟦'),
                "{uri}: missing key: {}",
                &page[page.find('⟦').unwrap()..][..60]
            );
            assert!(
                !page.contains('\u{2068}') && !page.contains('\u{2069}'),
                "{uri}: isolation marks"
            );
            assert!(
                page.contains(&format!("<html lang=\"{}\">", lang.code())),
                "{uri}"
            );
        }
    }
}

#[tokio::test]
async fn french_page_is_in_french() {
    let page = get("/fr/ports/3147").await.text();
    for phrase in [
        "Registre de l'IANA",
        "Vérifiez vous-même",
        "Pourquoi c'est important",
        "Cette page vous a-t-elle été utile ?",
        "Ports enregistrés",
    ] {
        assert!(page.contains(&phrase.replace('\'', "&#39;")), "{phrase}");
    }
    let page = get("/ro/ports/3147").await.text();
    assert!(page.contains("A fost utilă această pagină?"));
}
