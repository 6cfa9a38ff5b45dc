//! Curated prose with its footnotes: the one parser of `[n]` markers, and the page's
//! numbered references.

use serde::Serialize;

use crate::curated::Source;

/// A run of curated prose: text, and citations of the page's references.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Prose(pub Vec<Piece>);

/// One piece of prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// A citation of reference `n` of the page (1-based).
    Cite(usize),
}

impl Prose {
    /// The text without its citations, for one-line uses.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for p in &self.0 {
            if let Piece::Text(t) = p {
                out.push_str(t);
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|p| match p {
            Piece::Text(t) => t.trim().is_empty(),
            Piece::Cite(_) => true,
        })
    }
}

/// A footnote marker in a text: `[n]` with `n` written in decimal digits, 1-based.
/// This is the only parser of markers; the data build (`curated::schema::footnotes`)
/// finds the same ones, which a property test checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Byte offset of `[`.
    pub start: usize,
    /// Byte offset just past `]`.
    pub end: usize,
    /// The number; `usize::MAX` when it does not fit.
    pub n: usize,
}

/// Every marker in `text`, in order.
pub fn markers(text: &str) -> Vec<Marker> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let close = i + 1 + digits;
            if digits > 0 && bytes.get(close) == Some(&b']') {
                let n = text[i + 1..close].parse().unwrap_or(usize::MAX);
                out.push(Marker {
                    start: i,
                    end: close + 1,
                    n,
                });
                i = close + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The page's references: every source cited once, numbered in order of first citation.
#[derive(Debug, Default)]
pub struct Citations {
    list: Vec<Source>,
}

impl Citations {
    fn number(&mut self, s: &Source) -> usize {
        if let Some(i) = self.list.iter().position(|x| x.url == s.url) {
            return i + 1;
        }
        self.list.push(s.clone());
        self.list.len()
    }

    /// Turns an entry's text into prose citing the page's references: its local
    /// markers `[1]` become page numbers, adjacent markers sorted. A text without any
    /// marker cites every source of its entry at its end.
    pub fn cite(&mut self, text: &str, sources: &[Source]) -> Prose {
        let found = markers(text);
        let mut pieces: Vec<Piece> = Vec::new();
        let mut at = 0;
        let push_text = |pieces: &mut Vec<Piece>, s: &str| {
            if !s.is_empty() {
                match pieces.last_mut() {
                    Some(Piece::Text(t)) => t.push_str(s),
                    _ => pieces.push(Piece::Text(s.to_string())),
                }
            }
        };
        for m in &found {
            push_text(&mut pieces, &text[at..m.start]);
            match sources.get(m.n.wrapping_sub(1)) {
                Some(s) => pieces.push(Piece::Cite(self.number(s))),
                // A marker past the sources cannot pass the data build; keep it as text.
                None => push_text(&mut pieces, &text[m.start..m.end]),
            }
            at = m.end;
        }
        push_text(&mut pieces, &text[at..]);
        if found.is_empty() && !sources.is_empty() {
            push_text(&mut pieces, " ");
            for s in sources {
                let n = self.number(s);
                pieces.push(Piece::Cite(n));
            }
        }
        sort_runs(&mut pieces);
        Prose(pieces)
    }

    /// The references, in number order.
    pub fn into_list(self) -> Vec<Source> {
        self.list
    }
}

/// Sorts each run of adjacent citations (`[3][1]` → `[1][3]`) and drops repeats.
fn sort_runs(pieces: &mut Vec<Piece>) {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut run: Vec<usize> = Vec::new();
    let flush = |out: &mut Vec<Piece>, run: &mut Vec<usize>| {
        run.sort_unstable();
        run.dedup();
        out.extend(run.drain(..).map(Piece::Cite));
    };
    for p in pieces.drain(..) {
        match p {
            Piece::Cite(n) => run.push(n),
            Piece::Text(t) if t.trim().is_empty() && !run.is_empty() => {}
            text => {
                flush(&mut out, &mut run);
                out.push(text);
            }
        }
    }
    flush(&mut out, &mut run);
    *pieces = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn src(u: &str) -> Source {
        Source {
            url: u.into(),
            title: "t".into(),
            checked: "2026-11-23".into(),
        }
    }

    #[test]
    fn markers_are_renumbered_sorted_and_shared() {
        let mut c = Citations::default();
        let a = c.cite(
            "One [2][1]. Two [x [9]",
            &[src("https://a"), src("https://b")],
        );
        assert_eq!(
            a.0,
            [
                Piece::Text("One ".into()),
                Piece::Cite(1),
                Piece::Cite(2),
                Piece::Text(". Two [x [9]".into()),
            ]
        );
        let b = c.cite("No markers", &[src("https://b"), src("https://c")]);
        assert_eq!(
            b.0,
            [
                Piece::Text("No markers ".into()),
                // b was cited first, so it is reference 1.
                Piece::Cite(1),
                Piece::Cite(3)
            ]
        );
        assert_eq!(c.into_list().len(), 3);
    }

    proptest! {
        #[test]
        fn agrees_with_the_data_build(text in "[a\\[\\]0-9 ]{0,40}") {
            let ours: Vec<usize> = markers(&text).iter().map(|m| m.n).collect();
            prop_assert_eq!(ours, crate::curated::schema::footnotes(&text));
        }
    }
}
