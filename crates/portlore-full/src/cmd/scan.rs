//! `portlore scan`: TCP connect scan with service identification, explained with the
//! IANA registry and the curated knowledge.
//!
//! Exit status: 0 the scan finished and found at least one open port; 1 it finished and
//! found none; 2 bad input (targets, ports, options) or an error that stopped the scan
//! (for example no file descriptors left). What was not covered is always printed.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use portlore_judge::{Level, Reach, Verdict};
use portlore_kb::{Knowledge, PortInfo, Transport};
use portlore_scan::compare::{Change, Snapshot};
use portlore_scan::service::{Fingerprints, Service};
use portlore_scan::{
    Event, HostReport, HostStatus, PortResult, PortSpec, ScanConfig, ScanReport, Timing,
};
use serde::Serialize;

mod facts;
mod layout;

use facts::{iana_names, judge};

/// The JSON Lines schema this command writes (documented in docs/json-schema.md).
pub const SCHEMA: &str = "portlore.scan/2";

/// Exit status after Ctrl-C, as shells report a SIGINT death.
const INTERRUPTED: u8 = 130;

use crate::exit;
use crate::output;

/// How many ports are scanned when neither `-p` nor `--top` is given.
const DEFAULT_TOP: usize = 1000;

pub use portlore::cli::scan::Args;

/// Runs `portlore scan`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let targets = &args.targets;
    let specs = match targets
        .iter()
        .map(|t| portlore_scan::parse_target(t))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(s) => s,
        Err(e) => return Ok(exit::bad_input(&e.to_string())),
    };
    let ports = match (&args.ports, args.top) {
        (Some(p), _) => portlore_scan::parse_ports(p),
        (None, Some(n)) => PortSpec::top(n),
        (None, None) => PortSpec::top(DEFAULT_TOP),
    };
    let ports = match ports {
        Ok(p) => p,
        Err(e) => return Ok(exit::bad_input(&e.to_string())),
    };
    let xml_path = args.xml.clone();
    if specs.is_empty() {
        return Ok(exit::bad_input("no target given"));
    }
    let mut fingerprints = Fingerprints::builtin();
    if let Some(dir) = &args.fingerprints
        && let Err(e) = fingerprints.load_dir(dir)
    {
        return Ok(exit::bad_input(&format!("--fingerprints: {e}")));
    }
    let previous = match &args.diff {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| Snapshot::parse(&t).map_err(|e| e.to_string()))
        {
            Ok(s) => Some(s),
            Err(e) => return Ok(exit::bad_input(&format!("--diff {}: {e}", path.display()))),
        },
        None => None,
    };
    let resume = match &args.resume {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| portlore_scan::compare::resume_from_jsonl(&t).map_err(|e| e.to_string()))
        {
            Ok(r) => Some(r),
            Err(e) => {
                return Ok(exit::bad_input(&format!(
                    "--resume {}: {e}",
                    path.display()
                )));
            }
        },
        None => None,
    };
    let kb = crate::registry::load()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let (cancel_tx, cancel_rx) = tokio::sync::watch::channel(false);
    runtime.spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            let _ = cancel_tx.send(true);
        }
    });
    let config = ScanConfig {
        timing: timing(args.timing),
        rate: args.rate,
        seed: args.seed,
        service: !args.no_service,
        udp_probes: args.udp_probes,
        max_in_flight: args.max_in_flight.map(|n| n as usize),
        raise_nofile: true,
        ports,
        fingerprints: Arc::new(fingerprints),
        cancel: Some(cancel_rx),
        resume,
        identify_deadline: None,
    };
    let targets = match runtime.block_on(portlore_scan::resolve_targets(&specs, args.max_hosts)) {
        Ok(t) => t,
        Err(e) => return Ok(exit::bad_input(&format!("{e:#}"))),
    };
    let bar = progress_bar(args);
    let observer = bar.clone().map(|bar| {
        Arc::new(move |event: Event| match event {
            Event::Phase { name, total } => {
                bar.reset();
                bar.set_length(total);
                bar.set_prefix(name);
            }
            Event::Progress { done, open } => {
                bar.set_position(done);
                if open > 0 {
                    bar.set_message(format!("{open} open"));
                }
            }
            Event::Open { .. } => {}
            Event::Warning(w) => bar.suspend(|| eprintln!("portlore: {w}")),
        }) as portlore_scan::Observer
    });
    let warnings = if observer.is_none() {
        // Without a bar, warnings still reach stderr.
        Some(Arc::new(|event: Event| {
            if let Event::Warning(w) = event {
                eprintln!("portlore: {w}");
            }
        }) as portlore_scan::Observer)
    } else {
        None
    };
    let result = runtime.block_on(portlore_scan::scan(
        &targets,
        &config,
        observer.or(warnings),
    ));
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("portlore: scan stopped: {e}");
            return Ok(ExitCode::from(exit::ERROR));
        }
    };
    if let Some(path) = &xml_path {
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let cmdline = std::env::args().collect::<Vec<_>>().join(" ");
        portlore_scan::xml::write_xml(
            std::io::BufWriter::new(file),
            &report,
            &cmdline,
            env!("CARGO_PKG_VERSION"),
        )
        .with_context(|| format!("writing {}", path.display()))?;
    }
    let changes = previous
        .as_ref()
        .map(|prev| portlore_scan::compare::diff(prev, &Snapshot::from_report(&report)));
    let printed = if args.format.json() {
        print_jsonl(&report, &kb, changes.as_deref())
    } else {
        let mut text = render(&report, &kb, &config)?;
        if let (Some(changes), Some(path)) = (&changes, &args.diff) {
            text.push_str(&render_changes(changes, path, layout::width()));
        }
        output::print(&trim_lines(&text))
    };
    let code = exit::printed(printed)?;
    if code != ExitCode::from(exit::OK) {
        return Ok(code);
    }
    if report.interrupted {
        return Ok(ExitCode::from(INTERRUPTED));
    }
    let any_open = report.hosts.iter().any(|h| !h.open.is_empty());
    Ok(ExitCode::from(if any_open {
        exit::OK
    } else {
        exit::NOT_FOUND
    }))
}

