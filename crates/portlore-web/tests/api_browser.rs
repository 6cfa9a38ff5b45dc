//! Browser test of the vote widget: click a face on `/fr/ports/3147` in Debian's
//! headless Chromium (Playwright, `tests/browser/vote.mjs`), then find the vote in the
//! SQLite database. Skips with a reason without node, chromium or `npm ci`, except in
//! CI where it fails.

#[path = "api_support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use portlore_feedback::AggregateQuery;
use portlore_web::ServeOptions;
use portlore_web::api::ApiArgs;

fn skip_or_fail(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("browser vote test cannot run in CI: {reason}");
    }
    eprintln!("skipped: {reason}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicking_a_face_in_chromium_stores_the_vote() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Command::new("node").arg("--version").output().is_err() {
        return skip_or_fail("node is not installed");
    }
    if !Path::new(&chromium).exists() {
        return skip_or_fail("chromium is not installed (apt-get install chromium)");
    }
    if !dir.join("node_modules/playwright-core").exists() {
        return skip_or_fail("run `npm ci` in crates/portlore-web/tests/browser");
    }
    let data = tempfile::tempdir().unwrap();
    let api = support::sqlite_api(data.path(), ApiArgs::default()).await;
    let srv = support::serve(support::fixture_kb(), api, ServeOptions::default()).await;
    let base = format!("http://{}", srv.addr);
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg("vote.mjs")
            .current_dir(&dir)
            .env("BASE_URL", &base)
            .env("CHROMIUM", &chromium)
            .output()
            .expect("node runs")
    })
    .await
    .unwrap();
    eprintln!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "browser vote failed");
    let got = srv
        .store()
        .aggregates(&AggregateQuery {
            port: Some(3147),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].languages[0].lang.as_str(), "fr");
    assert_eq!(got[0].languages[0].counts.unhelpful, 1);
}
