//! `portlore local` and `portlore who PORT`: what listens here, who owns it, and what
//! looks out of place.

use std::fmt::Write as _;
use std::process::ExitCode;

use portlore_kb::{Knowledge, Transport};
use portlore_local::judge::{ExposureHint, Facts, Level, ThreatHint};
use portlore_local::report::{self, Filter, Report, Row};
use portlore_local::{Coverage, Owner, Proto, Request, Scope, Socket};
use serde::Serialize;

use crate::cli::Format;
pub use crate::cli::local::{Args, WhoArgs};
use crate::exit;
use crate::output::{self, DIM, WARN, styled};

/// The `--json` document.
#[derive(Debug, Serialize)]
struct Document<'a> {
    schema: &'static str,
    #[serde(flatten)]
    report: &'a Report,
}

/// Runs `portlore local`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let request = Request {
        all_states: args.all,
        protos: args.proto.into_iter().collect(),
        ports: args.port,
        skip_owners: false,
    };
    let filter = Filter {
        process: args.process.clone(),
        user: args.user.clone(),
    };
    let report = judged(&request, &filter)?;
    let filtered = args.port.is_some()
        || args.proto.is_some()
        || args.process.is_some()
        || args.user.is_some();
    let result = match args.format.get() {
        Format::Json => output::print_json(&Document {
            schema: "portlore.local/1",
            report: &report,
        }),
        Format::Csv => csv(&report).and_then(|text| output::print(&text)),
        Format::Text => output::print(&table(&report, args.all)),
    };
    let code = exit::printed(result)?;
    if filtered && report.rows.is_empty() {
        return Ok(ExitCode::from(exit::NOT_FOUND));
    }
    Ok(code)
}

/// Runs `portlore who`.
pub fn run_who(args: &WhoArgs) -> anyhow::Result<ExitCode> {
    let (port, proto) = match parse_who(&args.port) {
        Ok(p) => p,
        Err(message) => return Ok(exit::bad_input(&message)),
    };
    let request = Request {
        all_states: args.all,
        protos: proto.into_iter().collect(),
        ports: Some((port, port)),
        skip_owners: false,
    };
    let report = judged(&request, &Filter::default())?;
    if report.rows.is_empty() {
        let what = proto
            .map(|p| format!("{port}/{p}"))
            .unwrap_or_else(|| port.to_string());
        if args.format.json() {
            exit::printed(output::print_json(&Document {
                schema: "portlore.local/1",
                report: &report,
            }))?;
        } else {
            eprintln!(
                "Nothing listens on port {what} here ({}).",
                namespace_phrase(&report.coverage)
            );
        }
        return Ok(ExitCode::from(exit::NOT_FOUND));
    }
    let result = if args.format.json() {
        output::print_json(&Document {
            schema: "portlore.local/1",
            report: &report,
        })
    } else {
        output::print(&who_text(&report))
    };
    exit::printed(result)
}

fn parse_who(text: &str) -> Result<(u16, Option<Proto>), String> {
    let (port, proto) = match text.split_once('/') {
        Some((p, t)) => (p, Some(t.parse::<Proto>()?)),
        None => (text, None),
    };
    let port = port.trim().parse::<u16>().map_err(|_| {
        format!("{text:?} is not a port: expected a number 0-65535, optionally /tcp or /udp")
    })?;
    Ok((port, proto))
}

/// Lines for the "Here, on this machine" section of `portlore PORT`: one per socket
/// listening on the port, empty when none does or the inventory fails.
pub fn here_lines(port: u16) -> Vec<String> {
    let request = Request {
        ports: Some((port, port)),
        ..Request::listening()
    };
    let Ok(report) = judged(&request, &Filter::default()) else {
        return Vec::new();
    };
    report
        .rows
        .iter()
        .map(|row| {
            format!(
                "{} {}  {}  {}: {}",
                row.socket.proto,
                address(&row.socket),
                clean(&owner_text(row, true)),
                level_word(row.judgement.level),
                clean(row.judgement.headline())
            )
        })
        .collect()
}

