//! Reading answers. [`recognise`] reads any answer, whichever probe caused it (a Redis
//! server answering an HTTP request with an error still names itself); [`own_reply`]
//! reads binary answers that only make sense as the reply to their own probe, so that
//! random bytes are never taken for them. Fingerprint data then names the product.

use portlore_judge::Finding;

use super::Service;
use super::fingerprint::Fingerprints;
use super::probes::{KAFKA_CORRELATION, MONGO_HELLO, Probe};
use crate::escape::{escape_bytes, escape_str};

fn svc(name: &str) -> Service {
    Service::named(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&b| b == b'\r' || b == b'\n')
        .unwrap_or(bytes.len());
    &bytes[..end]
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

/// Applies the fingerprints of `field` to `value`, filling in what they name.
pub fn refine(s: &mut Service, field: &str, value: &[u8], fps: &Fingerprints) {
    let Some(id) = fps.identify(field, value) else {
        return;
    };
    let product = id
        .get("service.product")
        .or_else(|| id.get("service.family"))
        .or_else(|| id.get("service.vendor"));
    if let Some(p) = product {
        s.product = Some(escape_str(p, 60));
    }
    if let Some(v) = id.get("service.version") {
        s.version = Some(escape_str(v, 40));
    }
    if let Some(c) = id.get("service.cpe23") {
        s.cpe = Some(escape_str(c, 120));
    }
    let os = id.get("os.product").or_else(|| id.get("os.family"));
    if let Some(o) = os {
        s.os = Some(escape_str(o, 60));
    }
    s.fingerprint = Some(id.id.clone());
}

/// Whether a 220 greeting needs an EHLO to tell SMTP from FTP.
pub fn ambiguous_220(bytes: &[u8], fps: &Fingerprints) -> bool {
    bytes.starts_with(b"220") && recognise(bytes, fps).is_none()
}

/// Recognises an answer; `None` when it matches no signature.
pub fn recognise(b: &[u8], fps: &Fingerprints) -> Option<Service> {
    if b.is_empty() {
        return None;
    }
    if b.starts_with(b"HTTP/1.") || b.starts_with(b"HTTP/2") {
        return Some(http(b, fps));
    }
    if b.starts_with(b"RTSP/1.") {
        let mut s = svc("rtsp");
        if let Some(server) = header(b, "server") {
            s.product = Some(escape_str(&server, 60));
            refine(&mut s, "rtsp_header.server", server.as_bytes(), fps);
        }
        return Some(s);
    }
    if b.starts_with(b"SIP/2.0 ") {
        let mut s = svc("sip");
        for (h, field) in [
            ("server", "sip_header.server"),
            ("user-agent", "sip_header.user_agent"),
        ] {
            if let Some(v) = header(b, h) {
                s.product = s.product.or_else(|| Some(escape_str(&v, 60)));
                refine(&mut s, field, v.as_bytes(), fps);
            }
        }
        return Some(s);
    }
    if b.starts_with(b"SSH-") {
        return Some(ssh(first_line(b), fps));
    }
    if b.len() >= 5 && b[0] == 0x16 && b[1] == 0x03 && b[2] <= 0x04 {
        return Some(svc("tls"));
    }
    if b.len() >= 7 && b[0] == 0x15 && b[1] == 0x03 && b[2] <= 0x04 {
        let mut s = svc("tls");
        s.info = Some("TLS alert".into());
        return Some(s);
    }
    if let Some(s) = mysql(b, fps) {
        return Some(s);
    }
    if let Some(s) = postgres(b) {
        return Some(s);
    }
    if let Some(s) = amqp(b) {
        return Some(s);
    }
    if let Some(s) = mongo(b) {
        return Some(s);
    }
    if b.starts_with(b"INFO {") {
        let mut s = svc("nats");
        s.product = Some("NATS".into());
        let line = text(first_line(b));
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line[5..]) {
            s.version = v["version"].as_str().map(|x| escape_str(x, 40));
            if v["auth_required"].as_bool() == Some(true) {
                s.info = Some("auth required".into());
            }
        }
        return Some(s);
    }
    if b.starts_with(b"@RSYNCD: ") {
        let mut s = svc("rsync");
        s.product = Some("rsync".into());
        s.info = Some(format!(
            "protocol {}",
            escape_bytes(&first_line(b)[9..], 20)
        ));
        return Some(s);
    }
    if b.starts_with(b"Zookeeper version: ") {
        let mut s = svc("zookeeper");
        s.product = Some("Apache ZooKeeper".into());
        let v = text(&first_line(b)[19..]);
        let v = v.split([',', '-']).next().unwrap_or("");
        s.version = (!v.is_empty()).then(|| escape_str(v.trim(), 40));
        return Some(s);
    }
    if b.starts_with(b"srvr is not executed because it is not in the whitelist") {
        let mut s = svc("zookeeper");
        s.product = Some("Apache ZooKeeper".into());
        s.info = Some("four-letter words disabled".into());
        return Some(s);
    }
    if b.len() > 4 && text(&b[4..]).starts_with("name ") && text(b).contains(" at port ") {
        let mut s = svc("epmd");
        s.product = Some("Erlang port mapper".into());
        let names: Vec<String> = text(&b[4..])
            .lines()
            .filter_map(|l| l.strip_prefix("name "))
            .map(|l| escape_str(l, 60))
            .take(4)
            .collect();
        s.info = Some(format!("nodes: {}", names.join("; ")));
        return Some(s);
    }
    if let Some(s) = redis(b) {
        return Some(s);
    }
    if b.starts_with(b"VERSION ") {
        let mut s = svc("memcached");
        s.product = Some("memcached".into());
        let v = escape_bytes(&first_line(b)[8..], 40);
        s.cpe = Some(format!("cpe:/a:memcached:memcached:{v}"));
        s.version = Some(v);
        return Some(s);
    }
    if b.starts_with(b"RFB ") {
        let mut s = svc("vnc");
        s.info = Some(format!("RFB {}", escape_bytes(&first_line(b)[4..], 20)));
        return Some(s);
    }
    if b[0] == 0xff && b.len() >= 3 && (0xfb..=0xfe).contains(&b[1]) {
        return Some(svc("telnet"));
    }
    if let Some(rest) = b.strip_prefix(b"+OK") {
        let mut s = with_banner(svc("pop3"), b);
        refine(&mut s, "pop3.banner", first_line(rest).trim_ascii(), fps);
        return Some(s);
    }
    if b.starts_with(b"* OK") || b.starts_with(b"* PREAUTH") {
        let mut s = with_banner(svc("imap"), b);
        let rest = first_line(b)
            .splitn(3, |&c| c == b' ')
            .nth(2)
            .unwrap_or(b"");
        refine(&mut s, "imap4.banner", rest, fps);
        return Some(s);
    }
    if b.starts_with(b"220") {
        let line = first_line(b);
        let rest = line.get(4..).unwrap_or(b"");
        let lower = text(line).to_ascii_lowercase();
        if lower.contains("ftp") {
            let mut s = with_banner(svc("ftp"), b);
            refine(&mut s, "ftp.banner", rest, fps);
            return Some(s);
        }
        if ["smtp", "esmtp", "postfix", "exim", "sendmail", "mail"]
            .iter()
            .any(|k| lower.contains(k))
        {
            let mut s = with_banner(svc("smtp"), b);
            refine(&mut s, "smtp.banner", rest, fps);
            return Some(s);
        }
    }
    None
}

