//! The map of the port space on the home page and the position bar on port pages.
//! Both are inline SVG built from numbers only, so they need no escaping and no script.

use std::fmt::Write as _;

use portlore_kb::{Knowledge, RangeClass, Status};

use super::{BLOCK, BLOCKS};
use crate::i18n::Lang;

/// What one block of the map holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BlockStats {
    /// Ports with at least one IANA assignment.
    pub assigned: u32,
    /// Ports a curated threat used.
    pub threat: u32,
}

/// Per-port flags and per-block totals for the whole port space.
#[derive(Debug)]
pub struct PortSpace {
    assigned: Vec<u64>,
    threat: Vec<u64>,
    blocks: Vec<BlockStats>,
}

fn set(bits: &mut [u64], port: u32) {
    bits[(port / 64) as usize] |= 1 << (port % 64);
}

fn get(bits: &[u64], port: u16) -> bool {
    bits[usize::from(port) / 64] & (1 << (port % 64)) != 0
}

impl PortSpace {
    /// Scans the registry and the curated threats once.
    pub fn compute(kb: &Knowledge) -> Result<PortSpace, portlore_kb::IntegrityError> {
        let mut assigned = vec![0u64; 1024];
        let mut threat = vec![0u64; 1024];
        for a in kb.all_assignments()? {
            if let (Status::Assigned, Some(r)) = (a.status, a.ports) {
                for p in u32::from(r.start)..=u32::from(r.end) {
                    set(&mut assigned, p);
                }
            }
        }
        let curated = portlore_kb::curated::get();
        for p in 0..=u16::MAX {
            if !curated.for_port(p).threats.is_empty() {
                set(&mut threat, u32::from(p));
            }
        }
        let blocks = (0..BLOCKS)
            .map(|b| {
                let ports = (b * BLOCK)..((b + 1) * BLOCK);
                let count =
                    |bits: &[u64]| ports.clone().filter(|p| get(bits, *p as u16)).count() as u32;
                BlockStats {
                    assigned: count(&assigned),
                    threat: count(&threat),
                }
            })
            .collect();
        Ok(PortSpace {
            assigned,
            threat,
            blocks,
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
    pub fn block(&self, block: u32) -> BlockStats {
        self.blocks.get(block as usize).copied().unwrap_or_default()
    }

    /// Ports assigned, in total.
    pub fn assigned_total(&self) -> u32 {
        self.blocks.iter().map(|b| b.assigned).sum()
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

/// The home page map: 16 × 16 blocks of 256 ports, each a link to its index page.
/// Colour is never the only signal: the index pages and the legend say the same in
/// words.
pub fn home_map(space: &PortSpace, lang: Lang, label: &str) -> String {
    let mut s = String::with_capacity(20_000);
    let _ = write!(
        s,
        "<svg class=\"map\" viewBox=\"0 0 320 320\" role=\"img\" aria-label=\"{}\">\
<defs><rect id=\"c\" width=\"19\" height=\"19\" rx=\"2\"/></defs>",
        super::escape(label)
    );
    for row in 0..16u32 {
        let _ = write!(s, "<g transform=\"translate(0 {})\">", row * 20);
        for col in 0..16u32 {
            let b = row * 16 + col;
            let st = space.block(b);
            let t = if st.threat > 0 { " t" } else { "" };
            let _ = write!(
                s,
                "<a href=\"/{}/blocks/{b}\"><use href=\"#c\" x=\"{}\" class=\"{}{}{t}\"/></a>",
                lang.code(),
                col * 20,
                range_class_of_block(b),
                density(st.assigned)
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// A thin bar from 0 to 65535 with the three ranges and a marker at `port`.
pub fn position_bar(port: u16, label: &str) -> String {
    let x = |p: u32| p as f64 * 1000.0 / 65536.0;
    let mut s = String::with_capacity(800);
    let _ = write!(
        s,
        "<svg class=\"bar\" viewBox=\"0 -2 1000 40\" role=\"img\" aria-label=\"{}\">",
        super::escape(label)
    );
    for (class, start, end) in [
        ("s", 0u32, 1024u32),
        ("u", 1024, 49152),
        ("d", 49152, 65536),
    ] {
        let _ = write!(
            s,
            "<rect class=\"{class}2\" x=\"{:.1}\" y=\"4\" width=\"{:.1}\" height=\"12\"/>",
            x(start),
            x(end) - x(start)
        );
    }
    let m = x(u32::from(port)).clamp(1.5, 998.5);
    let _ = write!(
        s,
        "<rect class=\"mark\" x=\"{:.1}\" y=\"0\" width=\"3\" height=\"20\"/>",
        m - 1.5
    );
    for (p, anchor) in [
        (0u32, "start"),
        (1024, "start"),
        (49152, "middle"),
        (65535, "end"),
    ] {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"34\" text-anchor=\"{anchor}\">{p}</text>",
            x(p)
        );
    }
    s.push_str("</svg>");
    s
}
