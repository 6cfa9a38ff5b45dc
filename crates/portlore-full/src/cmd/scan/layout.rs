//! The scan report laid out for the terminal's width: the port table when it fits, else
//! one block per port; prose wrapped at spaces. A token longer than the line (a banner
//! without spaces, a long host name) stays whole rather than being cut.

use portlore::wrap::display_width as columns;
pub use portlore::wrap::width;

/// Wraps `text` at spaces to `width`, as the other subcommands' pages do: the first line
/// starts with `first`, the others with `rest`. Ends with a newline, since the report is
/// built line by line.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = portlore::wrap::wrap(text, width, first, rest);
    out.push('\n');
    out
}

/// One open port as shown: port, what answered, the IANA names, the judgement.
pub struct Row {
    /// `5432/tcp`.
    pub port: String,
    /// What identification found.
    pub service: String,
    /// The IANA service names.
    pub iana: String,
    /// The judgement's sentence(s).
    pub judgement: String,
}

/// The open ports of one host: a four-column table when every line fits in `width`,
/// else a block per port (what answered, then the IANA names, then the judgement, each
/// wrapped under the port).
pub fn ports(rows: &[Row], width: usize) -> String {
    let mut table = comfy_table::Table::new();
    table
        .load_preset(comfy_table::presets::NOTHING)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
        .set_header(["PORT", "SERVICE (detected)", "IANA", "JUDGEMENT"]);
    for r in rows {
        table.add_row([&r.port, &r.service, &r.iana, &r.judgement]);
    }
    let text = table.to_string();
    if text.lines().all(|l| columns(l.trim_end()) <= width) {
        return text + "\n";
    }
    let label = rows.iter().map(|r| columns(&r.port)).max().unwrap_or(0);
    let pad = " ".repeat(label + 4);
    let mut out = String::new();
    for r in rows {
        let first = format!("  {:<label$}  ", r.port);
        out.push_str(&wrap(&r.service, width, &first, &pad));
        out.push_str(&wrap(&format!("IANA: {}", r.iana), width, &pad, &pad));
        out.push_str(&wrap(&r.judgement, width, &pad, &pad));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line fits, or is one token that cannot be broken.
    fn fits(text: &str, width: usize) -> bool {
        text.lines()
            .all(|l| columns(l) <= width || l.split_whitespace().count() == 1)
    }

    fn rows() -> Vec<Row> {
        vec![
            Row {
                port: "5432/tcp".into(),
                service: "postgresql PostgreSQL (trust: no password asked)".into(),
                iana: "postgresql".into(),
                judgement: "LOOK: PostgreSQL asked no password for a made-up role (trust authentication): whoever reaches it may connect as any role, the superuser included; reachable from this host only".into(),
            },
            Row {
                port: "25672/tcp".into(),
                service: "unknown banner: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into(),
                iana: "unassigned".into(),
                judgement: "note: answered, but no fingerprint names the service".into(),
            },
        ]
    }

    #[test]
    fn narrow_terminals_get_blocks_that_fit() {
        for width in [40, 60, 80, 100] {
            let text = ports(&rows(), width);
            assert!(fits(&text, width), "{width}:\n{text}");
            assert!(text.contains("  5432/tcp   postgresql"), "{text}");
            assert!(text.contains("IANA: postgresql"), "{text}");
            // Nothing is lost: every word of the judgement is there.
            let words: Vec<&str> = text.split_whitespace().collect();
            assert!(words.contains(&"superuser") && words.contains(&"only"));
        }
    }

    #[test]
    fn the_table_stays_when_it_fits() {
        let short = vec![Row {
            port: "22/tcp".into(),
            service: "ssh OpenSSH 9.2p1".into(),
            iana: "ssh".into(),
            judgement: "expected: IANA assigns 22/tcp to ssh".into(),
        }];
        let text = ports(&short, 80);
        assert!(text.starts_with(" PORT"), "{text}");
        assert!(fits(&text, 80));
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_long_tokens() {
        assert_eq!(
            wrap("one two three four", 10, "  - ", "    "),
            "  - one\n    two\n    three\n    four\n"
        );
        let w = wrap("x averyveryverylongtoken y", 10, "", "");
        assert_eq!(w, "x\naveryveryverylongtoken\ny\n");
    }
}
