//! The only places where HTML is produced outside a template: escaping, and curated
//! prose whose footnote markers become links. Both escape first, then add markup.

use std::fmt::Write as _;

use portlore_kb::curated::Source;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's numbered references: every source cited once, numbered in order of
/// first citation.
#[derive(Debug, Default)]
pub struct References {
    /// Sources in citation order; entry `i` is reference `i + 1`.
    pub list: Vec<Source>,
}

impl References {
    fn number(&mut self, s: &Source) -> usize {
        if let Some(i) = self.list.iter().position(|x| x.url == s.url) {
            return i + 1;
        }
        self.list.push(s.clone());
        self.list.len()
    }

    /// Escapes curated prose and turns its local markers `[1]` into links to the page's
    /// reference numbers. Sources the prose does not mark are appended as markers.
    pub fn cite(&mut self, text: &str, sources: &[Source]) -> String {
        let numbers: Vec<usize> = sources.iter().map(|s| self.number(s)).collect();
        let mut used = vec![false; numbers.len()];
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            out.push_str(&escape(&rest[..open]));
            let after = &rest[open + 1..];
            let marker = after
                .find(']')
                .and_then(|close| Some((close, after[..close].parse::<usize>().ok()?)));
            match marker {
                Some((close, n)) if n >= 1 && n <= numbers.len() => {
                    used[n - 1] = true;
                    link(&mut out, numbers[n - 1]);
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(&escape(rest));
        for (i, n) in numbers.iter().enumerate() {
            if !used[i] && !text.contains('[') {
                link(&mut out, *n);
            }
        }
        out
    }
}

fn link(out: &mut String, n: usize) {
    let _ = write!(out, "<sup><a href=\"#ref-{n}\">[{n}]</a></sup>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(u: &str) -> Source {
        Source {
            url: u.into(),
            title: "t".into(),
            checked: "2026-11-23".into(),
        }
    }

    #[test]
    fn markers_become_links_and_text_is_escaped() {
        let mut r = References::default();
        let a = r.cite(
            "<b>x</b> [1] and [2] [9] [x",
            &[src("https://a"), src("https://b")],
        );
        assert_eq!(
            a,
            "&lt;b&gt;x&lt;/b&gt; <sup><a href=\"#ref-1\">[1]</a></sup> and <sup><a href=\"#ref-2\">[2]</a></sup> [9] [x"
        );
        let b = r.cite("again [1]", &[src("https://b")]);
        assert!(b.contains("#ref-2"), "{b}");
        assert_eq!(r.list.len(), 2);
    }
}