/// One inventory pass, judged with the installed knowledge.
fn judged(request: &Request, filter: &Filter) -> anyhow::Result<Report> {
    let inventory = portlore_local::inventory(request)?;
    // A broken registry must not stop `local`: fall back to curated facts alone.
    let kb = crate::registry::load().unwrap_or_else(|_| Knowledge::without_registry());
    let registry = kb.registry_meta().is_some();
    Ok(report::build(inventory, filter, |port, proto| {
        facts(&kb, registry, port, proto)
    }))
}

fn facts(kb: &Knowledge, registry: bool, port: u16, proto: Proto) -> Facts {
    let transport = match proto {
        Proto::Tcp => Transport::Tcp,
        Proto::Udp => Transport::Udp,
    };
    // A record the store cannot read is judged as if no registry were installed, never
    // as "no assignment".
    let (registry, assignments) = match kb.assignments(port) {
        Ok(found) => (registry, found),
        Err(_) => (false, Vec::new()),
    };
    let mut services: Vec<String> = Vec::new();
    for a in assignments {
        if a.transport.is_none_or(|t| t == transport)
            && let Some(name) = a.service
            && !services.contains(&name)
        {
            services.push(name);
        }
    }
    let curated = portlore_kb::curated::get().for_port(port);
    Facts {
        services,
        registry,
        threats: curated
            .threats
            .iter()
            .filter(|t| t.transports.contains(&transport))
            .map(|t| ThreatHint {
                name: t.name.clone(),
                year: t.year,
                role: t.role.clone(),
                ports: (t.ports.start, t.ports.end),
            })
            .collect(),
        exposure: curated
            .exposure
            .iter()
            .filter(|e| e.transports.contains(&transport))
            .map(|e| ExposureHint {
                service: e.service.clone(),
                severity: e.severity.clone(),
            })
            .collect(),
    }
}

/// Control characters (from process titles, command lines) shown as escapes, so no
/// process can write to the terminal through us.
fn clean(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn address(socket: &Socket) -> String {
    let mut text = socket.local.to_string();
    if let Some(name) = &socket.interface_name {
        text = format!(
            "{}%{name}:{}",
            bracketed(socket.local.ip()),
            socket.local.port()
        );
    }
    text
}

fn bracketed(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
        v4 => v4.to_string(),
    }
}

fn owner_text(row: &Row, long: bool) -> String {
    match &row.socket.owner {
        Owner::Processes { .. } => {
            let first = &row.processes[0];
            let mut text = format!("{}[{}]", first.name, first.pid);
            if long {
                text = format!("{} (pid {}", first.name, first.pid);
                if let Some(user) = &first.user {
                    let _ = write!(text, ", {user}");
                }
                text.push(')');
            }
            if row.processes.len() > 1 {
                let _ = write!(text, " +{}", row.processes.len() - 1);
            }
            text
        }
        Owner::Hidden { run_as_root: true } => "(owner hidden, run as root)".into(),
        Owner::Hidden { run_as_root: false } => "(owner hidden)".into(),
        Owner::Unknown => "(owner unknown)".into(),
    }
}

fn user_text(row: &Row) -> String {
    let process_user = row
        .processes
        .first()
        .and_then(|p| p.user.clone().or(p.uid.map(|u| u.to_string())));
    process_user
        .or_else(|| row.socket.user.clone())
        .or_else(|| row.socket.uid.map(|u| u.to_string()))
        .unwrap_or_else(|| "-".into())
}

fn level_word(level: Level) -> &'static str {
    match level {
        Level::Look => "LOOK",
        Level::Note => "note",
        Level::Fine => "ok",
    }
}

fn namespace_phrase(coverage: &Coverage) -> String {
    let ns = coverage
        .net_namespace
        .as_deref()
        .unwrap_or("unknown network namespace");
    match coverage.host_namespace {
        Some(true) => format!("network namespace {ns}, the host's"),
        Some(false) => format!("network namespace {ns}, not the host's: a container or sandbox"),
        None => format!("network namespace {ns}"),
    }
}

