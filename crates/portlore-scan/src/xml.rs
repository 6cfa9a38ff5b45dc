//! nmap-compatible XML (`-oX`), enough for ndiff and for tools that read nmap's format:
//! `nmaprun`, `scaninfo`, `host` with `status`, `address`, `hostnames`, `ports`
//! (`extraports` for large groups of closed or filtered ports), `port`/`state`/`service`,
//! and `runstats`.

use std::io::{self, Write};
use std::net::IpAddr;

use crate::report::{HostReport, HostStatus, ScanReport};
use crate::service::{Method, Service, Status};

/// Ports of one state listed one by one up to this count; beyond it, one `extraports`.
const LIST_UP_TO: usize = 25;

/// Escapes text for an XML attribute.
pub fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 => out.push_str(&format!("&#x{:x};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `Mon Nov 23 12:00:00 2026` (UTC), as nmap's `startstr`.
pub fn ctime(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    let (y, m, d) = civil(days);
    const WD: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MO: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        WD[(days.rem_euclid(7)) as usize],
        MO[(m - 1) as usize],
        d,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        y
    )
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's algorithm.
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Writes the report as nmap XML. `args` is the command line to record.
pub fn write_xml<W: Write>(
    mut out: W,
    report: &ScanReport,
    args: &str,
    version: &str,
) -> io::Result<()> {
    let s = &report.stats;
    let end = s.started_unix + s.elapsed_ms / 1000;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<!DOCTYPE nmaprun>")?;
    writeln!(
        out,
        "<nmaprun scanner=\"nmap\" profile_name=\"portlore\" args=\"{}\" start=\"{}\" startstr=\"{}\" version=\"{}\" xmloutputversion=\"1.05\">",
        attr(args),
        s.started_unix,
        ctime(s.started_unix),
        attr(version)
    )?;
    writeln!(
        out,
        "<scaninfo type=\"connect\" protocol=\"tcp\" numservices=\"{}\" services=\"{}\"/>",
        report.ports_per_host,
        attr(&report.ports_spec)
    )?;
    if report.hosts.iter().any(|h| !h.udp.is_empty()) {
        writeln!(
            out,
            "<scaninfo type=\"udp\" protocol=\"udp\" numservices=\"{}\" services=\"{}\"/>",
            report.ports_per_host,
            attr(&report.ports_spec)
        )?;
    }
    writeln!(out, "<verbose level=\"0\"/>\n<debugging level=\"0\"/>")?;
    for host in &report.hosts {
        write_host(&mut out, host, s.started_unix, end)?;
    }
    let up = report
        .hosts
        .iter()
        .filter(|h| h.status == HostStatus::Up)
        .count();
    writeln!(
        out,
        "<runstats><finished time=\"{end}\" timestr=\"{}\" elapsed=\"{:.2}\" summary=\"portlore done: {} IP addresses ({up} hosts up) scanned in {:.2} seconds\" exit=\"{}\"{}/><hosts up=\"{up}\" down=\"{}\" total=\"{}\"/></runstats>",
        ctime(end),
        s.elapsed_ms as f64 / 1000.0,
        report.hosts.len(),
        s.elapsed_ms as f64 / 1000.0,
        if report.interrupted {
            "error"
        } else {
            "success"
        },
        if report.interrupted {
            " errormsg=\"interrupted: the results are partial\""
        } else {
            ""
        },
        report.hosts.len() - up,
        report.hosts.len()
    )?;
    writeln!(out, "</nmaprun>")?;
    out.flush()
}

fn write_host<W: Write>(out: &mut W, h: &HostReport, start: u64, end: u64) -> io::Result<()> {
    let (state, reason) = match h.status {
        HostStatus::Up if !h.open.is_empty() => ("up", "syn-ack"),
        HostStatus::Up => ("up", "conn-refused"),
        HostStatus::NoAnswer => ("down", "no-response"),
    };
    writeln!(
        out,
        "<host starttime=\"{start}\" endtime=\"{end}\"><status state=\"{state}\" reason=\"{reason}\" reason_ttl=\"0\"/>"
    )?;
    let addrtype = match h.target.addr {
        IpAddr::V4(_) => "ipv4",
        IpAddr::V6(_) => "ipv6",
    };
    writeln!(
        out,
        "<address addr=\"{}\" addrtype=\"{addrtype}\"/>",
        h.target.addr
    )?;
    match &h.target.name {
        Some(n) => writeln!(
            out,
            "<hostnames><hostname name=\"{}\" type=\"user\"/></hostnames>",
            attr(n)
        )?,
        None => writeln!(out, "<hostnames>\n</hostnames>")?,
    }
    writeln!(out, "<ports>")?;
    let mut listed: Vec<(u16, &str, &str)> = Vec::new();
    if let Some(p) = &h.proxied {
        let hidden = p.open - p.sample.len();
        writeln!(
            out,
            "<extraports state=\"open|proxied\" count=\"{hidden}\"><extrareasons reason=\"syn-ack\" count=\"{hidden}\"/></extraports>"
        )?;
    }
    for (ports, state, reason) in [
        (&h.closed, "closed", "conn-refused"),
        (&h.filtered, "filtered", "no-response"),
    ] {
        if ports.len() > LIST_UP_TO {
            writeln!(
                out,
                "<extraports state=\"{state}\" count=\"{}\"><extrareasons reason=\"{reason}\" count=\"{}\"/></extraports>",
                ports.len(),
                ports.len()
            )?;
        } else {
            listed.extend(ports.iter().map(|&p| (p, state, reason)));
        }
    }
    listed.extend(h.open.iter().map(|p| (p.port, p.state.as_str(), "syn-ack")));
    listed.sort_by_key(|l| l.0);
    for (port, state, reason) in listed {
        write!(
            out,
            "<port protocol=\"tcp\" portid=\"{port}\"><state state=\"{state}\" reason=\"{reason}\" reason_ttl=\"0\"/>"
        )?;
        if let Some(svc) = h
            .open
            .iter()
            .find(|p| p.port == port)
            .and_then(|p| p.service.as_ref())
        {
            write_service(out, svc)?;
        }
        writeln!(out, "</port>")?;
    }
    for u in h.udp.iter().filter(|u| u.state != "closed") {
        write!(
            out,
            "<port protocol=\"udp\" portid=\"{}\"><state state=\"{}\" reason=\"{}\" reason_ttl=\"0\"/>",
            u.port,
            u.state,
            if u.state == "open" {
                "udp-response"
            } else {
                "no-response"
            }
        )?;
        if let Some(svc) = &u.service {
            write_service(out, svc)?;
        }
        writeln!(out, "</port>")?;
    }
    writeln!(out, "</ports>")?;
    if let Some(srtt) = h.srtt_us {
        writeln!(
            out,
            "<times srtt=\"{srtt}\" rttvar=\"0\" to=\"{}\"/>",
            srtt.max(100_000)
        )?;
    }
    writeln!(out, "</host>")
}

/// `<service name product version extrainfo method conf>` with `<cpe>`, as nmap writes
/// it: `method="probed"` when an answer named the service, `table` otherwise.
fn write_service<W: Write>(out: &mut W, svc: &Service) -> io::Result<()> {
    write!(out, "<service name=\"{}\"", attr(&svc.name))?;
    if let Some(p) = &svc.product {
        write!(out, " product=\"{}\"", attr(p))?;
    }
    if let Some(v) = &svc.version {
        write!(out, " version=\"{}\"", attr(v))?;
    }
    let mut extra: Vec<String> = svc.info.iter().cloned().collect();
    if let Some(t) = svc.http.as_ref().and_then(|h| h.title.as_ref()) {
        extra.push(format!("title: {t}"));
    }
    if let Some(t) = &svc.tls {
        extra.push(t.version.clone());
        if let Some(s) = &t.subject {
            extra.push(format!("subject: {s}"));
        }
        if let Some(a) = &t.alpn {
            extra.push(format!("ALPN {a}"));
        }
    }
    if svc.status == Status::Silent {
        extra.push(format!("silent; tried {}", svc.probes_tried.join(" ")));
    }
    if !extra.is_empty() {
        write!(out, " extrainfo=\"{}\"", attr(&extra.join("; ")))?;
    }
    if let Some(os) = &svc.os {
        write!(out, " ostype=\"{}\"", attr(os))?;
    }
    if svc.tls.is_some() {
        write!(out, " tunnel=\"ssl\"")?;
    }
    let method = match svc.method {
        Method::None => "table",
        Method::Banner | Method::Probe => "probed",
    };
    write!(
        out,
        " method=\"{method}\" conf=\"{}\"",
        svc.confidence.min(10)
    )?;
    match &svc.cpe {
        Some(cpe) => write!(out, "><cpe>{}</cpe></service>", attr(cpe)),
        None => write!(out, "/>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctime_matches_nmap_format() {
        assert_eq!(ctime(0), "Thu Jan  1 00:00:00 1970");
        assert_eq!(ctime(1_795_440_000), "Mon Nov 23 13:20:00 2026");
        assert_eq!(attr("a<\"b\">&\u{1}"), "a&lt;&quot;b&quot;&gt;&amp;&#x1;");
    }
}
