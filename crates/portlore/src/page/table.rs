//! A range of ports as a table: port, transports, IANA service, what is usually there,
//! and flags. Runs of ports with nothing to say share one row.

use std::fmt::Write as _;

use portlore_kb::Outline;
use portlore_kb::page::VerdictPart;

use super::words;
use super::wrap::cut;

/// One row before layout.
struct Row {
    ports: (u16, u16),
    transports: String,
    service: String,
    usually: String,
    flags: String,
}

impl Row {
    fn quiet(&self) -> bool {
        self.service.is_empty() && self.usually.is_empty() && self.flags.is_empty()
    }
}

fn row(o: &Outline) -> Row {
    let usually = o
        .verdict
        .iter()
        .find_map(|p| match p {
            VerdictPart::Usually { what, .. } => Some(what.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let flags: Vec<&str> = o.badges.iter().filter_map(words::flag).collect();
    let mut transports: Vec<&str> = o.headline.transports.iter().map(|t| t.as_str()).collect();
    if transports.is_empty() && o.transport.is_some() {
        transports = o.transports.iter().map(|t| t.as_str()).collect();
    }
    Row {
        ports: (o.port, o.port),
        transports: transports.join(","),
        service: o.headline.service.clone().unwrap_or_default(),
        usually,
        flags: flags.join(","),
    }
}

/// Column widths that fit `width`: the "usually" column gets what is left, at least 8;
/// when even that does not fit, service, flags and transports give way in turn.
fn fit(
    width: usize,
    wp: usize,
    mut wt: usize,
    mut ws: usize,
    mut wf: usize,
) -> (usize, usize, usize, usize) {
    const GAPS: usize = 8;
    const MIN_USUALLY: usize = 8;
    let total = |wt: usize, ws: usize, wf: usize| wp + wt + ws + wf + GAPS + MIN_USUALLY;
    while total(wt, ws, wf) > width {
        if ws > 8 {
            ws -= 1;
        } else if wf > 8 {
            wf -= 1;
        } else if wt > 7 {
            wt -= 1;
        } else {
            break;
        }
    }
    let wu = width
        .saturating_sub(wp + wt + ws + wf + GAPS)
        .max(MIN_USUALLY);
    (wt, ws, wf, wu)
}

/// The table for several ports, fitted to `width` columns (the "usually" column takes
/// what is left and is cut with an ellipsis).
pub fn table(outlines: &[Outline], width: usize) -> String {
    let mut rows: Vec<Row> = Vec::new();
    for o in outlines {
        let r = row(o);
        if let Some(last) = rows.last_mut()
            && last.quiet()
            && r.quiet()
            && last.ports.1.checked_add(1) == Some(r.ports.0)
        {
            last.ports.1 = r.ports.0;
            continue;
        }
        rows.push(r);
    }
    let port_text = |r: &Row| {
        if r.ports.0 == r.ports.1 {
            r.ports.0.to_string()
        } else {
            format!("{}-{}", r.ports.0, r.ports.1)
        }
    };
    let wp = rows
        .iter()
        .map(|r| port_text(r).len())
        .max()
        .unwrap_or(4)
        .max(4);
    let wt = rows
        .iter()
        .map(|r| r.transports.len())
        .max()
        .unwrap_or(0)
        .clamp(10, 14);
    let ws = rows
        .iter()
        .map(|r| r.service.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(7, 18);
    let wf = rows.iter().map(|r| r.flags.len()).max().unwrap_or(0).max(5);
    let (wt, ws, wf, wu) = fit(width, wp, wt, ws, wf);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<wp$}  {:<wt$}  {:<ws$}  {:<wu$}  FLAGS",
        "PORT",
        cut("TRANSPORTS", wt),
        cut("SERVICE", ws),
        "USUALLY",
    );
    for r in &rows {
        let usually = if r.quiet() {
            "—".to_string()
        } else {
            cut(&r.usually, wu)
        };
        let line = format!(
            "{:<wp$}  {:<wt$}  {:<ws$}  {}{}  {}",
            port_text(r),
            cut(&r.transports, wt),
            cut(&r.service, ws),
            usually,
            " ".repeat(wu.saturating_sub(super::wrap::display_width(&usually))),
            cut(&r.flags, wf),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}
