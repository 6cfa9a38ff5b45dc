//! End-to-end tests in Debian's headless Chromium, driven by Playwright (Node):
//! - the served site (in-process, on a loopback port, with a SQLite feedback store
//!   holding a few votes): `e2e.mjs` (a French page, the switcher, search, the map)
//!   and `site.mjs` (map names and tooltips, block columns, axe-core, screenshots);
//! - the static export served by `python3 -m http.server` under a sub-path and
//!   opened over `file://`: `export.mjs`.
//!
//! Needs `node`, `/usr/bin/chromium` and `npm ci` in `tests/browser` (and `python3` for
//! the export); skips with a reason without them, except in CI (`CI=true`) where it
//! fails. Screenshots go to `target/browser-artifacts`, which CI keeps.

use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use portlore_feedback::{Choice, NewVote};
use portlore_kb::Knowledge;
use portlore_web::export::{ExportOptions, export};
use portlore_web::{AppState, Lang, Renderer, ServeOptions, SiteConfig};

fn skip_or_fail(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("browser test cannot run in CI: {reason}");
    }
    eprintln!("skipped: {reason}");
}

/// The harness directory and the browser, or why the test cannot run.
fn harness() -> Result<(PathBuf, String), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Command::new("node").arg("--version").output().is_err() {
        return Err("node is not installed".into());
    }
    if !Path::new(&chromium).exists() {
        return Err("chromium is not installed (apt-get install chromium)".into());
    }
    for module in ["playwright-core", "axe-core"] {
        if !dir.join("node_modules").join(module).exists() {
            return Err("run `npm ci` in crates/portlore-web/tests/browser".into());
        }
    }
    Ok((dir, chromium))
}

fn kb() -> Arc<Knowledge> {
    let registry = std::env::var_os("PORTLORE_TEST_REGISTRY")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry.xml")
        });
    Arc::new(Knowledge::open(&registry).expect("registry"))
}

fn artifacts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-artifacts")
}

fn node(dir: &Path, script: &str, env: &[(&str, String)]) -> bool {
    let mut cmd = Command::new("node");
    cmd.arg(script).current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("node runs");
    eprintln!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.status.success()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_served_site_in_chromium() {
    let (dir, chromium) = match harness() {
        Ok(h) => h,
        Err(reason) => return skip_or_fail(&reason),
    };
    let data = tempfile::tempdir().unwrap();
    let api = portlore_web::api::ApiState::open(&Default::default(), data.path())
        .await
        .expect("feedback store");
    // A few votes, so the feedback overview has a table to audit and photograph.
    let store = api.store().expect("store").clone();
    let votes = [
        (3147, "fr", Choice::Unhelpful),
        (3147, "en", Choice::Unhelpful),
        (3147, "de", Choice::Helpful),
        (22, "en", Choice::Helpful),
        (22, "ja", Choice::Neutral),
        (445, "ru", Choice::Unhelpful),
        (6379, "en", Choice::Neutral),
    ];
    for (i, (port, lang, choice)) in votes.into_iter().enumerate() {
        store
            .record(&NewVote {
                port,
                lang: lang.parse().unwrap(),
                choice,
                client: IpAddr::V4(Ipv4Addr::new(192, 0, 2, i as u8 + 1)),
                at: time::OffsetDateTime::now_utc(),
            })
            .await
            .expect("vote stored");
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(kb(), SiteConfig::new(&base), api);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(portlore_web::serve(
        listener,
        portlore_web::app(state),
        ServeOptions::default(),
        async {
            let _ = rx.await;
        },
    ));
    let env = vec![
        ("BASE_URL", base),
        ("ARTIFACTS", artifacts().display().to_string()),
        ("CHROMIUM", chromium),
    ];
    let ok = tokio::task::spawn_blocking(move || {
        node(&dir, "e2e.mjs", &env) && node(&dir, "site.mjs", &env)
    })
    .await
    .unwrap();
    let _ = tx.send(());
    let _ = server.await;
    assert!(ok, "browser test failed");
    assert!(artifacts().join("port-3147-fr.png").exists());
    assert!(artifacts().join("home-en-390-light.png").exists());
}

/// Ports exported for the static-server test: enough for block 12 and its links.
const LAST_PORT: u16 = 3400;

#[test]
fn the_export_on_a_plain_static_server_and_over_file_urls() {
    let (dir, chromium) = match harness() {
        Ok(h) => h,
        Err(reason) => return skip_or_fail(&reason),
    };
    if Command::new("python3").arg("--version").output().is_err() {
        return skip_or_fail("python3 is not installed");
    }
    let root = tempfile::tempdir().unwrap();
    // GitHub Pages style: the site lives under a sub-path of the host.
    let site = root.path().join("sub");
    let renderer = Renderer::new(kb(), SiteConfig::new(""));
    let opts = ExportOptions {
        ports: 0..=LAST_PORT,
        ..ExportOptions::new(site.clone(), vec![Lang::En, Lang::Fr])
    };
    export(&renderer, &opts, &|_| {}).expect("export");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut http = Command::new("python3")
        .args([
            "-m",
            "http.server",
            "--bind",
            "127.0.0.1",
            &port.to_string(),
        ])
        .current_dir(root.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m http.server starts");
    let up = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let ok = up
        && node(
            &dir,
            "export.mjs",
            &[
                ("BASE_URL", format!("http://127.0.0.1:{port}/sub/")),
                ("EXPORT_DIR", site.display().to_string()),
                ("LAST_PORT", LAST_PORT.to_string()),
                ("ARTIFACTS", artifacts().display().to_string()),
                ("CHROMIUM", chromium),
            ],
        );
    let _ = http.kill();
    let _ = http.wait();
    assert!(up, "the static server did not start");
    assert!(ok, "browser test of the export failed");
}
