//! The TCP probe catalogue: what each probe sends, and which ports make it the likely
//! protocol. Every probe is read-only: a handshake, a version or capability question, or
//! a login attempt for a user that should not exist. None guesses a credential, writes,
//! or changes state on the target.

/// An active TCP probe, sent on its own connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Probe {
    /// `GET / HTTP/1.0`.
    Http,
    /// A TLS handshake with SNI and ALPN, then what the server says inside.
    Tls,
    /// Redis `PING` in RESP.
    Redis,
    /// A PostgreSQL v3 StartupMessage for a role that should not exist.
    Postgres,
    /// A MongoDB `hello` in OP_MSG.
    Mongo,
    /// The AMQP 0-9-1 protocol header.
    Amqp,
    /// An MQTT 3.1.1 CONNECT without credentials.
    Mqtt,
    /// memcached `version`.
    Memcached,
    /// Erlang port mapper `NAMES_REQ`.
    Epmd,
    /// Erlang distribution `send_name`: the node answers with a status and its name.
    ErlangDist,
    /// RDP: an X.224 connection request with an RDP negotiation request.
    Rdp,
    /// SMB2 NEGOTIATE only.
    Smb,
    /// LDAP search of the root DSE (anonymous, base scope).
    Ldap,
    /// DNS over TCP: `version.bind` TXT in the CHAOS class.
    DnsTcp,
    /// MSSQL TDS pre-login.
    Mssql,
    /// Oracle TNS connect with `(CONNECT_DATA=(COMMAND=version))`.
    OracleTns,
    /// Cassandra native protocol OPTIONS.
    Cassandra,
    /// Kafka ApiVersions v0.
    Kafka,
    /// ZooKeeper four-letter word `srvr`.
    Zookeeper,
    /// RTSP OPTIONS.
    Rtsp,
    /// SIP OPTIONS over TCP.
    Sip,
    /// X11 connection setup without authorisation.
    X11,
    /// Minecraft server list ping (handshake, then status request).
    Minecraft,
    /// Modbus/TCP Read Device Identification (function 43/14, basic objects).
    Modbus,
}

impl Probe {
    /// Probes tried on a silent port, in this order (the most common protocols first).
    /// Modbus is left out: it is sent only where the port suggests it, because
    /// industrial devices deserve care.
    pub const BLIND: [Probe; 23] = [
        Probe::Http,
        Probe::Tls,
        Probe::Redis,
        Probe::Postgres,
        Probe::Amqp,
        Probe::Mqtt,
        Probe::Mongo,
        Probe::Memcached,
        Probe::Epmd,
        Probe::ErlangDist,
        Probe::Rdp,
        Probe::Smb,
        Probe::Ldap,
        Probe::DnsTcp,
        Probe::Mssql,
        Probe::OracleTns,
        Probe::Cassandra,
        Probe::Kafka,
        Probe::Zookeeper,
        Probe::Rtsp,
        Probe::Sip,
        Probe::X11,
        Probe::Minecraft,
    ];

