//! The map of the port space on the home page and the position bar on port pages.
//! Both are inline SVG; the only text in them comes from the registry and the curated
//! data through [`super::escape`], and they need no script.

use std::collections::HashMap;
use std::fmt::Write as _;

use portlore_kb::{Knowledge, RangeClass, Status, last_date};

use super::{BLOCK, BLOCKS, Chrome, escape};
use crate::i18n::{Arg, Tr};

/// A threat family's share of one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// The family's name (`MyDoom`).
    pub name: String,
    /// Ports of the block its recorded uses cover.
    pub ports: u32,
}

/// What one block of the map holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BlockStats {
    /// Ports with at least one IANA assignment.
    pub assigned: u32,
    /// Ports a curated threat used.
    pub threat: u32,
    /// The threat families, most ports first.
    pub families: Vec<Family>,
    /// The best-known services and software in the block, best first: (port, name).
    pub known: Vec<(u16, String)>,
}

/// Per-port flags and per-block totals for the whole port space.
#[derive(Debug)]
pub struct PortSpace {
    assigned: Vec<u64>,
    threat: Vec<u64>,
    blocks: Vec<BlockStats>,
    /// The latest registration or modification date of the records on each port, as
    /// `YYYYMMDD` (0: none).
    dates: Vec<u32>,
    registry_date: Option<String>,
}

fn set(bits: &mut [u64], port: u32) {
    bits[(port / 64) as usize] |= 1 << (port % 64);
}

fn get(bits: &[u64], port: u16) -> bool {
    bits[usize::from(port) / 64] & (1 << (port % 64)) != 0
}

/// `2026-08-17` → 20260817; anything else → 0.
fn date_number(d: &str) -> u32 {
    let digits: String = d.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 8 {
        digits.parse().unwrap_or(0)
    } else {
        0
    }
}

fn date_text(n: u32) -> String {
    format!("{:04}-{:02}-{:02}", n / 10000, n / 100 % 100, n % 100)
}

/// Entries this narrow describe a port; wider ones (ephemeral ranges, game port
/// ranges) describe a neighbourhood and do not make a port "known".
const NARROW: u32 = 16;

fn narrow(r: &portlore_kb::PortRange) -> bool {
    u32::from(r.end) - u32::from(r.start) < NARROW
}

