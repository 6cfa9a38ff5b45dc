//! End-to-end test in Debian's headless Chromium, driven by Playwright (Node).
//! Starts the site in-process on a loopback port, then runs `tests/browser/e2e.mjs`.
//! Needs `node`, `/usr/bin/chromium` and `npm ci` in `tests/browser`; skips with a
//! reason without them, except in CI (`CI=true`) where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use portlore_kb::Knowledge;
use portlore_web::{AppState, ServeOptions, SiteConfig};

fn skip_or_fail(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("browser test cannot run in CI: {reason}");
    }
    eprintln!("skipped: {reason}");
}

#[test]
fn french_page_language_switch_search_and_screenshot() {
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
    let registry = std::env::var_os("PORTLORE_TEST_REGISTRY")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry.xml")
        });
    let kb = Arc::new(Knowledge::open(&registry).expect("registry"));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let state = AppState::new(
        kb,
        SiteConfig::new(&base),
        portlore_web::api::ApiState::disabled(),
    );
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(portlore_web::serve(
        listener,
        portlore_web::app(state),
        ServeOptions::default(),
        async {
            let _ = rx.await;
        },
    ));
    // Screenshots go to target/browser-artifacts at the workspace root, which CI keeps.
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-artifacts");
    let out = Command::new("node")
        .arg("e2e.mjs")
        .current_dir(&dir)
        .env("BASE_URL", &base)
        .env("ARTIFACTS", &artifacts)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let _ = tx.send(());
    let _ = runtime.block_on(server);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(out.status.success(), "browser test failed");
    assert!(artifacts.join("port-3147-fr.png").exists());
}
