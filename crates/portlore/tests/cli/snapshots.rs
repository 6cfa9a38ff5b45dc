//! Snapshot tests of the text and JSON pages (insta). They need the full registry, since
//! a page is registry facts plus curated notes; regenerate with `cargo insta review`.

use crate::support::{portlore, registry_path};

const PORTS: [&str; 10] = [
    "3147", "3471", "80", "443", "22", "3128", "0", "49152", "65535", "3147/udp",
];

fn page(reg: &std::path::Path, port: &str, json: bool) -> String {
    let mut cmd = portlore();
    cmd.arg("--registry")
        .arg(reg)
        .arg(port)
        .env("PORTLORE_NO_LOCAL", "1")
        .env("COLUMNS", "80");
    if json {
        cmd.arg("--json");
    }
    let out = cmd.assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    // The registry path differs between machines.
    text.replace(&reg.display().to_string(), "[REGISTRY]")
}

#[test]
fn text_pages() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    for port in PORTS {
        insta::assert_snapshot!(
            format!("text_{}", port.replace('/', "_")),
            page(&reg, port, false)
        );
    }
}

#[test]
fn json_pages() {
    let Some(reg) = registry_path() else {
        eprintln!("skipped: PORTLORE_TEST_REGISTRY is not set");
        return;
    };
    for port in PORTS {
        insta::assert_snapshot!(
            format!("json_{}", port.replace('/', "_")),
            page(&reg, port, true)
        );
    }
}