/// The scanner's preset for the command line's (the same closed set, named in both
/// crates because the lean binary parses the flag without linking the scanner).
fn timing(preset: portlore::cli::scan::Timing) -> Timing {
    use portlore::cli::scan::Timing as Flag;
    match preset {
        Flag::Paranoid => Timing::Paranoid,
        Flag::Sneaky => Timing::Sneaky,
        Flag::Polite => Timing::Polite,
        Flag::Normal => Timing::Normal,
        Flag::Aggressive => Timing::Aggressive,
        Flag::Insane => Timing::Insane,
    }
}

fn progress_bar(args: &Args) -> Option<indicatif::ProgressBar> {
    if args.progress.no_progress || args.format.json() || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template(
        "{prefix:>8} [{elapsed_precise}] {wide_bar} {pos}/{len} {msg}",
    )
    .ok()?;
    bar.set_style(style);
    Some(bar)
}

fn iana_column(info: &PortInfo) -> String {
    let names: Vec<String> = info
        .for_transport(Transport::Tcp)
        .filter_map(|a| a.service.clone())
        .collect();
    if info.registry.is_none() {
        "(no registry)".into()
    } else if names.is_empty() {
        "unassigned".into()
    } else {
        names.join(", ")
    }
}

fn service_column(p: &PortResult) -> String {
    p.service
        .as_ref()
        .map(Service::summary)
        .unwrap_or_else(|| "(not identified)".into())
}

/// Ports as compact ranges: `1-3,7,9-12`.
fn ranges(ports: &[u16]) -> String {
    portlore_scan::PortSpec::from_ports(ports.to_vec())
        .map(|s| s.compact())
        .unwrap_or_default()
}

fn host_label(h: &HostReport) -> String {
    match &h.target.name {
        Some(n) => format!("{n} ({})", h.target.addr),
        None => h.target.addr.to_string(),
    }
}

