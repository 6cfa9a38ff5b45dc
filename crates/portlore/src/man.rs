//! Man pages: portlore(1) and one page per subcommand (portlore-scan(1), …), rendered from
//! the clap definitions plus the sections clap cannot know: ENVIRONMENT, FILES, EXIT
//! STATUS, EXAMPLES and SEE ALSO. Help texts are written for terminals and may quote code
//! in backticks; a man page shows none.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::Cli;
use crate::exit::{self, status};

/// Every environment variable portlore reads, with what it does.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "PORTLORE_REGISTRY",
        "A registry to use instead of the installed one: a compiled store, or an IANA XML or CSV file (as --registry).",
    ),
    (
        "PORTLORE_DATA_DIR",
        "The data directory, holding registry.store and feedback.sqlite3 (default: $XDG_DATA_HOME/portlore, else ~/.local/share/portlore).",
    ),
    (
        "PORTLORE_DATABASE_URL",
        "Where serve stores votes: postgres://user@host/db or sqlite:PATH (as --database-url).",
    ),
    (
        "PORTLORE_NO_LOCAL",
        "When set, a lookup does not inspect this machine, so the page has no \"Here, on this machine\" section.",
    ),
    (
        "PORTLORE_LOCAL_BACKEND",
        "procfs reads /proc/net instead of netlink sock_diag for local, who and lookups.",
    ),
    (
        "NO_COLOR",
        "When set (to anything), no colour; colour is also off when stdout is not a terminal.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set, colour even into a pipe or file.",
    ),
    (
        "RUST_LOG",
        "The log filter of serve (default: info), for example RUST_LOG=debug.",
    ),
];

/// The files portlore reads and writes.
pub const FILES: &[(&str, &str)] = &[
    (
        "~/.local/share/portlore/registry.store",
        "The registry installed by portlore update (under $PORTLORE_DATA_DIR or $XDG_DATA_HOME/portlore when set). It is used unless it is older than the snapshot built into the binary.",
    ),
    (
        "/usr/share/portlore/registry.store",
        "A registry store shipped by a distribution, used when none is installed for the user.",
    ),
    (
        "~/.local/share/portlore/feedback.sqlite3",
        "The votes of serve, unless --database-url names another database.",
    ),
];

/// Examples per page: (subcommand or "" for portlore(1), command, what it does).
const EXAMPLES: &[(&str, &str, &str)] = &[
    ("", "portlore 3147", "Explain port 3147 on every transport."),
    ("", "portlore 3147/udp --json", "One transport, as JSON."),
    ("", "portlore ssh", "The ports of a service name."),
    (
        "",
        "portlore search cern",
        "Search services, organisations, threats and software.",
    ),
    (
        "",
        "portlore local",
        "What listens on this machine, worst first.",
    ),
    (
        "lookup",
        "portlore lookup 3127-3130",
        "A range of ports, one page each.",
    ),
    (
        "lookup",
        "portlore lookup who",
        "A service whose name is also a subcommand.",
    ),
    (
        "search",
        "portlore search --limit 5 file transfer",
        "The five best matches.",
    ),
    (
        "search",
        "portlore search --format json mqtt",
        "Results as JSON.",
    ),
    (
        "update",
        "portlore update",
        "Download the registry from iana.org and install it.",
    ),
    (
        "update",
        "portlore update --from service-names-port-numbers.xml",
        "Install a downloaded file (offline).",
    ),
    (
        "update",
        "portlore update --force --from registry.xml",
        "Replace an installed store that cannot be read.",
    ),
    (
        "stats",
        "portlore stats",
        "Which registry is in use, its date, and the curated counts.",
    ),
    (
        "local",
        "portlore local --all",
        "Every socket state, established included.",
    ),
    (
        "local",
        "portlore local --format csv --proto tcp",
        "TCP listeners as CSV.",
    ),
    (
        "who",
        "portlore who 5432",
        "What listens on port 5432 here.",
    ),
    (
        "scan",
        "portlore scan 127.0.0.1",
        "The 1000 most useful ports of this machine.",
    ),
    (
        "scan",
        "portlore scan -p 22,80,3000-3100 192.0.2.10",
        "Chosen ports of one host.",
    ),
    (
        "scan",
        "portlore scan -p- -oX scan.xml ::1",
        "All ports, with nmap XML written to scan.xml.",
    ),
    (
        "serve",
        "portlore serve",
        "The site and the API on http://127.0.0.1:7147/.",
    ),
    (
        "serve",
        "portlore serve --listen 0.0.0.0:7147 --database-url postgres://portlore@db/portlore",
        "Serve others, votes in PostgreSQL.",
    ),
    (
        "export",
        "portlore export --out site/ --lang en,fr",
        "The site as static files, in two languages.",
    ),
    (
        "completions",
        "portlore completions bash > /etc/bash_completion.d/portlore",
        "Install bash completion.",
    ),
    (
        "man",
        "portlore man scan | man -l -",
        "Read portlore-scan(1) without installing it.",
    ),
];