/// Interprets the reply to EHLO after an ambiguous 220 greeting.
pub fn after_ehlo(greeting: &[u8], reply: &[u8], fps: &Fingerprints) -> Service {
    let name = if reply.starts_with(b"250") {
        "smtp"
    } else if reply.starts_with(b"5") || reply.starts_with(b"4") {
        "ftp"
    } else {
        "unknown"
    };
    let mut s = with_banner(svc(name), greeting);
    let rest = first_line(greeting).get(4..).unwrap_or(b"");
    match name {
        "smtp" => refine(&mut s, "smtp.banner", rest, fps),
        "ftp" => refine(&mut s, "ftp.banner", rest, fps),
        _ => {}
    }
    s
}

fn with_banner(mut s: Service, b: &[u8]) -> Service {
    s.banner = Some(escape_bytes(first_line(b), 200));
    s
}

/// A header's value from an HTTP-like answer (first occurrence, trimmed).
pub fn header(b: &[u8], name: &str) -> Option<String> {
    let head_end = find(b, b"\r\n\r\n").unwrap_or(b.len());
    text(&b[..head_end]).split("\r\n").skip(1).find_map(|line| {
        let (k, v) = line.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_string())
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The body of an HTTP answer.
pub fn body(b: &[u8]) -> &[u8] {
    find(b, b"\r\n\r\n").map(|i| &b[i + 4..]).unwrap_or(b"")
}

fn json_body(b: &[u8]) -> Option<serde_json::Value> {
    let body = body(b);
    let start = body.iter().position(|&c| c == b'{')?;
    serde_json::from_slice(&body[start..]).ok()
}

fn http(b: &[u8], fps: &Fingerprints) -> Service {
    let mut s = svc("http");
    let info = super::http::parse(b);
    if let Some(server) = info.as_ref().and_then(|i| i.server.clone()) {
        s.product = Some(server.clone());
        refine(&mut s, "http_header.server", server.as_bytes(), fps);
        if server.contains(" IPP/") {
            s.name = "ipp".into();
        }
    }
    if let Some(title) = info.as_ref().and_then(|i| i.title.clone())
        && s.fingerprint.is_none()
    {
        refine(&mut s, "html_title", title.as_bytes(), fps);
    }
    s.http = info;
    if let Some(json) = json_body(b) {
        json_services(&mut s, &json);
    }
    if s.http.as_ref().is_some_and(|h| h.status == 401)
        && header(b, "www-authenticate").is_some_and(|w| w.contains("Docker"))
    {
        s.info = Some("registry auth required".into());
    }
    s
}

/// Services that answer an HTTP GET with recognisable JSON.
fn json_services(s: &mut Service, v: &serde_json::Value) {
    let str_of = |v: &serde_json::Value| v.as_str().map(|x| escape_str(x, 40));
    if v["tagline"].as_str() == Some("You Know, for Search") || v["cluster_name"].is_string() {
        let open_search = v["version"]["distribution"].as_str() == Some("opensearch");
        s.name = "elasticsearch".into();
        s.product = Some(
            if open_search {
                "OpenSearch"
            } else {
                "Elasticsearch"
            }
            .into(),
        );
        s.version = str_of(&v["version"]["number"]);
        s.info = v["cluster_name"]
            .as_str()
            .map(|c| format!("cluster {}", escape_str(c, 40)));
        s.findings.push(Finding::NoAuth);
    } else if v["error"]["type"].as_str() == Some("security_exception") {
        s.name = "elasticsearch".into();
        s.product = Some("Elasticsearch".into());
        s.info = Some("auth required".into());
    } else if v["couchdb"].as_str() == Some("Welcome") {
        s.name = "couchdb".into();
        s.product = Some("Apache CouchDB".into());
        s.version = str_of(&v["version"]);
    } else if v["ApiVersion"].is_string() && (v["Version"].is_string() || v["Os"].is_string()) {
        s.name = "docker".into();
        s.product = Some("Docker Engine API".into());
        s.version = str_of(&v["Version"]);
        s.info = v["ApiVersion"]
            .as_str()
            .map(|a| format!("API {}", escape_str(a, 10)));
    } else if v["etcdserver"].is_string() {
        s.name = "etcd".into();
        s.product = Some("etcd".into());
        s.version = str_of(&v["etcdserver"]);
    } else if v["gitVersion"].is_string() && v["major"].is_string() {
        s.name = "kubernetes".into();
        s.product = Some("Kubernetes API server".into());
        s.version = str_of(&v["gitVersion"]);
    } else if v["kind"].as_str() == Some("Status") && v["apiVersion"].as_str() == Some("v1") {
        s.name = "kubernetes".into();
        s.product = Some("Kubernetes API server".into());
        s.info = v["reason"]
            .as_str()
            .map(|r| format!("anonymous request: {}", escape_str(r, 30)));
    }
}

/// A Prometheus text exposition (`/metrics`): the exporter's name and version from its
/// `*_build_info` metric.
pub fn prometheus_metrics(b: &[u8]) -> Option<(String, Option<String>)> {
    let body = text(body(b));
    if !(body.starts_with("# HELP ") || body.starts_with("# TYPE ")) {
        return None;
    }
    for line in body.lines().filter(|l| !l.starts_with('#')) {
        if let Some(i) = line.find("_build_info{") {
            let name = &line[..i];
            let version = line
                .split("version=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(|v| escape_str(v, 40));
            let product = match name {
                "prometheus" => "Prometheus".to_string(),
                "node_exporter" | "node" => "Prometheus node_exporter".to_string(),
                other => format!("Prometheus exporter ({})", escape_str(other, 30)),
            };
            return Some((product, version));
        }
    }
    Some(("Prometheus exporter".into(), None))
}

fn ssh(line: &[u8], fps: &Fingerprints) -> Service {
    let mut s = with_banner(svc("ssh"), line);
    // SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3
    let software = line.splitn(3, |&c| c == b'-').nth(2).unwrap_or(b"");
    refine(&mut s, "ssh.banner", software, fps);
    if s.fingerprint.is_none() {
        let sw = text(software);
        let mut words = sw.splitn(2, ' ');
        let first = words.next().unwrap_or("");
        let (product, version) = first.split_once('_').unwrap_or((first, ""));
        s.product = (!product.is_empty()).then(|| escape_str(product, 40));
        s.version = (!version.is_empty()).then(|| escape_str(version, 40));
        s.info = words.next().map(|c| escape_str(c, 60));
    }
    s
}

fn mysql(b: &[u8], fps: &Fingerprints) -> Option<Service> {
    if b.len() < 6 || b[3] != 0 {
        return None;
    }
    let len = usize::from(b[0]) | usize::from(b[1]) << 8 | usize::from(b[2]) << 16;
    if !(2..=1 << 16).contains(&len) {
        return None;
    }
    match b[4] {
        0x0a => {
            let end = b[5..].iter().position(|&c| c == 0)? + 5;
            let version = &b[5..end];
            if version.is_empty() || !version.iter().all(|c| c.is_ascii_graphic()) {
                return None;
            }
            let mut s = svc("mysql");
            refine(&mut s, "mysql.banners", version, fps);
            if s.product.is_none() {
                s.product = Some("MySQL".into());
                s.version = Some(escape_bytes(version, 40));
            }
            Some(s)
        }
        0xff if b.len() > 7 => {
            let msg = text(&b[7..(len + 4).min(b.len())]);
            let mut s = svc("mysql");
            s.info = Some(escape_str(&msg, 100));
            Some(s)
        }
        _ => None,
    }
}

fn postgres(b: &[u8]) -> Option<Service> {
    if b.len() < 9 || !(b[0] == b'E' || b[0] == b'R') {
        return None;
    }
    let len = be32(b, 1)? as usize;
    if !(8..=8192).contains(&len) {
        return None;
    }
    let mut s = svc("postgresql");
    s.product = Some("PostgreSQL".into());
    if b[0] == b'R' {
        let code = be32(b, 5)?;
        s.info = Some(
            match code {
                0 => "trust: no password asked",
                3 => "password authentication",
                5 => "md5 authentication",
                10 => "SCRAM authentication",
                7 => "GSSAPI authentication",
                9 => "SSPI authentication",
                _ => return None,
            }
            .into(),
        );
        if code == 0 {
            s.findings.push(Finding::TrustAuth);
        }
        return Some(s);
    }
    let body = &b[5..(len + 1).min(b.len())];
    let fields: Vec<&[u8]> = body.split(|&c| c == 0).collect();
    let sev = fields
        .iter()
        .any(|f| f.starts_with(b"SFATAL") || f.starts_with(b"SERROR") || f.starts_with(b"VFATAL"));
    if !sev {
        return None;
    }
    if let Some(m) = fields.iter().find(|f| f.first() == Some(&b'M')) {
        s.info = Some(escape_bytes(&m[1..], 100));
    }
    Some(s)
}

fn amqp(b: &[u8]) -> Option<Service> {
    if b.starts_with(b"AMQP") && b.len() >= 8 {
        let mut s = svc("amqp");
        s.info = Some(format!("protocol header {}.{}.{}", b[5], b[6], b[7]));
        return Some(s);
    }
    if b.len() < 11 || b[0] != 1 || b[1] != 0 || b[2] != 0 || b[7..11] != [0, 10, 0, 10] {
        return None;
    }
    let mut s = svc("amqp");
    s.product = table_str(b, b"product").map(|p| escape_str(&p, 40));
    s.version = table_str(b, b"version").map(|v| escape_str(&v, 40));
    s.info = Some(format!(
        "AMQP {}-{}",
        b[11],
        b.get(12).copied().unwrap_or(0)
    ));
    Some(s)
}

/// A long-string value in an AMQP field table: name, 'S', u32 length, bytes.
fn table_str(b: &[u8], key: &[u8]) -> Option<String> {
    let mut i = 0;
    while i + key.len() + 5 < b.len() {
        if i > 0 && b[i - 1] as usize == key.len() && &b[i..i + key.len()] == key {
            let t = i + key.len();
            if b[t] == b'S' {
                let n = be32(b, t + 1)? as usize;
                let start = t + 5;
                return b.get(start..start + n.min(64)).map(text);
            }
        }
        i += 1;
    }
    None
}

fn mongo(b: &[u8]) -> Option<Service> {
    if b.len() < 21 {
        return None;
    }
    let len = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let op = i32::from_le_bytes([b[12], b[13], b[14], b[15]]);
    let response_to = i32::from_le_bytes([b[8], b[9], b[10], b[11]]);
    if !(16..=48_000_000).contains(&len) || !(op == 2013 || op == 1) || response_to != MONGO_HELLO {
        return None;
    }
    let mut s = svc("mongodb");
    s.product = Some("MongoDB".into());
    if find(b, b"maxWireVersion").is_some() {
        s.info = Some("hello answered".into());
    }
    Some(s)
}

/// What a MongoDB command reply says about access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MongoAccess {
    /// The command that needs authentication when it is on was answered with data.
    Open,
    /// The server refused it: authentication is on.
    Refused,
}

/// A BSON value, as far as the judgement needs it.
#[derive(Debug, Clone, PartialEq)]
enum Bson<'a> {
    Number(f64),
    Str(&'a [u8]),
    Array,
    Other,
}

/// The top-level document of an OP_MSG reply to request `id`.
fn mongo_body(b: &[u8], id: i32) -> Option<&[u8]> {
    let le32 = |at: usize| -> Option<i32> {
        Some(i32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
    };
    let len = usize::try_from(le32(0)?).ok()?;
    if le32(8)? != id || le32(12)? != 2013 || b.get(20) != Some(&0) || len > b.len() {
        return None;
    }
    let doc = b.get(21..len)?;
    let dlen = usize::try_from(i32::from_le_bytes(doc.get(..4)?.try_into().ok()?)).ok()?;
    (dlen >= 5 && dlen <= doc.len()).then(|| &doc[..dlen])
}

/// One top-level field of a BSON document; `None` when absent or the document ends in
/// a type this reader does not walk past.
fn bson_get<'a>(doc: &'a [u8], key: &str) -> Option<Bson<'a>> {
    let le32 = |at: usize| -> Option<usize> {
        usize::try_from(i32::from_le_bytes(doc.get(at..at + 4)?.try_into().ok()?)).ok()
    };
    let mut at = 4;
    while at < doc.len() {
        let kind = doc[at];
        if kind == 0 {
            return None;
        }
        let name_end = at + 1 + doc.get(at + 1..)?.iter().position(|&c| c == 0)?;
        let name = &doc[at + 1..name_end];
        let v = name_end + 1;
        let (value, size) = match kind {
            0x01 => (
                Bson::Number(f64::from_le_bytes(doc.get(v..v + 8)?.try_into().ok()?)),
                8,
            ),
            0x02 => {
                let n = le32(v)?;
                let s = doc.get(v + 4..v + 4 + n)?;
                (Bson::Str(s.strip_suffix(b"\0").unwrap_or(s)), 4 + n)
            }
            0x03 => (Bson::Other, le32(v)?),
            0x04 => (Bson::Array, le32(v)?),
            0x05 => (Bson::Other, 5 + le32(v)?),
            0x07 => (Bson::Other, 12),
            0x08 => (Bson::Number(f64::from(*doc.get(v)?)), 1),
            0x09 | 0x11 => (Bson::Other, 8),
            0x0a => (Bson::Other, 0),
            0x10 => (
                Bson::Number(f64::from(i32::from_le_bytes(
                    doc.get(v..v + 4)?.try_into().ok()?,
                ))),
                4,
            ),
            0x12 => (
                Bson::Number(i64::from_le_bytes(doc.get(v..v + 8)?.try_into().ok()?) as f64),
                8,
            ),
            0x13 => (Bson::Other, 16),
            _ => return None,
        };
        if name == key.as_bytes() {
            return Some(value);
        }
        at = v + size;
    }
    None
}

/// Reads the reply to `listDatabases` (request `id`): answered with a list of databases
/// means anyone who connects may read; `Unauthorized` (code 13) means authentication is
/// on. Anything else says nothing either way.
pub fn mongo_access(b: &[u8], id: i32) -> Option<MongoAccess> {
    let doc = mongo_body(b, id)?;
    match bson_get(doc, "ok")? {
        Bson::Number(1.0) => {
            (bson_get(doc, "databases") == Some(Bson::Array)).then_some(MongoAccess::Open)
        }
        Bson::Number(0.0) => {
            let code = bson_get(doc, "code");
            let name = bson_get(doc, "codeName");
            let refused = code == Some(Bson::Number(13.0))
                || name == Some(Bson::Str(b"Unauthorized"))
                || matches!(bson_get(doc, "errmsg"), Some(Bson::Str(m))
                    if find(m, b"requires authentication").is_some()
                        || find(m, b"not authorized").is_some());
            refused.then_some(MongoAccess::Refused)
        }
        _ => None,
    }
}

/// The server version from the reply to `buildInfo` (request `id`).
pub fn mongo_version(b: &[u8], id: i32) -> Option<String> {
    let doc = mongo_body(b, id)?;
    match bson_get(doc, "version")? {
        Bson::Str(v) if !v.is_empty() => Some(escape_bytes(v, 40)),
        _ => None,
    }
}

fn redis(b: &[u8]) -> Option<Service> {
    let line = first_line(b);
    let is = |p: &[u8]| line.starts_with(p);
    let info = if is(b"+PONG") {
        None
    } else if is(b"-NOAUTH") || is(b"-WRONGPASS") {
        Some("auth required")
    } else if is(b"-DENIED") {
        Some("protected mode")
    } else if (is(b"-ERR unknown command") && text(line).contains("with args beginning with"))
        || find(b, b"redis_version:").is_some()
    {
        None
    } else {
        return None;
    };
    let mut s = svc("redis");
    s.product = Some("Redis".into());
    s.info = info.map(String::from);
    Some(s)
}

/// A Redis `INFO server` request, sent after a PONG for the version.
pub const REDIS_INFO: &[u8] = b"*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n";

/// The version from an INFO reply.
pub fn redis_version(b: &[u8]) -> Option<String> {
    let t = text(b);
    let v = t.split("redis_version:").nth(1)?.lines().next()?;
    Some(escape_str(v.trim(), 40))
}

/// Reads the reply to `probe` that only its own request can explain.
pub fn own_reply(probe: Probe, b: &[u8]) -> Option<Service> {
    match probe {
        Probe::Mqtt => mqtt_connack(b),
        Probe::Memcached => (b == b"ERROR\r\n").then(|| svc("memcached")),
        Probe::ErlangDist => erlang_dist(b),
        Probe::Rdp => rdp(b),
        Probe::Smb => smb(b),
        Probe::Ldap => ldap(b),
        Probe::DnsTcp => dns_tcp(b),
        Probe::Mssql => mssql(b),
        Probe::OracleTns => oracle_tns(b),
        Probe::Cassandra => cassandra(b),
        Probe::Kafka => kafka(b),
        Probe::X11 => x11(b),
        Probe::Minecraft => minecraft(b),
        Probe::Modbus => modbus(b),
        _ => None,
    }
}

fn mqtt_connack(b: &[u8]) -> Option<Service> {
    if b.len() < 4 || b[0] != 0x20 || b[1] < 2 {
        return None;
    }
    let mut s = svc("mqtt");
    s.info = Some(
        match b[3] {
            0 => "connection accepted without credentials",
            1 => "protocol version refused",
            2 => "client id refused",
            3 => "server unavailable",
            4 | 5 | 0x86 | 0x87 => "auth required",
            _ => "connack",
        }
        .into(),
    );
    Some(s)
}

/// SUBSCRIBE (packet id 1, QoS 0) to `$SYS/broker/version`.
pub const MQTT_SYS_SUBSCRIBE: [u8; 26] = [
    0x82, 24, 0, 1, 0, 19, b'$', b'S', b'Y', b'S', b'/', b'b', b'r', b'o', b'k', b'e', b'r', b'/',
    b'v', b'e', b'r', b's', b'i', b'o', b'n', 0,
];

/// The broker and version from a retained `$SYS/broker/version` PUBLISH
/// (`mosquitto version 2.0.11`), among the packets in `b`.
pub fn mqtt_sys_version(b: &[u8]) -> Option<(String, Option<String>)> {
    let mut at = 0;
    while at < b.len() {
        let kind = b[at] >> 4;
        let (mut len, mut shift, mut i) = (0usize, 0, at + 1);
        loop {
            let byte = *b.get(i)?;
            len |= ((byte & 0x7f) as usize) << shift;
            i += 1;
            if byte & 0x80 == 0 || shift > 21 {
                break;
            }
            shift += 7;
        }
        let body = b.get(i..i + len)?;
        if kind == 3 {
            let tlen = be16(body, 0)? as usize;
            let topic = body.get(2..2 + tlen)?;
            let qos = (b[at] >> 1) & 3;
            let start = 2 + tlen + if qos > 0 { 2 } else { 0 };
            if topic == b"$SYS/broker/version" {
                let text = String::from_utf8_lossy(body.get(start..)?).into_owned();
                let (product, version) = match text.rsplit_once(" version ") {
                    Some((p, v)) => (p.to_string(), Some(escape_str(v.trim(), 40))),
                    None => (text.clone(), None),
                };
                let product = match product.as_str() {
                    "mosquitto" => "Mosquitto".to_string(),
                    other => escape_str(other, 40),
                };
                return Some((product, version));
            }
        }
        at = i + len;
    }
    None
}

fn erlang_dist(b: &[u8]) -> Option<Service> {
    // [len u16]['s'][status], then perhaps the challenge with the node's name.
    let len = be16(b, 0)? as usize;
    if !(2..=32).contains(&len) || b.get(2) != Some(&b's') {
        return None;
    }
    let status = b.get(3..2 + len)?;
    let known: [&[u8]; 6] = [
        b"ok",
        b"ok_simultaneous",
        b"nok",
        b"not_allowed",
        b"alive",
        b"named:",
    ];
    if !known.iter().any(|k| status.starts_with(k)) {
        return None;
    }
    let mut s = svc("erlang-dist");
    s.product = Some("Erlang distribution".into());
    let mut info = format!("handshake status {}", escape_bytes(status, 20));
    if let Some(node) = erlang_challenge_name(&b[2 + len..]) {
        if node.starts_with("rabbit") {
            s.product = Some("RabbitMQ (Erlang distribution)".into());
        } else if node.starts_with("couchdb") {
            s.product = Some("CouchDB (Erlang distribution)".into());
        }
        info = format!("node {node}");
    }
    s.info = Some(info);
    Some(s)
}

fn erlang_challenge_name(b: &[u8]) -> Option<String> {
    let len = be16(b, 0)? as usize;
    let m = b.get(2..2 + len)?;
    let name = match m.first()? {
        // 'n': version u16, flags u32, challenge u32, name
        b'n' => m.get(11..)?,
        // 'N': flags u64, challenge u32, creation u32, name length u16, name
        b'N' => {
            let n = be16(m, 17)? as usize;
            m.get(19..19 + n)?
        }
        _ => return None,
    };
    (!name.is_empty()).then(|| escape_bytes(name, 60))
}

fn rdp(b: &[u8]) -> Option<Service> {
    // TPKT version 3, X.224 Connection Confirm (0xd0).
    if b.len() < 11 || b[0] != 3 || b[1] != 0 || b[5] != 0xd0 {
        return None;
    }
    let mut s = svc("rdp");
    s.product = Some("Remote Desktop Protocol".into());
    if b.len() >= 19 {
        s.info = Some(match (b[11], be32le(b, 15)) {
            (2, Some(0)) => "standard RDP security".to_string(),
            (2, Some(1)) => "TLS security".into(),
            (2, Some(2 | 3)) => "CredSSP (NLA)".into(),
            (2, Some(8)) => "RDSTLS".into(),
            (3, Some(code)) => format!("negotiation failure {code}"),
            _ => "negotiated".into(),
        });
    }
    Some(s)
}

fn be32le(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn smb(b: &[u8]) -> Option<Service> {
    if b.len() < 8 || b[0] != 0 {
        return None;
    }
    let smb = &b[4..];
    if smb.starts_with(b"\xffSMB") {
        let mut s = svc("smb");
        s.info = Some("SMB1 only".into());
        return Some(s);
    }
    if !smb.starts_with(b"\xfeSMB") {
        return None;
    }
    let mut s = svc("smb");
    // NEGOTIATE response body after the 64-byte header: size, security mode, dialect.
    if let Some(&[lo, hi]) = smb.get(68..70) {
        let dialect = u16::from_le_bytes([lo, hi]);
        s.version = Some(
            match dialect {
                0x0202 => "2.0.2",
                0x0210 => "2.1",
                0x0300 => "3.0",
                0x0302 => "3.0.2",
                0x0311 => "3.1.1",
                _ => "2.x",
            }
            .into(),
        );
        s.info = Some(format!("dialect {}", s.version.clone().unwrap_or_default()));
        s.version = None;
    }
    Some(s)
}

fn ldap(b: &[u8]) -> Option<Service> {
    // SEQUENCE { INTEGER 1, [APPLICATION 4|5] … }
    if b.len() < 7 || b[0] != 0x30 {
        return None;
    }
    let (_, hdr) = ber_len(b, 1)?;
    let at = 1 + hdr;
    if b.get(at..at + 3) != Some(&[0x02, 0x01, 0x01]) {
        return None;
    }
    let op = *b.get(at + 3)?;
    if !matches!(op, 0x64 | 0x65 | 0x78) {
        return None;
    }
    let mut s = svc("ldap");
    let vendor = ldap_attr(b, b"vendorName");
    let version = ldap_attr(b, b"vendorVersion");
    s.product = vendor.clone();
    s.version = version;
    if let Some(nc) = ldap_attr(b, b"namingContexts") {
        s.info = Some(format!("naming context {nc}"));
    }
    if s.product.is_none() && find(b, b"namingContexts").is_some() {
        s.info = s.info.or(Some("root DSE readable".into()));
    }
    Some(s)
}

fn ber_len(b: &[u8], at: usize) -> Option<(usize, usize)> {
    let first = *b.get(at)?;
    if first < 0x80 {
        return Some((first as usize, 1));
    }
    let n = (first & 0x7f) as usize;
    if n == 0 || n > 4 {
        return None;
    }
    let mut len = 0usize;
    for i in 0..n {
        len = len << 8 | *b.get(at + 1 + i)? as usize;
    }
    Some((len, 1 + n))
}

/// The first value of an attribute in a SearchResultEntry: the name as an OCTET STRING,
/// then a SET holding OCTET STRING values.
fn ldap_attr(b: &[u8], name: &[u8]) -> Option<String> {
    let i = find(b, name)?;
    let mut at = i + name.len();
    if *b.get(at)? != 0x31 {
        return None;
    }
    let (_, h) = ber_len(b, at + 1)?;
    at += 1 + h;
    if *b.get(at)? != 0x04 {
        return None;
    }
    let (len, h) = ber_len(b, at + 1)?;
    let v = b.get(at + 1 + h..at + 1 + h + len)?;
    Some(escape_bytes(v, 80))
}

fn dns_tcp(b: &[u8]) -> Option<Service> {
    let len = be16(b, 0)? as usize;
    let m = b.get(2..2 + len.min(b.len() - 2))?;
    let mut s = dns_message(m)?;
    s.name = "dns".into();
    Some(s)
}

/// A DNS answer to our `version.bind` query (id 0x706c): the TXT string, if told.
pub fn dns_message(m: &[u8]) -> Option<Service> {
    if m.len() < 12 || m[0] != 0x70 || m[1] != 0x6c || m[2] & 0x80 == 0 {
        return None;
    }
    let mut s = svc("dns");
    let rcode = m[3] & 0x0f;
    let answers = be16(m, 6)?;
    if answers > 0 {
        // The TXT RDATA is the last thing in a one-answer reply: length byte, text.
        if let Some(t) = last_txt(m) {
            s.info = Some(format!("version.bind: {t}"));
            s.banner = Some(t);
        }
    } else {
        s.info = Some(format!("version.bind refused (rcode {rcode})"));
    }
    Some(s)
}

fn last_txt(m: &[u8]) -> Option<String> {
    // Scan back for a length byte that spans exactly to the end.
    (12..m.len()).rev().find_map(|i| {
        let n = m[i] as usize;
        (n > 0 && i + 1 + n == m.len()).then(|| escape_bytes(&m[i + 1..], 80))
    })
}

fn mssql(b: &[u8]) -> Option<Service> {
    if b.len() < 14 || b[0] != 0x04 || b[1] & 0x01 == 0 {
        return None;
    }
    let len = be16(b, 2)? as usize;
    if len < 14 || len > b.len() + 4096 {
        return None;
    }
    let data = &b[8..];
    // The option table: token, offset, length ... 0xff.
    if data[0] != 0 {
        return None;
    }
    let off = be16(data, 1)? as usize;
    let n = be16(data, 3)? as usize;
    let v = data.get(off..off + n)?;
    if n < 6 {
        return None;
    }
    let mut s = svc("mssql");
    s.product = Some("Microsoft SQL Server".into());
    s.version = Some(format!(
        "{}.{}.{}",
        v[0],
        v[1],
        u16::from_be_bytes([v[2], v[3]])
    ));
    s.cpe = Some("cpe:/a:microsoft:sql_server".into());
    Some(s)
}

fn oracle_tns(b: &[u8]) -> Option<Service> {
    if b.len() < 8 {
        return None;
    }
    let len = be16(b, 0)? as usize;
    if !(8..=8192).contains(&len) || b[2] != 0 || b[3] != 0 || !matches!(b[4], 2 | 4 | 5 | 11 | 12)
    {
        return None;
    }
    let mut s = svc("oracle-tns");
    s.product = Some("Oracle TNS listener".into());
    let t = text(b);
    if let Some(v) = t.split("VSNNUM=").nth(1).and_then(|r| r.split(')').next())
        && let Ok(n) = v.parse::<u32>()
    {
        s.version = Some(format!(
            "{}.{}.{}.{}.{}",
            n >> 24,
            (n >> 20) & 0xf,
            (n >> 12) & 0xff,
            (n >> 8) & 0xf,
            n & 0xff
        ));
    }
    if let Some(e) = t.split("ERR=").nth(1).and_then(|r| r.split(')').next()) {
        s.info = Some(format!("error {}", escape_str(e, 10)));
    }
    Some(s)
}

fn cassandra(b: &[u8]) -> Option<Service> {
    if b.len() < 9 || b[0] & 0x80 == 0 || !(3..=6).contains(&(b[0] & 0x7f)) {
        return None;
    }
    let opcode = b[4];
    if !matches!(opcode, 0x00 | 0x06) || be32(b, 5)? > 65_536 {
        return None;
    }
    let mut s = svc("cassandra");
    s.product = Some("Apache Cassandra".into());
    let t = text(&b[9..]);
    if let Some(i) = t.find("CQL_VERSION") {
        let v: String = t[i + 11..]
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        s.info = Some(format!("CQL {v}"));
    }
    if t.contains("ScyllaDB") || t.contains("SCYLLA") {
        s.product = Some("ScyllaDB".into());
    }
    Some(s)
}

fn kafka(b: &[u8]) -> Option<Service> {
    let len = be32(b, 0)? as usize;
    if !(6..=1 << 20).contains(&len) || be32(b, 4)? != KAFKA_CORRELATION {
        return None;
    }
    let mut s = svc("kafka");
    s.product = Some("Apache Kafka".into());
    let error = be16(b, 8)?;
    let apis = be32(b, 10).unwrap_or(0);
    s.info = Some(if error == 0 {
        format!("{apis} APIs")
    } else {
        format!("ApiVersions error {error}")
    });
    Some(s)
}

fn x11(b: &[u8]) -> Option<Service> {
    if b.len() < 8 || b[0] > 2 {
        return None;
    }
    let major = u16::from_le_bytes([b[2], b[3]]);
    if major != 11 {
        return None;
    }
    let mut s = svc("x11");
    s.product = Some("X11".into());
    s.info = Some(
        match b[0] {
            0 => {
                let n = b[1] as usize;
                format!(
                    "access denied: {}",
                    escape_bytes(b.get(8..8 + n).unwrap_or(b""), 60)
                )
            }
            1 => "open: accepts clients without authorisation".into(),
            _ => "authentication required".into(),
        }
        .to_string(),
    );
    if b[0] == 1 && b.len() >= 40 {
        let vendor_len = u16::from_le_bytes([b[24], b[25]]) as usize;
        if let Some(v) = b.get(40..40 + vendor_len) {
            s.product = Some(escape_bytes(v, 60));
        }
    }
    Some(s)
}

fn minecraft(b: &[u8]) -> Option<Service> {
    let start = b.iter().position(|&c| c == b'{')?;
    if start > 8 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&b[start..]).ok()?;
    if !v["version"].is_object() || !(v["players"].is_object() || v["description"].is_object()) {
        return None;
    }
    let mut s = svc("minecraft");
    s.product = Some("Minecraft server".into());
    s.version = v["version"]["name"].as_str().map(|x| escape_str(x, 40));
    if let (Some(on), Some(max)) = (
        v["players"]["online"].as_u64(),
        v["players"]["max"].as_u64(),
    ) {
        s.info = Some(format!("{on}/{max} players"));
    }
    Some(s)
}

fn modbus(b: &[u8]) -> Option<Service> {
    if b.len() < 9 || b[0] != 0x70 || b[1] != 0x6c || b[2] != 0 || b[3] != 0 {
        return None;
    }
    let function = b[7];
    if function != 0x2b && function != 0xab {
        return None;
    }
    let mut s = svc("modbus");
    if function == 0xab {
        s.info = Some(format!("exception {}", b.get(8).copied().unwrap_or(0)));
        return Some(s);
    }
    // MEI type, read code, conformity, more, next id, count, then objects: id, len, value.
    let mut at = 14;
    let mut objects: Vec<(u8, String)> = Vec::new();
    for _ in 0..b.get(13).copied().unwrap_or(0) {
        let id = *b.get(at)?;
        let n = *b.get(at + 1)? as usize;
        let v = b.get(at + 2..at + 2 + n)?;
        objects.push((id, escape_bytes(v, 40)));
        at += 2 + n;
    }
    let get = |id: u8| objects.iter().find(|o| o.0 == id).map(|o| o.1.clone());
    s.product = match (get(0), get(1)) {
        (Some(v), Some(p)) => Some(format!("{v} {p}")),
        (v, p) => v.or(p),
    };
    s.version = get(2);
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fps() -> Fingerprints {
        Fingerprints::builtin()
    }

    #[test]
    fn recognises_banners() {
        let f = fps();
        let s = recognise(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", &f).unwrap();
        assert_eq!(
            (s.name.as_str(), s.product.as_deref()),
            ("ssh", Some("OpenSSH"))
        );
        assert_eq!(s.version.as_deref(), Some("9.2p1"));
        assert_eq!(s.cpe.as_deref(), Some("cpe:/a:openbsd:openssh:9.2p1"));
        assert!(
            s.fingerprint
                .as_deref()
                .unwrap()
                .starts_with("portlore:ssh:")
        );
        let maria = b"\x5b\x00\x00\x00\x0a5.5.5-10.11.6-MariaDB-0+deb12u1\x00rest";
        let s = recognise(maria, &f).unwrap();
        assert_eq!(s.product.as_deref(), Some("MariaDB"));
        assert_eq!(s.version.as_deref(), Some("10.11.6"));
        assert_eq!(recognise(b"+PONG\r\n", &f).unwrap().name, "redis");
        assert_eq!(
            recognise(b"-NOAUTH Authentication required.\r\n", &f)
                .unwrap()
                .name,
            "redis"
        );
        let pf = recognise(b"220 mx.example.test ESMTP Postfix (Debian/GNU)\r\n", &f).unwrap();
        assert_eq!(
            (pf.name.as_str(), pf.product.as_deref()),
            ("smtp", Some("Postfix smtpd"))
        );
        let v = recognise(b"220 (vsFTPd 3.0.3)\r\n", &f).unwrap();
        assert_eq!(
            (v.name.as_str(), v.version.as_deref()),
            ("ftp", Some("3.0.3"))
        );
        assert!(ambiguous_220(b"220 welcome\r\n", &f));
        assert_eq!(recognise(b"+OK POP3 ready\r\n", &f).unwrap().name, "pop3");
        assert_eq!(
            recognise(b"* OK [CAPABILITY IMAP4rev1] ready\r\n", &f)
                .unwrap()
                .name,
            "imap"
        );
        assert_eq!(
            recognise(b"VERSION 1.6.21\r\n", &f)
                .unwrap()
                .version
                .as_deref(),
            Some("1.6.21")
        );
        let nats = recognise(b"INFO {\"server_id\":\"x\",\"version\":\"2.10.1\"}\r\n", &f).unwrap();
        assert_eq!(
            (nats.name.as_str(), nats.version.as_deref()),
            ("nats", Some("2.10.1"))
        );
        assert!(recognise(b"hello there", &f).is_none());
        let pg =
            b"E\x00\x00\x00\x50SFATAL\x00VFATAL\x00C28000\x00Mrole \"x\" does not exist\x00\x00";
        assert_eq!(recognise(pg, &f).unwrap().name, "postgresql");
        let trust = b"R\x00\x00\x00\x08\x00\x00\x00\x00";
        assert_eq!(
            recognise(trust, &f).unwrap().findings,
            vec![Finding::TrustAuth]
        );
        assert_eq!(recognise(b"@RSYNCD: 31.0\n", &f).unwrap().name, "rsync");
        let zk = recognise(b"Zookeeper version: 3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12\nLatency", &f).unwrap();
        assert_eq!(zk.version.as_deref(), Some("3.8.4"));
    }

    #[test]
    fn http_answers_name_what_serves_them() {
        let f = fps();
        let es = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n{\"name\":\"n\",\"cluster_name\":\"lab\",\"version\":{\"number\":\"8.13.0\"},\"tagline\":\"You Know, for Search\"}";
        let s = recognise(es, &f).unwrap();
        assert_eq!(
            (s.name.as_str(), s.version.as_deref()),
            ("elasticsearch", Some("8.13.0"))
        );
        assert_eq!(s.findings, vec![Finding::NoAuth]);
        let docker = b"HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\n\r\n{\"Version\":\"26.1.4\",\"ApiVersion\":\"1.45\",\"Os\":\"linux\"}";
        let s = recognise(docker, &f).unwrap();
        assert_eq!(
            (s.name.as_str(), s.version.as_deref()),
            ("docker", Some("26.1.4"))
        );
        let etcd = b"HTTP/1.1 200 OK\r\n\r\n{\"etcdserver\":\"3.5.12\",\"etcdcluster\":\"3.5.0\"}";
        assert_eq!(recognise(etcd, &f).unwrap().name, "etcd");
        let k8s =
            b"HTTP/1.1 200 OK\r\n\r\n{\"major\":\"1\",\"minor\":\"29\",\"gitVersion\":\"v1.29.2\"}";
        assert_eq!(
            recognise(k8s, &f).unwrap().version.as_deref(),
            Some("v1.29.2")
        );
        let cups = b"HTTP/1.1 200 OK\r\nServer: CUPS/2.4 IPP/2.1\r\n\r\n";
        let s = recognise(cups, &f).unwrap();
        assert_eq!(
            (s.name.as_str(), s.product.as_deref()),
            ("ipp", Some("CUPS"))
        );
        let nginx = b"HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n\r\n";
        assert_eq!(
            recognise(nginx, &f).unwrap().version.as_deref(),
            Some("1.22.1")
        );
        let metrics = b"HTTP/1.1 200 OK\r\n\r\n# HELP x y\n# TYPE x gauge\nnode_exporter_build_info{branch=\"\",version=\"1.7.0\"} 1\n";
        assert_eq!(
            prometheus_metrics(metrics),
            Some(("Prometheus node_exporter".into(), Some("1.7.0".into())))
        );
        let rtsp = b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nServer: GStreamer RTSP server\r\n\r\n";
        assert_eq!(recognise(rtsp, &f).unwrap().name, "rtsp");
        let sip = b"SIP/2.0 200 OK\r\nServer: Asterisk PBX 20.5.0\r\n\r\n";
        let s = recognise(sip, &f).unwrap();
        assert_eq!(
            (s.product.as_deref(), s.version.as_deref()),
            (Some("Asterisk"), Some("20.5.0"))
        );
    }

    #[test]
    fn own_replies() {
        assert_eq!(
            own_reply(Probe::Mqtt, &[0x20, 2, 0, 5])
                .unwrap()
                .info
                .as_deref(),
            Some("auth required")
        );
        // Erlang: status ok, then a version 6 challenge naming the node.
        let mut b = vec![0, 3, b's', b'o', b'k'];
        let name = b"rabbit@lab";
        let mut n = vec![b'N'];
        n.extend_from_slice(&[0; 8]); // flags
        n.extend_from_slice(&[1, 2, 3, 4]); // challenge
        n.extend_from_slice(&[0; 4]); // creation
        n.extend_from_slice(&(name.len() as u16).to_be_bytes());
        n.extend_from_slice(name);
        b.extend_from_slice(&(n.len() as u16).to_be_bytes());
        b.extend(n);
        let s = own_reply(Probe::ErlangDist, &b).unwrap();
        assert_eq!(s.name, "erlang-dist");
        assert_eq!(s.info.as_deref(), Some("node rabbit@lab"));
        assert!(own_reply(Probe::ErlangDist, &[0, 3, b's', b'x', b'y']).is_none());
        let rdp = [
            3, 0, 0, 19, 14, 0xd0, 0, 0, 0x12, 0x34, 0, 2, 0, 8, 0, 2, 0, 0, 0,
        ];
        assert_eq!(
            own_reply(Probe::Rdp, &rdp).unwrap().info.as_deref(),
            Some("CredSSP (NLA)")
        );
        let kafka = [0, 0, 0, 10, 0x70, 0x6c, 0, 1, 0, 0, 0, 0, 0, 0];
        assert_eq!(own_reply(Probe::Kafka, &kafka).unwrap().name, "kafka");
        let x = [
            0u8, 10, 11, 0, 0, 0, 3, 0, b'N', b'o', b' ', b'p', b'r', b'o', b't', b'o',
        ];
        assert!(
            own_reply(Probe::X11, &x)
                .unwrap()
                .info
                .unwrap()
                .starts_with("access denied")
        );
        let mc = b"\x40\x00\x3e{\"version\":{\"name\":\"1.20.4\",\"protocol\":765},\"players\":{\"max\":20,\"online\":1}}";
        let s = own_reply(Probe::Minecraft, mc).unwrap();
        assert_eq!(
            (s.version.as_deref(), s.info.as_deref()),
            (Some("1.20.4"), Some("1/20 players"))
        );
        let mut dns = vec![0x70, 0x6c, 0x84, 0x00, 0, 1, 0, 1, 0, 0, 0, 0];
        dns.extend_from_slice(b"\x07version\x04bind\x00\x00\x10\x00\x03\xc0\x0c\x00\x10\x00\x03\x00\x00\x00\x00\x00\x07\x06dnsmas");
        let mut tcp = (dns.len() as u16).to_be_bytes().to_vec();
        tcp.extend(dns);
        assert_eq!(
            own_reply(Probe::DnsTcp, &tcp).unwrap().banner.as_deref(),
            Some("dnsmas")
        );
        let modbus = [
            0x70, 0x6c, 0, 0, 0, 20, 0, 0x2b, 0x0e, 1, 1, 0, 0, 2, 0, 3, b'A', b'c', b'm', 1, 3,
            b'P', b'L', b'C',
        ];
        let s = own_reply(Probe::Modbus, &modbus).unwrap();
        assert_eq!(s.product.as_deref(), Some("Acm PLC"));
        assert!(own_reply(Probe::Cassandra, b"garbage!!").is_none());
        let mut mq = vec![0x90, 3, 0, 1, 0, 0x31, 0];
        let payload = b"mosquitto version 2.0.11";
        let topic = b"$SYS/broker/version";
        mq.push((2 + topic.len() + payload.len()) as u8);
        mq.extend_from_slice(&(topic.len() as u16).to_be_bytes());
        mq.extend_from_slice(topic);
        mq.extend_from_slice(payload);
        mq.remove(6);
        assert_eq!(
            mqtt_sys_version(&mq),
            Some(("Mosquitto".into(), Some("2.0.11".into())))
        );
        assert_eq!(MQTT_SYS_SUBSCRIBE[1] as usize + 2, MQTT_SYS_SUBSCRIBE.len());
        assert!(own_reply(Probe::Smb, b"\x00\x00\x00\x10\xfeSMB").is_some());
    }

    /// A BSON value for building recorded MongoDB replies.
    enum V {
        D(f64),
        I(i32),
        S(&'static str),
        Docs(Vec<Vec<u8>>),
    }

    fn bson(fields: &[(&str, V)]) -> Vec<u8> {
        let mut body = Vec::new();
        for (name, v) in fields {
            let (kind, bytes) = match v {
                V::D(d) => (0x01, d.to_le_bytes().to_vec()),
                V::I(i) => (0x10, i.to_le_bytes().to_vec()),
                V::S(s) => {
                    let mut b = ((s.len() + 1) as i32).to_le_bytes().to_vec();
                    b.extend_from_slice(s.as_bytes());
                    b.push(0);
                    (0x02, b)
                }
                V::Docs(docs) => {
                    let mut arr = Vec::new();
                    for (i, d) in docs.iter().enumerate() {
                        arr.push(0x03);
                        arr.extend_from_slice(i.to_string().as_bytes());
                        arr.push(0);
                        arr.extend_from_slice(d);
                    }
                    let mut b = ((arr.len() + 5) as i32).to_le_bytes().to_vec();
                    b.extend(arr);
                    b.push(0);
                    (0x04, b)
                }
            };
            body.push(kind);
            body.extend_from_slice(name.as_bytes());
            body.push(0);
            body.extend(bytes);
        }
        let mut doc = ((body.len() + 5) as i32).to_le_bytes().to_vec();
        doc.extend(body);
        doc.push(0);
        doc
    }

    /// An OP_MSG reply to request `to`, as mongod sends it.
    fn op_msg_reply(to: i32, doc: &[u8]) -> Vec<u8> {
        let mut m = ((doc.len() + 21) as i32).to_le_bytes().to_vec();
        m.extend_from_slice(&77i32.to_le_bytes());
        m.extend_from_slice(&to.to_le_bytes());
        m.extend_from_slice(&2013i32.to_le_bytes());
        m.extend_from_slice(&0u32.to_le_bytes());
        m.push(0);
        m.extend_from_slice(doc);
        m
    }

    #[test]
    fn mongodb_access_is_read_from_list_databases() {
        use super::super::probes::{MONGO_BUILD_INFO, MONGO_LIST_DATABASES};
        let hello = op_msg_reply(
            MONGO_HELLO,
            &bson(&[
                ("isWritablePrimary", V::I(1)),
                ("maxBsonObjectSize", V::I(16_777_216)),
                ("maxWireVersion", V::I(21)),
                ("ok", V::D(1.0)),
            ]),
        );
        let s = recognise(&hello, &fps()).unwrap();
        assert_eq!(
            (s.name.as_str(), s.product.as_deref()),
            ("mongodb", Some("MongoDB"))
        );
        assert!(s.findings.is_empty(), "hello proves nothing about auth");

        let build = op_msg_reply(
            MONGO_BUILD_INFO,
            &bson(&[
                ("version", V::S("7.0.14")),
                (
                    "gitVersion",
                    V::S("ce59cfc6a3c5e5c067dca0d30697edd68d4f5188"),
                ),
                ("bits", V::I(64)),
                ("ok", V::D(1.0)),
            ]),
        );
        assert_eq!(
            mongo_version(&build, MONGO_BUILD_INFO).as_deref(),
            Some("7.0.14")
        );
        assert_eq!(mongo_version(&build, MONGO_LIST_DATABASES), None);

        let names = ["admin", "config", "local"]
            .into_iter()
            .map(|n| bson(&[("name", V::S(n))]))
            .collect();
        let open = op_msg_reply(
            MONGO_LIST_DATABASES,
            &bson(&[("databases", V::Docs(names)), ("ok", V::D(1.0))]),
        );
        assert_eq!(
            mongo_access(&open, MONGO_LIST_DATABASES),
            Some(MongoAccess::Open)
        );
        assert_eq!(
            mongo_access(&open, MONGO_BUILD_INFO),
            None,
            "another request's reply"
        );

        let refused = op_msg_reply(
            MONGO_LIST_DATABASES,
            &bson(&[
                ("ok", V::D(0.0)),
                (
                    "errmsg",
                    V::S("command listDatabases requires authentication"),
                ),
                ("code", V::I(13)),
                ("codeName", V::S("Unauthorized")),
            ]),
        );
        assert_eq!(
            mongo_access(&refused, MONGO_LIST_DATABASES),
            Some(MongoAccess::Refused)
        );

        // An answer without the list, another error, or cut bytes say nothing either way.
        let odd = op_msg_reply(MONGO_LIST_DATABASES, &bson(&[("ok", V::I(1))]));
        assert_eq!(mongo_access(&odd, MONGO_LIST_DATABASES), None);
        let other = op_msg_reply(
            MONGO_LIST_DATABASES,
            &bson(&[
                ("ok", V::D(0.0)),
                ("code", V::I(59)),
                ("codeName", V::S("CommandNotFound")),
            ]),
        );
        assert_eq!(mongo_access(&other, MONGO_LIST_DATABASES), None);
        for cut in 0..open.len() {
            assert_eq!(
                mongo_access(&open[..cut], MONGO_LIST_DATABASES),
                None,
                "{cut}"
            );
        }
    }
}