fn table(report: &Report, all: bool) -> String {
    let mut header = vec!["", "PROTO", "LOCAL"];
    if all {
        header.extend(["REMOTE", "STATE"]);
    }
    header.extend(["PROCESS", "USER", "SERVICE", "WHY"]);
    let mut table = comfy_table::Table::new();
    table
        .load_preset(comfy_table::presets::NOTHING)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
        .set_header(header);
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    for row in &report.rows {
        let mut cells = vec![
            level_word(row.judgement.level).to_string(),
            row.socket.proto.to_string(),
            address(&row.socket),
        ];
        if all {
            cells.push(
                row.socket
                    .remote
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "*".into()),
            );
            cells.push(row.socket.state.label().into());
        }
        cells.push(clean(&owner_text(row, false)));
        cells.push(clean(&user_text(row)));
        cells.push(row.services.first().cloned().unwrap_or_else(|| "-".into()));
        cells.push(clean(row.judgement.headline()));
        table.add_row(cells);
    }
    let mut out = String::with_capacity(report.rows.len() * 100 + 512);
    let _ = writeln!(
        out,
        "{}",
        styled(
            DIM,
            &format!(
                "{} in {}, read through {}",
                if all { "Sockets" } else { "Listening sockets" },
                namespace_phrase(&report.coverage),
                report.coverage.backend
            )
        )
    );
    // comfy-table lays out the columns; colour is added per line afterwards, so the
    // widths it measures are those of plain text.
    let rendered = table.to_string();
    for (i, line) in rendered.lines().enumerate() {
        let line = line.trim_end();
        let look = i > 0
            && report
                .rows
                .get(i - 1)
                .is_some_and(|r| r.judgement.level == Level::Look);
        if look {
            out.push_str(&styled(WARN, line));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&summary_text(report));
    out
}

fn summary_text(report: &Report) -> String {
    let s = report.summary;
    let c = &report.coverage;
    let mut out = format!(
        "{} socket{}: {} deserve{} a look, {} worth a note; {} reachable beyond this machine.\n",
        s.sockets,
        if s.sockets == 1 { "" } else { "s" },
        s.look,
        if s.look == 1 { "s" } else { "" },
        s.note,
        s.exposed
    );
    if c.hidden_processes > 0 && c.privileged {
        let _ = writeln!(
            out,
            "{} refuse{} inspection even to root (ptrace restrictions); sockets {} may hold say \"owner hidden\".",
            processes(c.hidden_processes),
            if c.hidden_processes == 1 { "s" } else { "" },
            if c.hidden_processes == 1 {
                "it"
            } else {
                "they"
            }
        );
    }
    if c.hidden_processes > 0 && !c.privileged {
        let _ = writeln!(
            out,
            "{} of other users could not be inspected: their sockets say \"owner hidden\". Run as root to see them.",
            processes(c.hidden_processes)
        );
    }
    if c.other_namespace_processes > 0 {
        let _ = writeln!(
            out,
            "{} in other network namespaces (containers): {} sockets are not listed here.",
            processes(c.other_namespace_processes),
            if c.other_namespace_processes == 1 {
                "its"
            } else {
                "their"
            }
        );
    }
    if let Some(reason) = &c.fallback_reason {
        let _ = writeln!(
            out,
            "Read /proc/net instead of netlink ({reason}); dual-stack flags are unknown."
        );
    }
    out
}

fn processes(n: usize) -> String {
    if n == 1 {
        "1 process".into()
    } else {
        format!("{n} processes")
    }
}

