//! schemathesis (from PyPI) against `/api/v1/openapi.json`: every operation, generated
//! and fuzzed inputs, responses checked against the document. Skips with a reason when
//! schemathesis is not installed; CI installs it (`pip install schemathesis`).

#[path = "api_support/mod.rs"]
mod support;

use std::process::Command;

use portlore_web::ServeOptions;
use portlore_web::api::ApiArgs;

fn schemathesis() -> Option<String> {
    let ok = |bin: &str| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    ["schemathesis", "st"]
        .into_iter()
        .find(|b| ok(b))
        .map(String::from)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_failure() {
    let Some(bin) = schemathesis() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("CI must provide schemathesis (pip install schemathesis)");
        }
        eprintln!("skipped: schemathesis is not installed (pip install schemathesis)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // A generous vote rate, so the fuzzer reaches the vote logic instead of 429s.
    let args = ApiArgs {
        votes_per_minute: 1_000_000,
        vote_burst: 100_000,
        ..ApiArgs::default()
    };
    let srv = support::serve(
        support::fixture_kb(),
        support::sqlite_api(dir.path(), args).await,
        ServeOptions::default(),
    )
    .await;
    let url = format!("http://{}/api/v1/openapi.json", srv.addr);
    let out = tokio::task::spawn_blocking(move || {
        Command::new(bin)
            .args([
                "run",
                &url,
                "--max-examples",
                "40",
                "--seed",
                "7147",
                "--no-color",
            ])
            .env("SCHEMATHESIS_HOOKS", "")
            .current_dir(dir.path())
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let tail: String = text
        .lines()
        .rev()
        .take(80)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        out.status.success(),
        "schemathesis failed:\n{tail}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{}", text.lines().last().unwrap_or(""));
}
