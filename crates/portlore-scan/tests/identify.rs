//! The identification phase against real loopback listeners that never speak: it is
//! reported to the progress observer, it is concurrent, it keeps its overall deadline,
//! and every silent port says which probes it tried.

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use portlore_scan::service::Status;
use portlore_scan::{Event, Observer, Timing, scan};

/// The events seen: a phase name or "progress", with its count.
type Seen = Arc<Mutex<Vec<(String, u64)>>>;

fn recorder() -> (Seen, Observer) {
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let observer: Observer = Arc::new(move |e: Event| {
        let mut log = log.lock().expect("log");
        match e {
            Event::Phase { name, total } => log.push((format!("phase:{name}"), total)),
            Event::Progress { done, .. } => log.push(("progress".into(), done)),
            _ => {}
        }
    });
    (seen, observer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_ports_are_identified_at_once_with_the_probes_tried_and_shown_as_a_phase() {
    // The listeners never accept: the kernel completes each handshake from the backlog
    // and nothing is ever said, as with a client-speaks-first protocol nobody knows.
    let (_ls, open) = listeners(30).await;
    let mut c = config(open.clone());
    c.service = true;
    let (seen, observer) = recorder();
    let report = scan(&[target()], &c, Some(observer)).await.expect("scan");
    let h = &report.hosts[0];
    assert_eq!(h.open.len(), 30);
    for p in &h.open {
        let s = p.service.as_ref().expect("identified");
        assert_eq!(s.status, Status::Silent, "{}: {s:?}", p.port);
        assert!(
            s.summary().starts_with("silent (tried banner"),
            "{}",
            s.summary()
        );
        for probe in ["banner", "http", "tls", "redis", "postgresql"] {
            assert!(s.probes_tried.contains(&probe), "{probe} missing: {s:?}");
        }
    }
    // Thirty ports one after another would take thirty times one port's wait; at once,
    // the phase costs about one.
    let one_port = Timing::Aggressive.params().service_timeout;
    assert!(
        Duration::from_millis(report.stats.identify_ms) < one_port * 3,
        "identification of 30 silent ports took {} ms",
        report.stats.identify_ms
    );
    let log = seen.lock().expect("log");
    let phase = log
        .iter()
        .position(|(e, _)| e == "phase:identify")
        .expect("the identify phase is announced");
    assert_eq!(log[phase].1, 30, "its total is the open ports");
    assert_eq!(
        log[phase..].iter().filter(|(e, _)| e == "progress").count(),
        30,
        "one step per port"
    );
    assert_eq!(log.last(), Some(&("progress".to_string(), 30)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_identification_phase_keeps_its_overall_deadline() {
    let (_ls, open) = listeners(20).await;
    let mut c = config(open);
    c.service = true;
    c.identify_deadline = Some(Duration::from_millis(300));
    let started = Instant::now();
    let report = scan(&[target()], &c, None).await.expect("scan");
    let h = &report.hosts[0];
    assert_eq!(h.open.len(), 20);
    assert!(
        report.stats.identify_ms < 1_500,
        "a 300 ms deadline took {} ms",
        report.stats.identify_ms
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    for p in &h.open {
        let s = p.service.as_ref().expect("a verdict even when cut short");
        assert_eq!(s.status, Status::TimedOut, "{s:?}");
        assert!(!s.probes_tried.is_empty(), "{s:?}");
    }
}