fn who_text(report: &Report) -> String {
    let mut out = String::new();
    for row in &report.rows {
        let s = &row.socket;
        let scope = match row.scope {
            Scope::Loopback => "loopback only",
            Scope::Interface => "one interface",
            Scope::AllInterfaces if s.dual_stack() => "every interface, IPv4 and IPv6",
            Scope::AllInterfaces => "every interface",
        };
        let _ = writeln!(
            out,
            "{}/{} on {} ({scope}), {}",
            s.local.port(),
            s.proto,
            address(s),
            s.state.label()
        );
        if let Some(remote) = s.remote {
            let _ = writeln!(out, "  remote    {remote}");
        }
        match &s.owner {
            Owner::Processes { .. } => {
                for p in &row.processes {
                    let user = p
                        .user
                        .clone()
                        .or(p.uid.map(|u| u.to_string()))
                        .unwrap_or_else(|| "?".into());
                    let _ = writeln!(
                        out,
                        "  process   {} (pid {}, user {})",
                        clean(&p.name),
                        p.pid,
                        clean(&user)
                    );
                    if !p.cmdline.is_empty() {
                        let _ = writeln!(out, "  command   {}", clean(&p.cmdline.join(" ")));
                    }
                }
            }
            _ => {
                let _ = writeln!(out, "  process   {}", owner_text(row, true));
            }
        }
        if !row.flags.is_empty() {
            let _ = writeln!(out, "  flags     {}", row.flags.join(", "));
        }
        let service = if row.services.is_empty() {
            "none assigned by IANA".to_string()
        } else {
            row.services.join(", ")
        };
        let _ = writeln!(out, "  service   {service}");
        for (i, reason) in row.judgement.reasons.iter().enumerate() {
            let label = if i == 0 { "verdict" } else { "" };
            let text = format!("{}: {}", level_word(reason.level), clean(&reason.text));
            let text = if reason.level == Level::Look {
                styled(WARN, &text)
            } else {
                text
            };
            let _ = writeln!(out, "  {label:<9} {text}");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}",
        styled(
            DIM,
            &format!("Covering {}.", namespace_phrase(&report.coverage))
        )
    );
    out
}

/// A CSV cell that no spreadsheet runs as a formula: control characters escaped, and a
/// leading `=`, `+`, `-`, `@`, tab or carriage return neutralised with an apostrophe, as
/// OWASP recommends for CSV injection. A process can name itself `=HYPERLINK(…)`.
fn csv_cell(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = clean(text);
    if formula { format!("'{text}") } else { text }
}

fn csv(report: &Report) -> std::io::Result<String> {
    let mut out = csv::Writer::from_writer(Vec::with_capacity(report.rows.len() * 120 + 128));
    out.write_record([
        "level",
        "proto",
        "local_address",
        "local_port",
        "remote_address",
        "remote_port",
        "state",
        "scope",
        "flags",
        "owner",
        "pids",
        "process",
        "user",
        "service",
        "match",
        "reason",
    ])?;
    for row in &report.rows {
        let s = &row.socket;
        let owner = match s.owner {
            Owner::Processes { .. } => "process",
            Owner::Hidden { .. } => "hidden",
            Owner::Unknown => "unknown",
        };
        let pids: Vec<String> = row.processes.iter().map(|p| p.pid.to_string()).collect();
        let matched = serde_json::to_value(&row.judgement.matched)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .unwrap_or_default();
        let fields = [
            level_word(row.judgement.level).to_lowercase(),
            s.proto.to_string(),
            s.local.ip().to_string(),
            s.local.port().to_string(),
            s.remote.map(|r| r.ip().to_string()).unwrap_or_default(),
            s.remote.map(|r| r.port().to_string()).unwrap_or_default(),
            s.state.label().to_string(),
            serde_json::to_value(row.scope)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            row.flags.join(" "),
            owner.to_string(),
            pids.join(" "),
            row.processes
                .first()
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            user_text(row),
            row.services.join(" "),
            matched,
            row.judgement.headline().to_string(),
        ];
        out.write_record(fields.iter().map(|f| csv_cell(f)))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    String::from_utf8(bytes).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_ports_parse() {
        assert_eq!(parse_who("3147/udp"), Ok((3147, Some(Proto::Udp))));
        assert!(parse_who("3147/sctp").is_err());
        assert!(parse_who("x").is_err());
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("a\x1b[31mb\n"), "a\\u{1b}[31mb\\n");
    }

    #[test]
    fn csv_cells_cannot_be_formulas() {
        for evil in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let cell = csv_cell(evil);
            assert!(cell.starts_with('\''), "{evil:?} -> {cell:?}");
        }
        assert_eq!(csv_cell("postgres"), "postgres");
        assert_eq!(csv_cell("a,b"), "a,b");
    }
}