/// Prints the page of `subcommand` (None: portlore(1)).
pub fn run(subcommand: Option<&str>) -> anyhow::Result<ExitCode> {
    match render(subcommand) {
        Ok(page) => {
            let mut out = std::io::stdout().lock();
            exit::printed(out.write_all(&page).and_then(|()| out.flush()))
        }
        Err(message) => Ok(exit::bad_input(&message)),
    }
}

/// Prints the name of every page, one a line: portlore, then portlore-SUBCOMMAND.
pub fn list() -> anyhow::Result<ExitCode> {
    let mut text = String::from("portlore\n");
    for sub in subcommands() {
        text.push_str(&format!("portlore-{sub}\n"));
    }
    let mut out = std::io::stdout().lock();
    exit::printed(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The names of the subcommands that have a page.
pub fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

/// The roff source of a page.
pub fn render(subcommand: Option<&str>) -> Result<Vec<u8>, String> {
    let mut root = Cli::command();
    root.build();
    let (cmd, name, key) = match subcommand {
        None => (root, "portlore".to_string(), String::new()),
        Some(sub) => {
            let found = root
                .get_subcommands()
                .find(|c| c.get_name() == sub && sub != "help")
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "no man page for {sub:?}; pages: portlore and {}",
                        subcommands().join(", ")
                    )
                })?;
            let name = format!("portlore-{sub}");
            let cmd = found
                .name(name.clone())
                .bin_name(format!("portlore {sub}"))
                .version(env!("CARGO_PKG_VERSION"));
            (cmd, name, sub.to_string())
        }
    };
    let cmd = without_backticks(cmd);
    let man = clap_mangen::Man::new(cmd.clone())
        .title(name.to_uppercase())
        .manual("portlore manual")
        .source(format!("portlore {}", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    let io = |e: std::io::Error| e.to_string();
    man.render_title(&mut page).map_err(io)?;
    man.render_name_section(&mut page).map_err(io)?;
    man.render_synopsis_section(&mut page).map_err(io)?;
    man.render_description_section(&mut page).map_err(io)?;
    man.render_options_section(&mut page).map_err(io)?;
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut page).map_err(io)?;
    }
    let mut roff = Roff::new();
    section_environment(&mut roff);
    section_files(&mut roff);
    section_exit_status(&mut roff, &key);
    section_examples(&mut roff, &key);
    section_see_also(&mut roff, &key);
    roff.to_writer(&mut page).map_err(io)?;
    man.render_version_section(&mut page).map_err(io)?;
    Ok(page)
}

fn strip(text: &str) -> String {
    text.replace('`', "")
}

/// The command with every help text, its own and its arguments', free of backticks.
fn without_backticks(cmd: clap::Command) -> clap::Command {
    let mut cmd = cmd;
    if let Some(about) = cmd.get_about().map(|s| strip(&s.to_string())) {
        cmd = cmd.about(about);
    }
    if let Some(about) = cmd.get_long_about().map(|s| strip(&s.to_string())) {
        cmd = cmd.long_about(about);
    }
    cmd = cmd.mut_args(|arg| {
        let mut arg = arg;
        if let Some(help) = arg.get_help().map(|s| strip(&s.to_string())) {
            arg = arg.help(help);
        }
        if let Some(help) = arg.get_long_help().map(|s| strip(&s.to_string())) {
            arg = arg.long_help(help);
        }
        arg
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| {
            let about = sub.get_about().map(|s| strip(&s.to_string()));
            match about {
                Some(about) => sub.about(about),
                None => sub,
            }
        });
    }
    cmd
}

