//! Probe payloads and the signatures that recognise answers. Every matcher reads any
//! answer, whichever probe caused it: a Redis server answering a TLS hello with an error
//! still names itself.

use super::Service;
use crate::escape::{escape_bytes, escape_str};

/// An active probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// `GET / HTTP/1.0`.
    Http,
    /// A TLS handshake (then HTTP inside it).
    Tls,
    /// Redis `PING` in RESP.
    Redis,
    /// A PostgreSQL v3 StartupMessage for a user that should not exist.
    Postgres,
    /// A MongoDB `hello` in OP_MSG.
    Mongo,
    /// The AMQP 0-9-1 protocol header.
    Amqp,
    /// An MQTT 3.1.1 CONNECT.
    Mqtt,
    /// memcached `version`.
    Memcached,
    /// Erlang port mapper `NAMES_REQ`.
    Epmd,
}

impl Probe {
    /// Silent-server probes in the order tried when the port gives no hint: the most
    /// common protocol first, and the ones whose wrong guesses end quickest.
    pub const ORDER: [Probe; 9] = [
        Probe::Http,
        Probe::Tls,
        Probe::Redis,
        Probe::Postgres,
        Probe::Amqp,
        Probe::Mqtt,
        Probe::Mongo,
        Probe::Memcached,
        Probe::Epmd,
    ];

    /// Short name, used in `method` (`probe:redis`).
    pub fn name(self) -> &'static str {
        match self {
            Probe::Http => "http",
            Probe::Tls => "tls",
            Probe::Redis => "redis",
            Probe::Postgres => "postgresql",
            Probe::Mongo => "mongodb",
            Probe::Amqp => "amqp",
            Probe::Mqtt => "mqtt",
            Probe::Memcached => "memcached",
            Probe::Epmd => "epmd",
        }
    }

    /// The bytes sent (TLS is handled by rustls instead).
    pub fn payload(self, host: &str) -> Vec<u8> {
        match self {
            Probe::Http | Probe::Tls => http_get(host),
            Probe::Redis => b"*1\r\n$4\r\nPING\r\n".to_vec(),
            Probe::Postgres => postgres_startup(),
            Probe::Mongo => mongo_hello(),
            Probe::Amqp => b"AMQP\x00\x00\x09\x01".to_vec(),
            Probe::Mqtt => mqtt_connect(),
            Probe::Memcached => b"version\r\n".to_vec(),
            Probe::Epmd => vec![0, 1, b'n'],
        }
    }
}

/// A probe that fits a well-known port of a client-speaks-first protocol, tried first.
pub fn hint(port: u16) -> Option<Probe> {
    Some(match port {
        80 | 81 | 591 | 3000 | 5000 | 8000 | 8008 | 8080 | 8081 | 8088 | 8888 | 9000 | 9200 => {
            Probe::Http
        }
        443 | 4443 | 6443 | 8443 | 9443 | 10443 | 465 | 636 | 993 | 995 | 8883 | 5671 => Probe::Tls,
        5432 | 5433 => Probe::Postgres,
        6379 | 6380 | 26379 => Probe::Redis,
        27017..=27019 => Probe::Mongo,
        5672 => Probe::Amqp,
        1883 => Probe::Mqtt,
        11211 => Probe::Memcached,
        4369 => Probe::Epmd,
        _ => return None,
    })
}

fn http_get(host: &str) -> Vec<u8> {
    format!("GET / HTTP/1.0\r\nHost: {host}\r\nUser-Agent: portlore-scan\r\nAccept: */*\r\n\r\n")
        .into_bytes()
}

fn postgres_startup() -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(&196_608u32.to_be_bytes()); // protocol 3.0
    for s in ["user", "portlore_probe", "database", "portlore_probe", ""] {
        body.extend_from_slice(s.as_bytes());
        body.push(0);
    }
    let mut msg = ((body.len() + 4) as u32).to_be_bytes().to_vec();
    msg.extend(body);
    msg
}

fn mongo_hello() -> Vec<u8> {
    // BSON {hello: 1, $db: "admin"}
    let mut doc = Vec::new();
    doc.push(0x10);
    doc.extend_from_slice(b"hello\0");
    doc.extend_from_slice(&1i32.to_le_bytes());
    doc.push(0x02);
    doc.extend_from_slice(b"$db\0");
    doc.extend_from_slice(&6i32.to_le_bytes());
    doc.extend_from_slice(b"admin\0");
    doc.push(0);
    let mut bson = ((doc.len() + 4) as i32).to_le_bytes().to_vec();
    bson.extend(doc);
    let mut body = Vec::new();
    body.extend_from_slice(&0u32.to_le_bytes()); // flags
    body.push(0); // section kind 0: body
    body.extend(bson);
    let mut msg = Vec::new();
    msg.extend_from_slice(&((body.len() + 16) as i32).to_le_bytes());
    msg.extend_from_slice(&1i32.to_le_bytes()); // request id
    msg.extend_from_slice(&0i32.to_le_bytes()); // response to
    msg.extend_from_slice(&2013i32.to_le_bytes()); // OP_MSG
    msg.extend(body);
    msg
}