/// A short label for software names such as "IBM i host servers (central, …)".
fn short(name: &str) -> String {
    let cut = name
        .find(" (")
        .or_else(|| name.find(", "))
        .unwrap_or(name.len());
    let mut out = String::new();
    for word in name[..cut].split_whitespace() {
        if !out.is_empty() && out.chars().count() + 1 + word.chars().count() > 20 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

impl PortSpace {
    /// Scans the registry and the curated data once.
    pub fn compute(kb: &Knowledge) -> Result<PortSpace, portlore_kb::IntegrityError> {
        let mut assigned = vec![0u64; 1024];
        let mut threat = vec![0u64; 1024];
        let mut dates = vec![0u32; 65536];
        for a in kb.all_assignments()? {
            let Some(r) = a.ports else { continue };
            let d = last_date(&a).map_or(0, date_number);
            for p in u32::from(r.start)..=u32::from(r.end) {
                if a.status == Status::Assigned {
                    set(&mut assigned, p);
                }
                let slot = &mut dates[p as usize];
                *slot = (*slot).max(d);
            }
        }
        let curated = portlore_kb::curated::get();
        let mut blocks: Vec<BlockStats> = vec![BlockStats::default(); BLOCKS as usize];
        // Per block: family id → (name, ports); per port: (score, name).
        let mut families: Vec<HashMap<String, Family>> = vec![HashMap::new(); BLOCKS as usize];
        let mut known: Vec<Vec<(u32, u16, String)>> = vec![Vec::new(); BLOCKS as usize];
        for p in 0..=u16::MAX {
            let f = curated.for_port(p);
            let b = (u32::from(p) / BLOCK) as usize;
            if !f.threats.is_empty() {
                set(&mut threat, u32::from(p));
            }
            let mut seen: Vec<&str> = Vec::new();
            for t in &f.threats {
                if seen.contains(&t.id.as_str()) {
                    continue;
                }
                seen.push(&t.id);
                families[b]
                    .entry(t.id.clone())
                    .or_insert_with(|| Family {
                        name: t.name.clone(),
                        ports: 0,
                    })
                    .ports += 1;
            }
            let on = |ranges: &[portlore_kb::PortRange]| {
                ranges.iter().any(|r| r.contains(p) && narrow(r))
            };
            let notes: Vec<_> = f.notes.iter().filter(|n| on(&n.ports)).collect();
            let unofficial: Vec<_> = f.unofficial.iter().filter(|u| on(&u.ports)).collect();
            let exposure = f.exposure.iter().filter(|e| on(&e.ports)).count();
            // How well known a port is, from how much the curated data says about it:
            // a protocol in use weighs most, then software that uses the port.
            let score: u32 = notes
                .iter()
                .map(|n| match (n.status, n.today.is_some()) {
                    (portlore_kb::curated::NoteStatus::Active, true) => 4,
                    (portlore_kb::curated::NoteStatus::Active, false) => 3,
                    (_, true) => 2,
                    _ => 1,
                })
                .sum::<u32>()
                + 2 * unofficial.len() as u32
                + exposure as u32;
            if score == 0 {
                continue;
            }
            let name = notes
                .iter()
                .find_map(|n| {
                    n.iana_service
                        .as_deref()
                        .filter(|s| *s != "unassigned" && !s.is_empty())
                        .map(str::to_string)
                })
                .or_else(|| unofficial.first().map(|u| short(&u.software)))
                .or_else(|| notes.first().map(|n| short(&n.title)));
            if let Some(name) = name {
                known[b].push((score, p, name));
            }
        }
        for (b, stats) in blocks.iter_mut().enumerate() {
            let ports = (b as u32 * BLOCK)..((b as u32 + 1) * BLOCK);
            let count =
                |bits: &[u64]| ports.clone().filter(|p| get(bits, *p as u16)).count() as u32;
            stats.assigned = count(&assigned);
            stats.threat = count(&threat);
            let mut fam: Vec<Family> = families[b].drain().map(|(_, f)| f).collect();
            fam.sort_by(|x, y| y.ports.cmp(&x.ports).then_with(|| x.name.cmp(&y.name)));
            stats.families = fam;
            let mut k = std::mem::take(&mut known[b]);
            k.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut names: Vec<(u16, String)> = Vec::new();
            for (_, p, n) in k {
                if !names.iter().any(|(_, m)| *m == n) {
                    names.push((p, n));
                }
            }
            stats.known = names;
        }
        Ok(PortSpace {
            assigned,
            threat,
            blocks,
            dates,
            registry_date: kb.registry_meta().and_then(|m| m.updated),
        })
    }

    /// Whether a port has an IANA assignment.
    pub fn is_assigned(&self, port: u16) -> bool {
        get(&self.assigned, port)
    }

    /// Whether a curated threat used the port.
    pub fn is_threat(&self, port: u16) -> bool {
        get(&self.threat, port)
    }

    /// Totals of one block.
    pub fn block(&self, block: u32) -> &BlockStats {
        static EMPTY: BlockStats = BlockStats {
            assigned: 0,
            threat: 0,
            families: Vec::new(),
            known: Vec::new(),
        };
        self.blocks.get(block as usize).unwrap_or(&EMPTY)
    }

    /// Ports assigned, in total.
    pub fn assigned_total(&self) -> u32 {
        self.blocks.iter().map(|b| b.assigned).sum()
    }

    /// The registry's own date, when one is loaded.
    pub fn registry_date(&self) -> Option<&str> {
        self.registry_date.as_deref()
    }

    /// When the facts of a port page last changed: the latest registry date of its
    /// records, or the registry's date for a port no record covers (it says
    /// "unassigned" as of that registry). `None` without a registry.
    pub fn port_date(&self, port: u16) -> Option<String> {
        let registry = self.registry_date.as_deref()?;
        Some(match self.dates[usize::from(port)] {
            0 => registry.to_string(),
            d => date_text(d).min(registry.to_string()),
        })
    }

    /// The latest [`Self::port_date`] of a block's ports.
    pub fn block_date(&self, block: u32) -> Option<String> {
        let start = block * BLOCK;
        (start..start + BLOCK)
            .filter_map(|p| self.port_date(p as u16))
            .max()
    }
}

fn range_class_of_block(block: u32) -> &'static str {
    match RangeClass::of((block * BLOCK) as u16) {
        RangeClass::System => "s",
        RangeClass::User => "u",
        RangeClass::Dynamic => "d",
    }
}

/// Shade 0–4 from the share of assigned ports.
fn density(assigned: u32) -> u32 {
    match assigned * 100 / BLOCK {
        0 => 0,
        1..=9 => 1,
        10..=39 => 2,
        40..=74 => 3,
        _ => 4,
    }
}

/// Threat shade 0–3 from the share of the block's ports that a threat used.
pub fn threat_shade(ports: u32) -> u32 {
    match ports {
        0 => 0,
        1..=3 => 1,
        4..=63 => 2,
        _ => 3,
    }
}

/// The CSS classes of a block: range and density (`u3`), and threat shade (`t2`).
pub fn block_classes(space: &PortSpace, block: u32) -> String {
    let st = space.block(block);
    let mut c = format!("{}{}", range_class_of_block(block), density(st.assigned));
    if st.threat > 0 {
        let _ = write!(c, " t{}", threat_shade(st.threat));
    }
    c
}

/// The tooltip (and accessible name) of a block: range, assigned count, best-known
/// services, threat families. With `names` above 2 (a block page's description) it is
/// a sentence in the page's language; on the map and the index (one name) it is the
/// compact form `3072-3327, IANA 254; mysql; ⚠ MyDoom +2`, which `map-how` explains:
/// 256 tooltips in words were most of the weight that broke the 30 KB budget, and the
/// warning sign is read out in the reader's language by screen readers.
pub fn block_tip(t: &Tr, space: &PortSpace, block: u32, names: usize) -> String {
    let st = space.block(block);
    let start = block * BLOCK;
    let end = start + BLOCK - 1;
    let long = names > 2;
    let mut s = if long {
        t.with(
            "map-tip",
            &[
                ("start", Arg::Num(start.into())),
                ("end", Arg::Num(end.into())),
                ("assigned", Arg::Num(st.assigned.into())),
            ],
        )
    } else {
        format!("{start}-{end}, IANA {}", st.assigned)
    };
    let known: Vec<&str> = st
        .known
        .iter()
        .take(names)
        .map(|(_, n)| n.as_str())
        .collect();
    if !known.is_empty() {
        s.push_str("; ");
        s.push_str(&known.join(", "));
    }
    if let Some(first) = st.families.first() {
        let mut list = short(&first.name);
        if long {
            for f in st.families.iter().skip(1).take(names - 1) {
                list.push_str(", ");
                list.push_str(&short(&f.name));
            }
        }
        let shown = if long { names } else { 1 };
        if st.families.len() > shown {
            let _ = write!(list, " +{}", st.families.len() - shown);
        }
        s.push_str("; ");
        if long {
            s.push_str(&t.s("map-tip-threat", "names", &list));
        } else {
            s.push_str("⚠ ");
            s.push_str(&list);
        }
    }
    s
}

/// Map geometry, in SVG user units.
const CELL: u32 = 20;
const LEFT: u32 = 40;
const TOP: u32 = 16;

/// The home page map: 16 × 16 blocks of 256 ports, each a link to its index page,
/// named by its tooltip. Rows are labelled with their first port, columns with the
/// offset from it. Colour is never the only signal: the tooltips, the legend and the
/// index pages say the same in words.
///
/// The map is most of the home page's weight, so a cell is as short as it can be:
/// its column and its row's offset come from the stylesheet (`:nth-child`), its size too, density 0 has
/// no class, and threat history is a stroke on the same rectangle.
pub fn home_map(c: &Chrome, space: &PortSpace, label: &str) -> String {
    let t = &c.t;
    let mut s = String::with_capacity(26_000);
    let _ = write!(
        s,
        "<svg class=\"map\" viewBox=\"0 0 {} {}\" aria-label=\"{}\"><g aria-hidden=\"true\">",
        LEFT + 16 * CELL,
        TOP + 16 * CELL,
        escape(label)
    );
    for col in (0..16u32).step_by(4) {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"11\">+{}</text>",
            LEFT + col * CELL,
            col * BLOCK
        );
    }
    s.push_str("<g class=\"e\">");
    for row in 0..16u32 {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            LEFT - 4,
            TOP + row * CELL + 14,
            row * 16 * BLOCK
        );
    }
    s.push_str("</g></g>");
    for row in 0..16u32 {
        let row_class = range_class_of_block(row * 16 + 15);
        // Its position comes from the stylesheet (`.map>g:nth-of-type`), as the cells' do.
        let _ = write!(s, "<g class=\"{row_class}\">");
        for col in 0..16u32 {
            let b = row * 16 + col;
            let st = space.block(b);
            let mut class = String::new();
            let own = range_class_of_block(b);
            if own != row_class {
                class.push_str(own);
            }
            // One letter for density and threat shade together (the stylesheet decodes
            // it); density 0 without threat history needs none.
            let shade = density(st.assigned) * 4 + threat_shade(st.threat);
            if shade > 0 {
                if !class.is_empty() {
                    class.push(' ');
                }
                class.push(char::from(b'A' + shade as u8));
            }
            let class = class.as_str();
            let _ = write!(
                s,
                "<a href=\"{}\"><title>{}</title><rect{}/></a>",
                c.block(b),
                escape(&block_tip(t, space, b, 1)),
                if class.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"{class}\"")
                }
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// Where a port sits on the position bar, 0–1000. The system range is drawn wider
/// than its share (8 % instead of 1.6 %) so that its labels do not collide and a
/// marker in it can be told apart from its neighbours; the other two ranges keep
/// their proportions to each other.
fn bar_x(port: u32) -> f64 {
    const SYS: f64 = 80.0;
    if port < 1024 {
        port as f64 * SYS / 1024.0
    } else {
        SYS + (port - 1024) as f64 * (1000.0 - SYS) / (65536.0 - 1024.0)
    }
}

/// A bar from 0 to 65535 with the three ranges and a labelled marker at `port`.
/// Coordinates are percentages of the bar's width and text is sized by CSS, so the
/// labels stay legible at any width.
pub fn position_bar(port: u16, label: &str) -> String {
    let pct = |x: f64| x / 10.0;
    let mut s = String::with_capacity(1000);
    let _ = write!(
        s,
        "<svg class=\"bar\" role=\"img\" aria-label=\"{}\">",
        escape(label)
    );
    for (class, start, end) in [
        ("s", 0u32, 1024u32),
        ("u", 1024, 49152),
        ("d", 49152, 65536),
    ] {
        let _ = write!(
            s,
            "<rect class=\"{class}2\" x=\"{:.1}%\" y=\"22\" width=\"{:.1}%\" height=\"12\"/>",
            pct(bar_x(start)),
            pct(bar_x(end) - bar_x(start))
        );
    }
    let m = pct(bar_x(u32::from(port))).clamp(0.3, 99.7);
    let anchor = if m < 8.0 {
        "start"
    } else if m > 92.0 {
        "end"
    } else {
        "middle"
    };
    let _ = write!(
        s,
        "<rect class=\"mark\" x=\"{:.2}%\" y=\"18\" width=\"3\" height=\"20\"/>\
<text class=\"mk\" x=\"{m:.2}%\" y=\"13\" text-anchor=\"{anchor}\">{port}</text>",
        m - 0.3
    );
    for (p, anchor) in [
        (0u32, "start"),
        (1024, "middle"),
        (49152, "middle"),
        (65535, "end"),
    ] {
        let _ = write!(
            s,
            "<text x=\"{:.1}%\" y=\"52\" text-anchor=\"{anchor}\">{p}</text>",
            pct(bar_x(p))
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_keeps_the_system_range_legible() {
        assert_eq!(bar_x(0), 0.0);
        assert!((bar_x(1024) - 80.0).abs() < 1e-9);
        assert!((bar_x(65536) - 1000.0).abs() < 1e-9);
        assert!(bar_x(49152) > 760.0 && bar_x(49152) < 770.0);
        let bar = position_bar(3147, "Port 3147");
        assert!(bar.contains(">3147</text>"), "{bar}");
        assert!(bar.contains("text-anchor=\"middle\">1024</text>"));
    }

    #[test]
    fn dates_and_shades() {
        assert_eq!(date_number("2026-08-17"), 20260817);
        assert_eq!(date_number("2026-08"), 0);
        assert_eq!(date_text(20260817), "2026-08-17");
        assert_eq!(threat_shade(0), 0);
        assert_eq!(threat_shade(1), 1);
        assert_eq!(threat_shade(72), 3);
        assert_eq!(
            short("IBM i host servers (central, database)"),
            "IBM i host servers"
        );
        assert_eq!(short("Squid HTTP proxy"), "Squid HTTP proxy");
        assert_eq!(short("Kubernetes kubelet API"), "Kubernetes kubelet");
    }
}