    /// Short name, used in evidence (`probe: redis`).
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
            Probe::ErlangDist => "erlang-dist",
            Probe::Rdp => "rdp",
            Probe::Smb => "smb",
            Probe::Ldap => "ldap",
            Probe::DnsTcp => "dns",
            Probe::Mssql => "mssql",
            Probe::OracleTns => "oracle-tns",
            Probe::Cassandra => "cassandra",
            Probe::Kafka => "kafka",
            Probe::Zookeeper => "zookeeper",
            Probe::Rtsp => "rtsp",
            Probe::Sip => "sip",
            Probe::X11 => "x11",
            Probe::Minecraft => "minecraft",
            Probe::Modbus => "modbus",
        }
    }

    /// The bytes sent (TLS is handled by rustls instead).
    pub fn payload(self, host: &str, port: u16) -> Vec<u8> {
        match self {
            Probe::Http | Probe::Tls => http_get(host, "/"),
            Probe::Redis => b"*1\r\n$4\r\nPING\r\n".to_vec(),
            Probe::Postgres => postgres_startup(),
            Probe::Mongo => mongo_hello(),
            Probe::Amqp => b"AMQP\x00\x00\x09\x01".to_vec(),
            Probe::Mqtt => mqtt_connect(),
            Probe::Memcached => b"version\r\n".to_vec(),
            Probe::Epmd => vec![0, 1, b'n'],
            Probe::ErlangDist => erlang_send_name(),
            Probe::Rdp => rdp_negotiation(),
            Probe::Smb => smb2_negotiate(),
            Probe::Ldap => ldap_root_dse(),
            Probe::DnsTcp => {
                let q = dns_version_bind();
                let mut m = (q.len() as u16).to_be_bytes().to_vec();
                m.extend(q);
                m
            }
            Probe::Mssql => mssql_prelogin(),
            Probe::OracleTns => oracle_tns_version(host, port),
            Probe::Cassandra => vec![0x04, 0, 0, 1, 0x05, 0, 0, 0, 0],
            Probe::Kafka => kafka_api_versions(),
            Probe::Zookeeper => b"srvr\n".to_vec(),
            Probe::Rtsp => format!(
                "OPTIONS rtsp://{host}:{port}/ RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: portlore-scan\r\n\r\n"
            )
            .into_bytes(),
            Probe::Sip => sip_options(host, port),
            Probe::X11 => vec![b'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            Probe::Minecraft => minecraft_ping(host, port),
            Probe::Modbus => vec![0x70, 0x6c, 0, 0, 0, 5, 0, 0x2b, 0x0e, 0x01, 0x00],
        }
    }
}

/// The likely protocol of a well-known port, tried first and alongside the banner wait.
pub fn hint(port: u16) -> Option<Probe> {
    Some(match port {
        80 | 81 | 591 | 2375 | 2379 | 2380 | 3000 | 5000 | 5984 | 8000 | 8008 | 8080 | 8081
        | 8088 | 8888 | 9000 | 9090 | 9100 | 9200 | 9300 | 631 | 10255 => Probe::Http,
        443 | 2376 | 4443 | 6443 | 8443 | 9443 | 10250 | 10443 | 465 | 636 | 993 | 995 | 8883
        | 5671 | 3269 => Probe::Tls,
        5432 | 5433 => Probe::Postgres,
        6379 | 6380 | 26379 => Probe::Redis,
        27017..=27019 => Probe::Mongo,
        5672 => Probe::Amqp,
        1883 => Probe::Mqtt,
        11211 => Probe::Memcached,
        4369 => Probe::Epmd,
        25672 | 25673 => Probe::ErlangDist,
        3389 => Probe::Rdp,
        445 | 139 => Probe::Smb,
        389 | 3268 => Probe::Ldap,
        53 => Probe::DnsTcp,
        1433 => Probe::Mssql,
        1521 | 1522 | 1526 => Probe::OracleTns,
        9042 => Probe::Cassandra,
        9092 | 9093 => Probe::Kafka,
        2181 => Probe::Zookeeper,
        554 | 8554 => Probe::Rtsp,
        5060 | 5061 => Probe::Sip,
        6000..=6009 => Probe::X11,
        25565 => Probe::Minecraft,
        502 | 5020 => Probe::Modbus,
        _ => return None,
    })
}