fn mqtt_connect() -> Vec<u8> {
    let client = b"portlore-probe";
    let mut var = vec![0, 4];
    var.extend_from_slice(b"MQTT");
    var.extend_from_slice(&[4, 0x02, 0, 10]); // level 4, clean session, keepalive 10 s
    var.extend_from_slice(&(client.len() as u16).to_be_bytes());
    var.extend_from_slice(client);
    let mut msg = vec![0x10, var.len() as u8];
    msg.extend(var);
    msg
}

fn svc(name: &str) -> Service {
    Service {
        name: name.to_string(),
        ..Service::default()
    }
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

/// Whether a 220 greeting needs an EHLO to tell SMTP from FTP.
pub fn ambiguous_220(bytes: &[u8]) -> bool {
    bytes.starts_with(b"220") && recognise(bytes).is_none()
}

/// Recognises an answer; `None` when it matches no signature.
pub fn recognise(b: &[u8]) -> Option<Service> {
    if b.is_empty() {
        return None;
    }
    if let Some(info) = super::http::parse(b) {
        let mut s = svc("http");
        s.product = info.server.clone();
        s.http = Some(info);
        return Some(s);
    }
    if b.starts_with(b"SSH-") {
        return Some(ssh(first_line(b)));
    }
    if b.len() >= 5 && b[0] == 0x16 && b[1] == 0x03 && b[2] <= 0x04 {
        return Some(svc("tls"));
    }
    if b.len() >= 7 && b[0] == 0x15 && b[1] == 0x03 && b[2] <= 0x04 {
        let mut s = svc("tls");
        s.info = Some("TLS alert".into());
        return Some(s);
    }
    if let Some(s) = mysql(b) {
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
    if b.len() > 4 && text(&b[4..]).starts_with("name ") && text(b).contains(" at port ") {
        let mut s = svc("epmd");
        s.product = Some("Erlang port mapper".into());
        let names: Vec<String> = text(&b[4..])
            .lines()
            .filter_map(|l| l.strip_prefix("name "))
            .map(|l| escape_str(l, 60))
            .take(4)
            .collect();
        s.info = Some(names.join("; "));
        return Some(s);
    }
    if let Some(s) = redis(b) {
        return Some(s);
    }
    if b.starts_with(b"VERSION ") {
        let mut s = svc("memcached");
        s.product = Some("memcached".into());
        s.version = Some(escape_bytes(&first_line(b)[8..], 40));
        return Some(s);
    }
    if b.starts_with(b"RFB ") {
        let mut s = svc("vnc");
        s.version = Some(escape_bytes(&first_line(b)[4..], 20));
        return Some(s);
    }
    if b[0] == 0xff && b.len() >= 3 && (0xfb..=0xfe).contains(&b[1]) {
        return Some(svc("telnet"));
    }
    if b.starts_with(b"+OK") {
        return Some(with_banner(svc("pop3"), b));
    }
    if b.starts_with(b"* OK") || b.starts_with(b"* PREAUTH") {
        return Some(with_banner(svc("imap"), b));
    }
    if b.starts_with(b"220") {
        let line = text(first_line(b)).to_ascii_lowercase();
        if line.contains("ftp") {
            return Some(with_banner(svc("ftp"), b));
        }
        if ["smtp", "esmtp", "postfix", "exim", "sendmail", "mail"]
            .iter()
            .any(|k| line.contains(k))
        {
            return Some(with_banner(svc("smtp"), b));
        }
    }
    None
}

/// Interprets the reply to EHLO after an ambiguous 220 greeting.
pub fn after_ehlo(greeting: &[u8], reply: &[u8]) -> Service {
    let name = if reply.starts_with(b"250") {
        "smtp"
    } else if reply.starts_with(b"5") || reply.starts_with(b"4") {
        "ftp"
    } else {
        "unknown"
    };
    with_banner(svc(name), greeting)
}

fn with_banner(mut s: Service, b: &[u8]) -> Service {
    s.banner = Some(escape_bytes(first_line(b), 200));
    s
}

fn ssh(line: &[u8]) -> Service {
    let mut s = with_banner(svc("ssh"), line);
    // SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3
    let line = text(line);
    let software = line.splitn(3, '-').nth(2).unwrap_or("");
    let mut words = software.splitn(2, ' ');
    let sw = words.next().unwrap_or("");
    let (product, version) = sw.split_once('_').unwrap_or((sw, ""));
    s.product = (!product.is_empty()).then(|| escape_str(product, 40));
    s.version = (!version.is_empty()).then(|| escape_str(version, 40));
    s.info = words.next().map(|c| escape_str(c, 60));
    s
}

fn mysql(b: &[u8]) -> Option<Service> {
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
            let v = text(version);
            let mut s = svc("mysql");
            if let Some(i) = v.find("-MariaDB") {
                s.product = Some("MariaDB".into());
                let head = &v[..i];
                // MariaDB prefixes "5.5.5-" for old clients.
                let ver = head.strip_prefix("5.5.5-").unwrap_or(head);
                s.version = Some(escape_str(ver, 40));
            } else {
                s.product = Some("MySQL".into());
                s.version = Some(escape_str(&v, 40));
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
    let len = u32::from_be_bytes([b[1], b[2], b[3], b[4]]) as usize;
    if !(8..=8192).contains(&len) {
        return None;
    }
    let mut s = svc("postgresql");
    s.product = Some("PostgreSQL".into());
    if b[0] == b'R' {
        let code = u32::from_be_bytes([b[5], b[6], b[7], b[8]]);
        s.info = Some(
            match code {
                0 => "trust: no password asked",
                3 => "password authentication",
                5 => "md5 authentication",
                10 => "SCRAM authentication",
                _ => return None,
            }
            .into(),
        );
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
                let n = u32::from_be_bytes([b[t + 1], b[t + 2], b[t + 3], b[t + 4]]) as usize;
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
    if !(16..=48_000_000).contains(&len) || !(op == 2013 || op == 1) || response_to != 1 {
        return None;
    }
    let mut s = svc("mongodb");
    s.product = Some("MongoDB".into());
    let body = text(b);
    if body.contains("maxWireVersion") {
        s.info = Some("hello answered".into());
    }
    Some(s)
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
        || text(b).contains("redis_version:")
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

/// The MQTT CONNACK answer to our CONNECT.
pub fn mqtt_connack(b: &[u8]) -> Option<Service> {
    if b.len() < 4 || b[0] != 0x20 || b[1] < 2 {
        return None;
    }
    let mut s = svc("mqtt");
    s.info = Some(
        match b[3] {
            0 => "connection accepted",
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

/// memcached's answer to an unknown command (`ERROR`), accepted only after its own probe.
pub fn memcached_error(b: &[u8]) -> Option<Service> {
    (b == b"ERROR\r\n").then(|| svc("memcached"))
}

/// A Redis `INFO server` request, sent after a PONG for the version.
pub const REDIS_INFO: &[u8] = b"*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n";

/// The version from an INFO reply.
pub fn redis_version(b: &[u8]) -> Option<String> {
    let t = text(b);
    let v = t.split("redis_version:").nth(1)?.lines().next()?;
    Some(escape_str(v.trim(), 40))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_banners() {
        let s = recognise(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n").unwrap();
        assert_eq!(
            (s.name.as_str(), s.product.as_deref()),
            ("ssh", Some("OpenSSH"))
        );
        assert_eq!(s.version.as_deref(), Some("9.2p1"));
        let maria = b"\x5b\x00\x00\x00\x0a5.5.5-10.11.6-MariaDB-0+deb12u1\x00rest";
        let s = recognise(maria).unwrap();
        assert_eq!(s.product.as_deref(), Some("MariaDB"));
        assert_eq!(s.version.as_deref(), Some("10.11.6"));
        assert_eq!(recognise(b"+PONG\r\n").unwrap().name, "redis");
        assert_eq!(
            recognise(b"-NOAUTH Authentication required.\r\n")
                .unwrap()
                .name,
            "redis"
        );
        assert_eq!(recognise(b"220 mx ESMTP Postfix\r\n").unwrap().name, "smtp");
        assert_eq!(recognise(b"220 (vsFTPd 3.0.3)\r\n").unwrap().name, "ftp");
        assert!(ambiguous_220(b"220 welcome\r\n"));
        assert_eq!(recognise(b"+OK POP3 ready\r\n").unwrap().name, "pop3");
        assert_eq!(
            recognise(b"* OK [CAPABILITY IMAP4rev1] ready\r\n")
                .unwrap()
                .name,
            "imap"
        );
        assert_eq!(
            recognise(b"VERSION 1.6.21\r\n").unwrap().version.as_deref(),
            Some("1.6.21")
        );
        let nats = recognise(b"INFO {\"server_id\":\"x\",\"version\":\"2.10.1\"}\r\n").unwrap();
        assert_eq!(
            (nats.name.as_str(), nats.version.as_deref()),
            ("nats", Some("2.10.1"))
        );
        assert!(recognise(b"hello there").is_none());
        let pg =
            b"E\x00\x00\x00\x50SFATAL\x00VFATAL\x00C28000\x00Mrole \"x\" does not exist\x00\x00";
        assert_eq!(recognise(pg).unwrap().name, "postgresql");
        assert_eq!(
            mqtt_connack(&[0x20, 2, 0, 5]).unwrap().info.as_deref(),
            Some("auth required")
        );
    }

    #[test]
    fn payloads_are_well_formed() {
        let pg = Probe::Postgres.payload("h");
        assert_eq!(
            u32::from_be_bytes([pg[0], pg[1], pg[2], pg[3]]) as usize,
            pg.len()
        );
        let m = Probe::Mongo.payload("h");
        assert_eq!(
            i32::from_le_bytes([m[0], m[1], m[2], m[3]]) as usize,
            m.len()
        );
        let q = Probe::Mqtt.payload("h");
        assert_eq!(q[1] as usize + 2, q.len());
    }
}
