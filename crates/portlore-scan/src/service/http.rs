//! HTTP answers: status, Server header and page title.

use serde::Serialize;

use crate::escape::escape_str;

/// What an HTTP server said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HttpInfo {
    /// Status code.
    pub status: u16,
    /// The Server header, escaped.
    pub server: Option<String>,
    /// The page title, escaped.
    pub title: Option<String>,
}

/// Parses the start of an HTTP/1.x response; `None` if it is not one.
pub fn parse(bytes: &[u8]) -> Option<HttpInfo> {
    if !bytes.starts_with(b"HTTP/1.") && !bytes.starts_with(b"HTTP/2") {
        return None;
    }
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.split("\r\n");
    let status_line = lines.next()?;
    let status: u16 = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut server = None;
    for line in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("server")
        {
            server = Some(escape_str(value.trim(), 120));
        }
    }
    Some(HttpInfo {
        status,
        server,
        title: title(&text),
    })
}

fn title(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start
        + lower[start..]
            .find("</title")
            .unwrap_or(lower.len() - start);
    let raw = text.get(start..end)?;
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let decoded = collapsed
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    (!decoded.is_empty()).then(|| escape_str(&decoded, 80))
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_server_and_title() {
        let r = b"HTTP/1.1 200 OK\r\nServer: nginx/1.22\r\n\r\n<html><TITLE>\n Hello &amp; \x1b[31mbye</title>";
        let info = super::parse(r).unwrap();
        assert_eq!(info.status, 200);
        assert_eq!(info.server.as_deref(), Some("nginx/1.22"));
        assert_eq!(info.title.as_deref(), Some("Hello & \\x1b[31mbye"));
        assert!(super::parse(b"SSH-2.0-x").is_none());
    }
}