fn tagged(roff: &mut Roff, tag: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(tag)]);
    roff.text([roman(text)]);
}

fn section_environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, text) in ENVIRONMENT {
        tagged(roff, name, text);
    }
}

fn section_files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (path, text) in FILES {
        tagged(roff, path, text);
    }
    tagged(
        roff,
        "(built in)",
        "A snapshot of the IANA registry, compiled into the binary, used when no other registry is found (portlore stats says which one is in use).",
    );
}

/// The exit status text of a page: the "Exit status:" line of its --help.
pub fn exit_status(key: &str) -> &'static str {
    let text = match key {
        "" => "Exit status: 0 found, 1 nothing matched, 2 bad input or an error.",
        "lookup" => status::LOOKUP,
        "search" => status::SEARCH,
        "update" => status::UPDATE,
        "stats" => status::STATS,
        "local" => status::LOCAL,
        "who" => status::WHO,
        "scan" => status::SCAN,
        "serve" => status::SERVE,
        "export" => status::EXPORT,
        "completions" => status::COMPLETIONS,
        "man" => status::MAN,
        _ => "",
    };
    text.lines()
        .find(|l| l.starts_with("Exit status:"))
        .unwrap_or("")
}

fn section_exit_status(roff: &mut Roff, key: &str) {
    roff.control("SH", ["EXIT STATUS"]);
    let line = exit_status(key).trim_start_matches("Exit status:").trim();
    roff.text([roman(format!(
        "{line} A closed pipe (portlore 80 | head) is success."
    ))]);
    roff.control("PP", []);
    roff.text([roman(
        "Under --json (or --format json) an error is one JSON object on stderr: {\"error\":{\"code\":CODE,\"message\":TEXT,\"causes\":[TEXT,...]}}, where CODE is one of usage, bad_input, not_found, store_unreadable, not_a_registry, network, io, failed.",
    )]);
}

fn section_examples(roff: &mut Roff, key: &str) {
    roff.control("SH", ["EXAMPLES"]);
    for (_, command, text) in EXAMPLES.iter().filter(|(k, _, _)| *k == key) {
        roff.control("TP", []);
        roff.text([bold(*command)]);
        roff.text([roman(*text)]);
    }
}

fn section_see_also(roff: &mut Roff, key: &str) {
    roff.control("SH", ["SEE ALSO"]);
    let mut refs = vec![italic("portlore"), roman("(1)")];
    if key.is_empty() {
        refs.clear();
        for (i, sub) in subcommands().iter().enumerate() {
            if i > 0 {
                refs.push(roman(", "));
            }
            refs.push(italic(format!("portlore-{sub}")));
            refs.push(roman("(1)"));
        }
    }
    refs.push(roman(", "));
    refs.push(italic("getent"));
    refs.push(roman("(1), "));
    refs.push(italic("ss"));
    refs.push(roman("(8)"));
    roff.text(refs);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subcommand_has_a_page_with_every_section() {
        for sub in subcommands() {
            let page = String::from_utf8(render(Some(&sub)).unwrap()).unwrap();
            for section in [
                "NAME",
                "SYNOPSIS",
                "ENVIRONMENT",
                "FILES",
                "EXIT STATUS",
                "EXAMPLES",
            ] {
                let heading = |s: &str| page.contains(&format!(".SH {s}\n"));
                assert!(
                    heading(section) || heading(&format!("\"{section}\"")),
                    "{sub}: {section}"
                );
            }
            assert!(page.contains(&format!("portlore\\-{sub}")), "{sub}: name");
            assert!(!page.contains('`'), "{sub}: a backtick");
            assert!(!exit_status(sub.as_str()).is_empty(), "{sub}: exit status");
            assert!(
                EXAMPLES.iter().any(|(k, _, _)| *k == sub.as_str()),
                "{sub}: no example"
            );
        }
        assert!(render(Some("nope")).is_err());
    }
}