/// An HTTP/1.0 GET.
pub fn http_get(host: &str, path: &str) -> Vec<u8> {
    format!(
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: portlore-scan\r\nAccept: */*\r\n\r\n"
    )
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

/// Request ids of the MongoDB questions, echoed in each reply's `responseTo`.
pub const MONGO_HELLO: i32 = 1;
/// `buildInfo`: the server's version, answered before authentication.
pub const MONGO_BUILD_INFO: i32 = 2;
/// `listDatabases` (names only): refused unless anyone who connects may read.
pub const MONGO_LIST_DATABASES: i32 = 3;

fn mongo_hello() -> Vec<u8> {
    mongo_command(MONGO_HELLO, "hello", &[])
}

/// An OP_MSG running `{command: 1, flag: true…, $db: "admin"}` as request `id`. Only
/// read-only commands are sent.
pub fn mongo_command(id: i32, command: &str, flags: &[&str]) -> Vec<u8> {
    let mut doc = Vec::new();
    doc.push(0x10); // int32
    doc.extend_from_slice(command.as_bytes());
    doc.push(0);
    doc.extend_from_slice(&1i32.to_le_bytes());
    for f in flags {
        doc.push(0x08); // boolean
        doc.extend_from_slice(f.as_bytes());
        doc.extend_from_slice(&[0, 1]);
    }
    doc.push(0x02); // string
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
    msg.extend_from_slice(&id.to_le_bytes()); // request id
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

/// The flags a current Erlang node requires of a peer (OTP 25 and later refuse fewer):
/// extended references, fun tags, new fun tags, extended pids and ports, export pointer
/// tag, bit binaries, new floats, UTF-8 atoms, map tag, big creation, handshake 23.
const ERLANG_FLAGS: u32 =
    0x4 | 0x10 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800 | 0x1_0000 | 0x2_0000 | 0x4_0000 | 0x100_0000;

fn erlang_send_name() -> Vec<u8> {
    // Version 6 `send_name` (OTP 23 and later; OTP 25 refuses version 5): 'N', 64-bit
    // flags, creation, name length, name. Not a published node.
    let name = b"portlore_probe@localhost";
    let mut body = vec![b'N'];
    body.extend_from_slice(&u64::from(ERLANG_FLAGS).to_be_bytes());
    body.extend_from_slice(&0u32.to_be_bytes());
    body.extend_from_slice(&(name.len() as u16).to_be_bytes());
    body.extend_from_slice(name);
    let mut msg = (body.len() as u16).to_be_bytes().to_vec();
    msg.extend(body);
    msg
}

fn rdp_negotiation() -> Vec<u8> {
    // TPKT (19 bytes) + X.224 Connection Request + RDP_NEG_REQ asking for TLS or CredSSP.
    vec![
        0x03, 0x00, 0x00, 0x13, 0x0e, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x00,
        0x03, 0x00, 0x00, 0x00,
    ]
}

fn smb2_negotiate() -> Vec<u8> {
    let mut smb = Vec::new();
    smb.extend_from_slice(b"\xfeSMB");
    smb.extend_from_slice(&64u16.to_le_bytes()); // header size
    smb.extend_from_slice(&0u16.to_le_bytes()); // credit charge
    smb.extend_from_slice(&0u32.to_le_bytes()); // status
    smb.extend_from_slice(&0u16.to_le_bytes()); // NEGOTIATE
    smb.extend_from_slice(&1u16.to_le_bytes()); // credits requested
    smb.extend_from_slice(&0u32.to_le_bytes()); // flags
    smb.extend_from_slice(&0u32.to_le_bytes()); // next command
    smb.extend_from_slice(&0u64.to_le_bytes()); // message id
    smb.extend_from_slice(&0u32.to_le_bytes()); // reserved
    smb.extend_from_slice(&0u32.to_le_bytes()); // tree id
    smb.extend_from_slice(&0u64.to_le_bytes()); // session id
    smb.extend_from_slice(&[0u8; 16]); // signature
    let dialects: [u16; 4] = [0x0202, 0x0210, 0x0300, 0x0302];
    smb.extend_from_slice(&36u16.to_le_bytes());
    smb.extend_from_slice(&(dialects.len() as u16).to_le_bytes());
    smb.extend_from_slice(&1u16.to_le_bytes()); // signing enabled
    smb.extend_from_slice(&0u16.to_le_bytes());
    smb.extend_from_slice(&0u32.to_le_bytes()); // capabilities
    smb.extend_from_slice(b"portlore-probe\0\0"); // client GUID
    smb.extend_from_slice(&0u64.to_le_bytes()); // start time
    for d in dialects {
        smb.extend_from_slice(&d.to_le_bytes());
    }
    let mut msg = vec![0];
    msg.extend_from_slice(&(smb.len() as u32).to_be_bytes()[1..]);
    msg.extend(smb);
    msg
}

/// BER: a tag, a definite length, the content.
fn ber(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        out.push(0x82);
        out.extend_from_slice(&(n as u16).to_be_bytes());
    }
    out.extend_from_slice(content);
    out
}

fn ldap_root_dse() -> Vec<u8> {
    let mut req = Vec::new();
    req.extend(ber(0x04, b"")); // base object: the root DSE
    req.extend(ber(0x0a, &[0])); // scope: base
    req.extend(ber(0x0a, &[0])); // never dereference aliases
    req.extend(ber(0x02, &[0])); // no size limit
    req.extend(ber(0x02, &[5])); // 5 s time limit
    req.extend(ber(0x01, &[0])); // types and values
    req.extend(ber(0x87, b"objectClass")); // filter: present
    let mut attrs = Vec::new();
    for a in [
        "vendorName",
        "vendorVersion",
        "namingContexts",
        "supportedLDAPVersion",
        "dnsHostName",
    ] {
        attrs.extend(ber(0x04, a.as_bytes()));
    }
    req.extend(ber(0x30, &attrs));
    let mut msg = ber(0x02, &[1]); // message id 1
    msg.extend(ber(0x63, &req)); // SearchRequest
    ber(0x30, &msg)
}

/// A DNS query for `version.bind` TXT CH (no TCP length prefix).
pub fn dns_version_bind() -> Vec<u8> {
    let mut q = vec![0x70, 0x6c, 0x00, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in ["version", "bind"] {
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.push(0);
    q.extend_from_slice(&[0, 16, 0, 3]); // TXT, CHAOS
    q
}

fn mssql_prelogin() -> Vec<u8> {
    // Options: VERSION (6 bytes), ENCRYPTION (1), INSTOPT (1), THREADID (4), terminator.
    let options: [(u8, &[u8]); 4] = [
        (0, &[0, 0, 0, 0, 0, 0]),
        (1, &[2]), // encryption not supported by the client: no TLS needed to answer
        (2, &[0]),
        (3, &[0, 0, 0, 0]),
    ];
    let table_len = options.len() * 5 + 1;
    let mut table = Vec::new();
    let mut data = Vec::new();
    for (token, value) in options {
        table.push(token);
        table.extend_from_slice(&((table_len + data.len()) as u16).to_be_bytes());
        table.extend_from_slice(&(value.len() as u16).to_be_bytes());
        data.extend_from_slice(value);
    }
    table.push(0xff);
    table.extend(data);
    let mut msg = vec![0x12, 0x01];
    msg.extend_from_slice(&((table.len() + 8) as u16).to_be_bytes());
    msg.extend_from_slice(&[0, 0, 0, 0]);
    msg.extend(table);
    msg
}

fn oracle_tns_version(host: &str, port: u16) -> Vec<u8> {
    let data = format!(
        "(DESCRIPTION=(CONNECT_DATA=(COMMAND=version)(CID=(PROGRAM=portlore)(HOST={host})))(ADDRESS=(PROTOCOL=TCP)(PORT={port})))"
    );
    let data = data.as_bytes();
    let offset = 58u16;
    let total = offset as usize + data.len();
    let mut m = Vec::with_capacity(total);
    m.extend_from_slice(&(total as u16).to_be_bytes());
    m.extend_from_slice(&[0, 0, 1, 0, 0, 0]); // checksum, CONNECT, reserved, header checksum
    m.extend_from_slice(&0x013au16.to_be_bytes()); // version 314
    m.extend_from_slice(&0x012cu16.to_be_bytes()); // lowest compatible 300
    m.extend_from_slice(&0u16.to_be_bytes()); // service options
    m.extend_from_slice(&0x0800u16.to_be_bytes()); // SDU
    m.extend_from_slice(&0x7fffu16.to_be_bytes()); // TDU
    m.extend_from_slice(&0x4f98u16.to_be_bytes()); // protocol characteristics
    m.extend_from_slice(&0u16.to_be_bytes()); // line turnaround
    m.extend_from_slice(&1u16.to_be_bytes()); // value of 1 in hardware
    m.extend_from_slice(&(data.len() as u16).to_be_bytes());
    m.extend_from_slice(&offset.to_be_bytes());
    m.extend_from_slice(&0u32.to_be_bytes()); // max receivable data
    m.extend_from_slice(&[0x41, 0x41]); // connect flags
    m.resize(offset as usize, 0);
    m.extend_from_slice(data);
    m
}

fn kafka_api_versions() -> Vec<u8> {
    let client = b"portlore";
    let mut body = Vec::new();
    body.extend_from_slice(&18u16.to_be_bytes()); // ApiVersions
    body.extend_from_slice(&0u16.to_be_bytes()); // version 0
    body.extend_from_slice(&KAFKA_CORRELATION.to_be_bytes());
    body.extend_from_slice(&(client.len() as u16).to_be_bytes());
    body.extend_from_slice(client);
    let mut msg = (body.len() as u32).to_be_bytes().to_vec();
    msg.extend(body);
    msg
}

/// The correlation id of our Kafka request, echoed by a broker.
pub const KAFKA_CORRELATION: u32 = 0x706c_0001;

fn sip_options(host: &str, port: u16) -> Vec<u8> {
    format!(
        "OPTIONS sip:{host}:{port} SIP/2.0\r\nVia: SIP/2.0/TCP portlore.invalid;branch=z9hG4bKportlore1\r\nMax-Forwards: 0\r\nFrom: <sip:probe@portlore.invalid>;tag=portlore\r\nTo: <sip:{host}:{port}>\r\nCall-ID: portlore-probe@portlore.invalid\r\nCSeq: 1 OPTIONS\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n"
    )
    .into_bytes()
}

fn varint(mut v: u32, out: &mut Vec<u8>) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn minecraft_ping(host: &str, port: u16) -> Vec<u8> {
    let mut hs = vec![0x00];
    varint(765, &mut hs); // a recent protocol number; servers answer status for any
    varint(host.len() as u32, &mut hs);
    hs.extend_from_slice(host.as_bytes());
    hs.extend_from_slice(&port.to_be_bytes());
    hs.push(1); // next state: status
    let mut msg = Vec::new();
    varint(hs.len() as u32, &mut msg);
    msg.extend(hs);
    msg.extend_from_slice(&[1, 0]); // status request
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_well_formed() {
        let pg = Probe::Postgres.payload("h", 1);
        assert_eq!(
            u32::from_be_bytes([pg[0], pg[1], pg[2], pg[3]]) as usize,
            pg.len()
        );
        let m = Probe::Mongo.payload("h", 1);
        assert_eq!(
            i32::from_le_bytes([m[0], m[1], m[2], m[3]]) as usize,
            m.len()
        );
        let q = Probe::Mqtt.payload("h", 1);
        assert_eq!(q[1] as usize + 2, q.len());
        let e = Probe::ErlangDist.payload("h", 1);
        assert_eq!(u16::from_be_bytes([e[0], e[1]]) as usize + 2, e.len());
        let r = Probe::Rdp.payload("h", 1);
        assert_eq!(u16::from_be_bytes([r[2], r[3]]) as usize, r.len());
        let s = Probe::Smb.payload("h", 1);
        assert_eq!(
            u32::from_be_bytes([0, s[1], s[2], s[3]]) as usize + 4,
            s.len()
        );
        let l = Probe::Ldap.payload("h", 1);
        assert_eq!(l[1] as usize + 2, l.len());
        let d = Probe::DnsTcp.payload("h", 1);
        assert_eq!(u16::from_be_bytes([d[0], d[1]]) as usize + 2, d.len());
        let t = Probe::Mssql.payload("h", 1);
        assert_eq!(u16::from_be_bytes([t[2], t[3]]) as usize, t.len());
        let o = Probe::OracleTns.payload("h", 1521);
        assert_eq!(u16::from_be_bytes([o[0], o[1]]) as usize, o.len());
        let k = Probe::Kafka.payload("h", 1);
        assert_eq!(
            u32::from_be_bytes([k[0], k[1], k[2], k[3]]) as usize + 4,
            k.len()
        );
        let mc = Probe::Minecraft.payload("h", 25565);
        assert_eq!(mc[0] as usize + 1 + 2, mc.len());
        let mb = Probe::Modbus.payload("h", 502);
        assert_eq!(u16::from_be_bytes([mb[4], mb[5]]) as usize + 6, mb.len());
    }

    #[test]
    fn blind_probes_are_distinct_and_exclude_modbus() {
        let mut names: Vec<&str> = Probe::BLIND.iter().map(|p| p.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Probe::BLIND.len());
        assert!(!Probe::BLIND.contains(&Probe::Modbus));
        assert_eq!(hint(502), Some(Probe::Modbus));
        assert_eq!(hint(25672), Some(Probe::ErlangDist));
    }
}
