//! `--udp-probes` on loopback: an answering server is open, a closed port is closed.

mod common;

use common::*;
use portlore_scan::scan;
use tokio::net::UdpSocket;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn udp_answer_is_open_and_unreachable_is_closed() {
    let server = UdpSocket::bind((LOCALHOST, 0)).await.unwrap();
    let open = server.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut buf = [0u8; 512];
        while let Ok((_, from)) = server.recv_from(&mut buf).await {
            let _ = server.send_to(b"pong\x1b[0m", from).await;
        }
    });
    let closed = {
        let s = std::net::UdpSocket::bind((LOCALHOST, 0)).unwrap();
        s.local_addr().unwrap().port()
    };
    let mut c = config(vec![open, closed]);
    c.udp_probes = true;
    let report = scan(&[target()], &c, None).await.unwrap();
    let udp = &report.hosts[0].udp;
    let state = |p: u16| udp.iter().find(|r| r.port == p).map(|r| r.state);
    assert_eq!(state(open), Some("open"), "{udp:?}");
    assert_eq!(state(closed), Some("closed"), "{udp:?}");
    let answer = udp
        .iter()
        .find(|r| r.port == open)
        .unwrap()
        .answer
        .clone()
        .unwrap();
    assert_eq!(answer, "pong\\x1b[0m");
}