fn render(
    report: &ScanReport,
    kb: &Knowledge,
    config: &ScanConfig,
) -> Result<String, portlore_kb::IntegrityError> {
    let width = layout::width();
    let mut out = String::new();
    for h in &report.hosts {
        out.push_str(&output::styled(output::TITLE, &host_label(h)));
        out.push('\n');
        if let Some(p) = &h.proxied {
            let verdict = portlore_judge::scan::proxied(p.open, p.scanned);
            out.push_str(&layout::wrap(
                &format!("open|proxied: {}", verdict.headline()),
                width,
                "  ",
                "    ",
            ));
            out.push_str(&layout::wrap(
                &format!("sample: {}", ranges(&p.sample)),
                width,
                "  ",
                "    ",
            ));
        }
        if h.open.is_empty() {
            out.push_str("  no open ports\n\n");
        } else {
            let reach = Reach::of(h.target.addr);
            let mut rows = Vec::new();
            for p in &h.open {
                let info = kb.port(p.port)?;
                let j = judge(kb, p.port, Transport::Tcp, p.service.as_ref(), reach)?;
                rows.push(layout::Row {
                    port: format!("{}/tcp", p.port),
                    service: service_column(p),
                    iana: iana_column(&info),
                    judgement: verdict_text(&j),
                });
            }
            out.push_str(&layout::ports(&rows, width));
            out.push('\n');
        }
        for u in h.udp.iter().filter(|u| u.state != "closed") {
            let what = match &u.service {
                Some(s) => format!(
                    ": {}; {}",
                    s.summary(),
                    verdict_text(&judge(
                        kb,
                        u.port,
                        Transport::Udp,
                        Some(s),
                        Reach::of(h.target.addr)
                    )?)
                ),
                None => u
                    .answer
                    .as_ref()
                    .map(|a| format!(": {a}"))
                    .unwrap_or_default(),
            };
            out.push_str(&layout::wrap(
                &format!("{}/udp {} (probe {}){what}", u.port, u.state, u.probe),
                width,
                "  ",
                "    ",
            ));
        }
    }
    out.push_str(&summary(report, config, width));
    Ok(out)
}

fn summary(report: &ScanReport, config: &ScanConfig, width: usize) -> String {
    let s = &report.stats;
    let up = report
        .hosts
        .iter()
        .filter(|h| h.status == HostStatus::Up)
        .count();
    let open: usize = report.hosts.iter().map(|h| h.open.len()).sum();
    // Wrapped before styling, so that colour codes do not count as columns.
    let mut out = layout::wrap(&format!(
        "Scanned {} host(s), {} TCP port(s) each, in {:.2} s (ports {:.2} s, identification {:.2} s): {open} open, {up} host(s) answered ({} timing, seed {}).",
        report.hosts.len(),
        report.ports_per_host,
        s.elapsed_ms as f64 / 1000.0,
        s.portscan_ms as f64 / 1000.0,
        s.identify_ms as f64 / 1000.0,
        s.timing.name(),
        s.seed
    ), width, "", "  ")
    .replacen("Scanned", &output::styled(output::HEADING, "Scanned"), 1);
    if report.interrupted {
        out.push_str(&layout::wrap(
            "Interrupted: the scan was interrupted: what follows is partial (continue with --resume and the JSON Lines output).",
            width,
            "",
            "  ",
        ).replacen("Interrupted:", &output::styled(output::WARN, "Interrupted:"), 1));
    }
    if s.resumed_ports > 0 {
        out.push_str(&layout::wrap(
            &format!(
                "{} port states came from the resumed scan.",
                s.resumed_ports
            ),
            width,
            "",
            "  ",
        ));
    }
    let mut missing: Vec<String> = Vec::new();
    for h in &report.hosts {
        if h.status == HostStatus::NoAnswer {
            missing.push(format!(
                "{}: no port answered (down, absent, or everything dropped)",
                host_label(h)
            ));
        } else if !h.filtered.is_empty() {
            let reasons: Vec<String> = h
                .filtered_reasons
                .iter()
                .map(|(r, n)| format!("{n} {r}"))
                .collect();
            missing.push(format!(
                "{}: {} filtered port(s) never answered ({}): {}",
                host_label(h),
                h.filtered.len(),
                reasons.join(", "),
                truncate(&ranges(&h.filtered), 200).replace(',', ", ")
            ));
        }
        if !h.unscanned.is_empty() {
            missing.push(format!(
                "{}: {} port(s) not scanned before the interruption: {}",
                host_label(h),
                h.unscanned.len(),
                truncate(&ranges(&h.unscanned), 200).replace(',', ", ")
            ));
        }
        if !h.errors.is_empty() {
            missing.push(format!(
                "{}: {} port(s) not scanned because of local errors (first: {} {})",
                host_label(h),
                h.errors.len(),
                h.errors[0].0,
                h.errors[0].1
            ));
        }
    }
    if config.ports.len() < 65535 {
        missing.push(format!(
            "ports outside {} (use -p- for all)",
            truncate(&report.ports_spec, 60)
        ));
    }
    if !config.udp_probes {
        missing.push("UDP (use --udp-probes for a first look)".into());
    }
    out.push_str(&output::styled(output::HEADING, "Not covered:"));
    out.push('\n');
    for m in missing {
        out.push_str(&layout::wrap(&m, width, "  - ", "    "));
    }
    if s.resource_backoffs > 0 {
        out.push_str(&layout::wrap(&format!(
            "Note: the scanner hit local resource limits {} time(s) and repeated those attempts (none was counted as closed).",
            s.resource_backoffs
        ), width, "", "  ").replacen("Note:", &output::styled(output::WARN, "Note:"), 1));
    }
    out
}

