//! Terminal output: colour that respects NO_COLOR and pipes, and broken pipes as success.

use std::io::{self, Write};

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

/// Writes `text` to stdout; colour codes are stripped when NO_COLOR is set or stdout
/// is not a terminal.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = anstream::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Wraps text in a style.
pub fn styled(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Pretty JSON on stdout, with a trailing newline.
pub fn print_json(value: &impl serde::Serialize) -> io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    text.push('\n');
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
