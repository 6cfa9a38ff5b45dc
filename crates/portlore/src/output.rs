//! Terminal output: colour that respects NO_COLOR and pipes, text that cannot drive the
//! terminal, and broken pipes as success.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::OnceLock;

use anstyle::{AnsiColor, Style};

/// Section headings.
pub const HEADING: Style = Style::new().bold();
/// The headline.
pub const TITLE: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
/// Warnings and threats.
pub const WARN: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
/// Quiet detail.
pub const DIM: Style = Style::new().dimmed();

/// Whether stdout gets colour: not with NO_COLOR, not into a pipe or file, unless
/// CLICOLOR_FORCE says so (anstream's rules, decided once).
pub fn color() -> bool {
    static COLOR: OnceLock<bool> = OnceLock::new();
    *COLOR
        .get_or_init(|| anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never)
}

/// Writes `text` to stdout in one write. Control characters that came with the data (a
/// registry description, a banner) are shown as escapes, so no data can move the cursor
/// or retitle the terminal; only colour codes survive, and only when colour is on.
pub fn print(text: &str) -> io::Result<()> {
    let text = terminal_safe(text, color());
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Wraps text in a style, or leaves it plain when colour is off.
pub fn styled(style: Style, text: &str) -> String {
    if color() {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// Pretty JSON on stdout, with a trailing newline.
pub fn print_json(value: &impl serde::Serialize) -> io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    text.push('\n');
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// `text` with every control character but newline and tab escaped (`\u{1b}`), keeping
/// SGR colour sequences (`ESC [ digits ; … m`) when `keep_color`.
fn terminal_safe(text: &str, keep_color: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if keep_color && c == '\x1b' {
            let sgr = sgr_len(rest);
            if sgr > 0 {
                out.push_str(&rest[..sgr]);
                rest = &rest[sgr..];
                continue;
            }
        }
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Length of the SGR sequence `text` starts with, or 0.
fn sgr_len(text: &str) -> usize {
    let Some(body) = text.strip_prefix("\x1b[") else {
        return 0;
    };
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if body.as_bytes().get(params) == Some(&b'm') {
        2 + params + 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(
            terminal_safe("Port 3147\n\trfio", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn data_cannot_drive_the_terminal() {
        let evil = "a\x1b]0;owned\x07b\x1b[2Jc\u{9b}31md\r";
        assert_eq!(
            terminal_safe(evil, false),
            "a\\u{1b}]0;owned\\u{7}b\\u{1b}[2Jc\\u{9b}31md\\r"
        );
        assert_eq!(
            terminal_safe("\x1b[1m\x1b[36mtitle\x1b[0m\x1b[2J", true),
            "\x1b[1m\x1b[36mtitle\x1b[0m\\u{1b}[2J"
        );
    }
}
