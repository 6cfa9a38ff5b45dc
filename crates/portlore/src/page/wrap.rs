//! The terminal's width, and prose wrapped to it. Only prose breaks: a command, a URL
//! or any other single token longer than the line stays whole.

use unicode_width::UnicodeWidthStr;

/// Narrowest and widest layouts.
const MIN: usize = 40;
const MAX: usize = 160;

/// The width to lay out for: `COLUMNS`, then the terminal's, else 80.
pub fn width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    let from_tty = || terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    from_env.or_else(from_tty).unwrap_or(80).clamp(MIN, MAX)
}

/// Display width of text (colour codes excluded by the callers, who style after wrapping).
pub fn display_width(text: &str) -> usize {
    // Nearly every word of a page is ASCII, one column per byte; the table lookup per
    // character is for the rest.
    if text.is_ascii() {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// Wraps `text` to `width`: the first line starts with `first`, the others with `rest`.
/// Returns the lines joined by newlines, without a final one.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::with_capacity(
        first.len() + text.len() + text.len() / width.max(1) * (rest.len() + 1),
    );
    out.push_str(first);
    let mut line = display_width(first);
    let mut at_start = true;
    for word in text.split_whitespace() {
        let w = display_width(word);
        if !at_start && line + 1 + w > width {
            out.push('\n');
            out.push_str(rest);
            line = display_width(rest);
            at_start = true;
        }
        if !at_start {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
        at_start = false;
    }
    out
}

/// Cuts text to `width` columns with an ellipsis, on a character boundary.
pub fn cut(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_prose_and_keeps_long_tokens_whole() {
        let text = "one two three four five six seven";
        let wrapped = wrap(text, 14, "  ", "    ");
        assert_eq!(
            wrapped,
            "  one two\n    three four\n    five six\n    seven"
        );
        let url = "see https://example.invalid/a/very/long/path/that/cannot/break ok";
        let w = wrap(url, 20, "", "");
        assert!(w.lines().any(|l| l.starts_with("https://")), "{w}");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
