//! Identification of the real services on this machine, on their own ports, moved to a
//! random port behind a forwarder, and of HTTP and TLS servers the test starts.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use common::*;
use portlore_scan::service::identify;
use portlore_scan::{Timing, scan};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const REAL: &[(&str, u16, &str)] = &[
    ("PostgreSQL", 5432, "postgresql"),
    ("MariaDB", 3306, "mysql"),
    ("Redis", 6379, "redis"),
    ("RabbitMQ", 5672, "amqp"),
    ("Mosquitto", 1883, "mqtt"),
    ("NATS", 4222, "nats"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_services_are_identified_anywhere() {
    let params = Timing::Aggressive.params();
    let mut checked = 0;
    for &(what, port, want) in REAL {
        if !reachable(port).await {
            assert!(
                !must_run(),
                "{what} is not listening on 127.0.0.1:{port} in CI"
            );
            eprintln!("skipped: {what} not listening on 127.0.0.1:{port}");
            continue;
        }
        let direct = identify(SocketAddr::new(LOCALHOST, port), None, &params).await;
        assert_eq!(direct.name, want, "{what} on {port}: {direct:?}");
        // Moved: a forwarder on a random port, so no port hint helps.
        let moved = forwarder(SocketAddr::new(LOCALHOST, port)).await;
        let proxied = identify(SocketAddr::new(LOCALHOST, moved), None, &params).await;
        assert_eq!(
            proxied.name, want,
            "{what} behind a proxy on {moved}: {proxied:?}"
        );
        eprintln!(
            "{what}: {} / proxied on {moved}: {}",
            direct.summary(),
            proxied.summary()
        );
        checked += 1;
    }
    eprintln!("{checked} real services checked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_server_header_and_title() {
    let l = TcpListener::bind((LOCALHOST, 0)).await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                let n = s.read(&mut buf).await.unwrap_or(0);
                if buf[..n].starts_with(b"GET ") {
                    let _ = s
                        .write_all(b"HTTP/1.1 200 OK\r\nServer: lab-httpd/1.0\r\nContent-Type: text/html\r\n\r\n<html><head><title>Lab \x1b[5mpage</title></head></html>")
                        .await;
                }
            });
        }
    });
    let mut c = config(vec![port]);
    c.service = true;
    let report = scan(&[target()], &c, None).await.unwrap();
    let s = report.hosts[0].open[0].service.clone().unwrap();
    assert_eq!(s.name, "http");
    let http = s.http.unwrap();
    assert_eq!(http.server.as_deref(), Some("lab-httpd/1.0"));
    assert_eq!(http.title.as_deref(), Some("Lab \\x1b[5mpage"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_version_and_certificate_subject() {
    let dir = std::env::temp_dir().join(format!("pl-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=lab.portlore.test/O=Portlore Lab",
        ])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        assert!(!must_run(), "openssl is needed in CI");
        eprintln!("skipped: openssl not available");
        return;
    }
    let port = free_ports(1)[0];
    let mut server = std::process::Command::new("openssl")
        .args(["s_server", "-quiet", "-www", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(dir.join("cert.pem"))
        .arg("-key")
        .arg(dir.join("key.pem"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("openssl s_server");
    for _ in 0..50 {
        if reachable(port).await {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let s = identify(
        SocketAddr::new(LOCALHOST, port),
        None,
        &Timing::Aggressive.params(),
    )
    .await;
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
    let tls = s.tls.clone().unwrap_or_else(|| panic!("no TLS: {s:?}"));
    assert!(tls.version.starts_with("TLSv1."), "{tls:?}");
    assert_eq!(
        tls.subject.as_deref(),
        Some("CN=lab.portlore.test, O=Portlore Lab")
    );
    assert_eq!(s.name, "https", "{s:?}");
}

/// A BSON document of int32, double and string fields, and one array of names.
fn bson(fields: &[(&str, Bson)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, v) in fields {
        let value = match v {
            Bson::Int(i) => (0x10, i.to_le_bytes().to_vec()),
            Bson::Double(d) => (0x01, d.to_le_bytes().to_vec()),
            Bson::Str(s) => {
                let mut b = ((s.len() + 1) as i32).to_le_bytes().to_vec();
                b.extend_from_slice(s.as_bytes());
                b.push(0);
                (0x02, b)
            }
            Bson::Names(names) => {
                let docs: Vec<(String, Vec<u8>)> = names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (i.to_string(), bson(&[("name", Bson::Str(n))])))
                    .collect();
                let mut arr = Vec::new();
                for (i, d) in docs {
                    arr.push(0x03);
                    arr.extend_from_slice(i.as_bytes());
                    arr.push(0);
                    arr.extend(d);
                }
                let mut b = ((arr.len() + 5) as i32).to_le_bytes().to_vec();
                b.extend(arr);
                b.push(0);
                (0x04, b)
            }
        };
        body.push(value.0);
        body.extend_from_slice(name.as_bytes());
        body.push(0);
        body.extend(value.1);
    }
    let mut doc = ((body.len() + 5) as i32).to_le_bytes().to_vec();
    doc.extend(body);
    doc.push(0);
    doc
}

enum Bson {
    Int(i32),
    Double(f64),
    Str(&'static str),
    Names(&'static [&'static str]),
}

/// A stand-in mongod: answers OP_MSG `hello`, `buildInfo` and `listDatabases` as a
/// server with or without authentication does, and closes on anything else.
async fn fake_mongod(auth: bool) -> u16 {
    let l = TcpListener::bind((LOCALHOST, 0)).await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            tokio::spawn(async move {
                loop {
                    let mut head = [0u8; 16];
                    if s.read_exact(&mut head).await.is_err() {
                        return;
                    }
                    let len = i32::from_le_bytes(head[0..4].try_into().unwrap());
                    let op = i32::from_le_bytes(head[12..16].try_into().unwrap());
                    if op != 2013 || !(21..=4096).contains(&len) {
                        return;
                    }
                    let mut rest = vec![0u8; len as usize - 16];
                    if s.read_exact(&mut rest).await.is_err() {
                        return;
                    }
                    let end = rest[10..].iter().position(|&c| c == 0).unwrap_or(0);
                    let command = String::from_utf8_lossy(&rest[10..10 + end]).into_owned();
                    let doc = match (command.as_str(), auth) {
                        ("hello", _) => bson(&[
                            ("isWritablePrimary", Bson::Int(1)),
                            ("maxWireVersion", Bson::Int(21)),
                            ("ok", Bson::Double(1.0)),
                        ]),
                        ("buildInfo", _) => {
                            bson(&[("version", Bson::Str("7.0.14")), ("ok", Bson::Double(1.0))])
                        }
                        ("listDatabases", false) => bson(&[
                            ("databases", Bson::Names(&["admin", "config", "local"])),
                            ("ok", Bson::Double(1.0)),
                        ]),
                        ("listDatabases", true) => bson(&[
                            ("ok", Bson::Double(0.0)),
                            (
                                "errmsg",
                                Bson::Str("command listDatabases requires authentication"),
                            ),
                            ("code", Bson::Int(13)),
                            ("codeName", Bson::Str("Unauthorized")),
                        ]),
                        _ => return,
                    };
                    let mut m = ((doc.len() + 21) as i32).to_le_bytes().to_vec();
                    m.extend_from_slice(&9i32.to_le_bytes());
                    m.extend_from_slice(&head[4..8]); // responseTo: the request's id
                    m.extend_from_slice(&2013i32.to_le_bytes());
                    m.extend_from_slice(&[0, 0, 0, 0, 0]);
                    m.extend(doc);
                    if s.write_all(&m).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mongodb_without_auth_is_found_out_read_only() {
    use portlore_judge::Finding;
    let params = Timing::Aggressive.params();
    for auth in [false, true] {
        let port = fake_mongod(auth).await;
        let s = identify(SocketAddr::new(LOCALHOST, port), None, &params).await;
        assert_eq!(
            (s.name.as_str(), s.product.as_deref(), s.version.as_deref()),
            ("mongodb", Some("MongoDB"), Some("7.0.14")),
            "{s:?}"
        );
        assert_eq!(s.cpe.as_deref(), Some("cpe:/a:mongodb:mongodb:7.0.14"));
        if auth {
            assert!(s.findings.is_empty(), "{s:?}");
            assert_eq!(s.info.as_deref(), Some("auth required"));
        } else {
            assert_eq!(s.findings, vec![Finding::NoAuth], "{s:?}");
        }
    }
}

/// A stand-in FTP server that greets, takes `USER anonymous` and any password, and quits.
async fn fake_ftp(anonymous: bool) -> u16 {
    let l = TcpListener::bind((LOCALHOST, 0)).await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            tokio::spawn(async move {
                if s.write_all(b"220 (vsFTPd 3.0.3)\r\n").await.is_err() {
                    return;
                }
                let mut buf = [0u8; 512];
                loop {
                    let n = s.read(&mut buf).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    let reply: &[u8] = match (&buf[..4], anonymous) {
                        (b"USER", _) => b"331 Please specify the password.\r\n",
                        (b"PASS", true) => b"230 Login successful.\r\n",
                        (b"PASS", false) => b"530 Login incorrect.\r\n",
                        (b"QUIT", _) => b"221 Goodbye.\r\n",
                        _ => b"500 Unknown command.\r\n",
                    };
                    if s.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

/// A stand-in Docker Engine API over plain HTTP: `/version` answers, the rest is 404.
async fn fake_docker() -> u16 {
    let l = TcpListener::bind((LOCALHOST, 0)).await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = l.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                let n = s.read(&mut buf).await.unwrap_or(0);
                let reply: &[u8] = if buf[..n].starts_with(b"GET /version ") {
                    b"HTTP/1.1 200 OK\r\nApi-Version: 1.45\r\nContent-Type: application/json\r\nServer: Docker/26.1.4 (linux)\r\n\r\n{\"Version\":\"26.1.4\",\"ApiVersion\":\"1.45\",\"Os\":\"linux\"}"
                } else if buf[..n].starts_with(b"GET ") {
                    b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nServer: Docker/26.1.4 (linux)\r\n\r\n{\"message\":\"page not found\"}"
                } else {
                    return;
                };
                let _ = s.write_all(reply).await;
            });
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_ftp_and_docker_without_tls_are_found_from_the_answers() {
    use portlore_judge::Finding;
    let params = Timing::Aggressive.params();
    for anonymous in [true, false] {
        let port = fake_ftp(anonymous).await;
        let s = identify(SocketAddr::new(LOCALHOST, port), None, &params).await;
        assert_eq!(s.name, "ftp", "{s:?}");
        let want: &[Finding] = if anonymous {
            &[Finding::AnonymousFtp]
        } else {
            &[]
        };
        assert_eq!(s.findings, want, "{s:?}");
    }
    let port = fake_docker().await;
    let s = identify(SocketAddr::new(LOCALHOST, port), None, &params).await;
    assert_eq!(
        (s.name.as_str(), s.version.as_deref()),
        ("docker", Some("26.1.4")),
        "{s:?}"
    );
    assert_eq!(s.findings, vec![Finding::DockerWithoutTls], "{s:?}");
}