/// Drops the padding a table leaves at the end of its lines.
fn trim_lines(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect()
}

fn truncate(text: &str, max: usize) -> String {
    if text.len() <= max {
        text.to_string()
    } else {
        let cut = text[..max].rfind(',').unwrap_or(max);
        format!("{} …", &text[..cut])
    }
}

/// The judgement in a table cell: the heaviest reason, marked by level, and the other
/// reasons that are more than fine.
fn verdict_text(v: &Verdict) -> String {
    let mark = |l: Level| match l {
        Level::Fine => "",
        Level::Note => "note: ",
        Level::Look => "LOOK: ",
    };
    let mut parts: Vec<String> = Vec::new();
    for (i, r) in v.reasons.iter().enumerate() {
        if i == 0 || r.level > Level::Fine {
            parts.push(format!("{}{}", mark(r.level), r.text));
        }
    }
    parts.join("; ")
}

fn render_changes(changes: &[Change], previous: &std::path::Path, width: usize) -> String {
    let mut out = format!(
        "{} {}:\n",
        output::styled(output::HEADING, "Changes since"),
        previous.display()
    );
    if changes.is_empty() {
        out.push_str("  none\n");
    }
    let side = |p: &Option<portlore_scan::compare::PortFacts>| {
        p.as_ref()
            .map(|p| {
                let s = &p.service;
                [
                    Some(p.state.clone()),
                    s.name.clone(),
                    s.product.clone(),
                    s.version.clone(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
            })
            .unwrap_or_default()
    };
    for c in changes {
        match c.port {
            None => out.push_str(&layout::wrap(
                &format!("{}: {} -> {}", c.host, side(&c.a).trim(), side(&c.b).trim()),
                width,
                "  ",
                "    ",
            )),
            Some(port) => {
                let proto = c.protocol.as_deref().unwrap_or("tcp");
                if c.a.is_some() {
                    let line = format!("-{} {port}/{proto} {}", c.host, side(&c.a));
                    out.push_str(&layout::wrap(&line, width, "  ", "    "));
                }
                if c.b.is_some() {
                    let line = format!("+{} {port}/{proto} {}", c.host, side(&c.b));
                    out.push_str(&layout::wrap(&line, width, "  ", "    "));
                }
            }
        }
    }
    out
}

#[derive(Serialize)]
struct PortRecord<'a> {
    schema: &'static str,
    r#type: &'static str,
    host: std::net::IpAddr,
    hostname: Option<&'a str>,
    port: u16,
    protocol: &'static str,
    state: &'static str,
    rtt_us: u32,
    tries: u8,
    service: Option<&'a Service>,
    iana: Vec<String>,
    registry: bool,
    judgement: Verdict,
}

fn print_jsonl(
    report: &ScanReport,
    kb: &Knowledge,
    changes: Option<&[Change]>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let line = |out: &mut dyn Write, v: &serde_json::Value| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, v).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    };
    for h in &report.hosts {
        let reach = Reach::of(h.target.addr);
        for p in &h.open {
            let info = kb.port(p.port).map_err(std::io::Error::other)?;
            let rec = PortRecord {
                schema: SCHEMA,
                r#type: "port",
                host: h.target.addr,
                hostname: h.target.name.as_deref(),
                port: p.port,
                protocol: "tcp",
                state: p.state.as_str(),
                rtt_us: p.rtt_us,
                tries: p.tries,
                service: p.service.as_ref(),
                iana: iana_names(&info, Transport::Tcp),
                registry: info.registry.is_some(),
                judgement: judge(kb, p.port, Transport::Tcp, p.service.as_ref(), reach)
                    .map_err(std::io::Error::other)?,
            };
            line(
                &mut out,
                &serde_json::to_value(&rec).map_err(std::io::Error::other)?,
            )?;
        }
        for u in &h.udp {
            let judgement = u
                .service
                .as_ref()
                .map(|s| judge(kb, u.port, Transport::Udp, Some(s), reach))
                .transpose()
                .map_err(std::io::Error::other)?;
            line(
                &mut out,
                &serde_json::json!({"schema": SCHEMA, "type": "udp", "host": h.target.addr,
                    "port": u.port, "protocol": "udp", "state": u.state, "probe": u.probe,
                    "answer": u.answer, "service": u.service, "judgement": judgement}),
            )?;
        }
        let proxied_judgement = h
            .proxied
            .as_ref()
            .map(|p| portlore_judge::scan::proxied(p.open, p.scanned));
        line(
            &mut out,
            &serde_json::json!({"schema": SCHEMA, "type": "host", "host": h.target.addr,
                "hostname": h.target.name, "status": h.status, "reach": reach,
                "open": h.open.len(), "closed": h.closed.len(), "filtered": h.filtered.len(),
                "closed_ports": ranges(&h.closed), "filtered_ports": ranges(&h.filtered),
                "filtered_reasons": h.filtered_reasons, "unscanned_ports": ranges(&h.unscanned),
                "proxied": h.proxied, "judgement": proxied_judgement,
                "errors": h.errors, "srtt_us": h.srtt_us}),
        )?;
    }
    for c in changes.unwrap_or_default() {
        let mut v = serde_json::to_value(c).map_err(std::io::Error::other)?;
        v["schema"] = SCHEMA.into();
        v["type"] = "diff".into();
        line(&mut out, &v)?;
    }
    line(
        &mut out,
        &serde_json::json!({"schema": SCHEMA, "type": "summary", "ports": report.ports_spec,
            "ports_per_host": report.ports_per_host, "hosts": report.hosts.len(),
            "hosts_up": report.hosts.iter().filter(|h| h.status == HostStatus::Up).count(),
            "open": report.hosts.iter().map(|h| h.open.len()).sum::<usize>(),
            "interrupted": report.interrupted,
            "changes": changes.map(<[Change]>::len),
            "stats": report.stats}),
    )?;
    out.flush()
}

#[cfg(test)]
mod flag_tests {
    use super::*;

    #[test]
    fn the_flags_agree_with_the_scanner() {
        assert_eq!(
            portlore::cli::scan::DEFAULT_MAX_HOSTS,
            portlore_scan::DEFAULT_MAX_HOSTS
        );
        for flag in portlore::cli::scan::Timing::ALL {
            assert_eq!(flag.name(), timing(flag).name());
        }
    }
}
