//! Escaping of everything a peer sends, before it reaches a terminal, a table or a file.
//!
//! Control characters (C0, DEL, C1), bidirectional overrides and invalid UTF-8 become
//! visible escapes, so a banner can neither move the cursor nor disguise itself.

/// Escapes bytes received from a peer into printable text, keeping at most `max_chars`
/// characters of output (an ellipsis marks the cut).
pub fn escape_bytes(bytes: &[u8], max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0usize;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if !push_char(&mut out, c, &mut count, max_chars) {
                return out;
            }
        }
        for b in chunk.invalid() {
            if count >= max_chars {
                out.push('…');
                return out;
            }
            out.push_str(&format!("\\x{b:02x}"));
            count += 1;
        }
    }
    out
}

/// Escapes a string (already UTF-8) the same way.
pub fn escape_str(text: &str, max_chars: usize) -> String {
    escape_bytes(text.as_bytes(), max_chars)
}

fn push_char(out: &mut String, c: char, count: &mut usize, max: usize) -> bool {
    if *count >= max {
        out.push('…');
        return false;
    }
    *count += 1;
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if is_dangerous(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
        c => out.push(c),
    }
    true
}

fn is_dangerous(c: char) -> bool {
    let u = c as u32;
    (0x80..=0x9f).contains(&u)
        || (0x200b..=0x200f).contains(&u)
        || (0x202a..=0x202e).contains(&u)
        || (0x2066..=0x2069).contains(&u)
        || u == 0xfeff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_caps() {
        assert_eq!(escape_bytes(b"ok\x1b[2J\r\n", 100), "ok\\x1b[2J\\r\\n");
        assert_eq!(escape_bytes(b"\xff\xfe", 100), "\\xff\\xfe");
        assert_eq!(escape_str("a\u{202e}b\u{9b}", 100), "a\\u{202e}b\\u{009b}");
        assert_eq!(escape_str("héllo", 3), "hél…");
        assert_eq!(escape_str("x\\y", 10), "x\\\\y");
        let out = escape_bytes(&[0x1b; 10_000], 50);
        assert!(out.len() < 300 && !out.contains('\u{1b}'));
    }
}
