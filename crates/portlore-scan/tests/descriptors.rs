//! Running out of descriptors is reported and worked around, never taken for a closed
//! port. One test per binary: it changes the process's open-file limit.

mod common;

use std::sync::{Arc, Mutex};

use common::*;
use portlore_scan::{Event, Observer, ScanError, scan};
use rustix::process::{Resource, getrlimit, setrlimit};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn emfile_backs_off_and_exhaustion_is_an_error() {
    let (_ls, open) = listeners(20).await;
    let mut ports = open.clone();
    ports.extend(free_ports(3000));
    let mut c = config(ports.clone());
    c.raise_nofile = false;
    let mut lim = getrlimit(Resource::Nofile);
    lim.current = Some(256);
    setrlimit(Resource::Nofile, lim).expect("lower the soft limit");

    // Under `ulimit -n 256`, a plain scan stays within the budget.
    let report = scan(&[target()], &c, None).await.expect("scan under 256");
    assert_eq!(report.hosts[0].open.len(), 20);
    assert!(report.stats.peak_in_flight < 256);

    // Steal descriptors once the budget is computed: the engine hits EMFILE.
    let hoard: Arc<Mutex<Vec<std::fs::File>>> = Arc::default();
    let warnings: Arc<Mutex<Vec<String>>> = Arc::default();
    let observer = {
        let hoard = hoard.clone();
        let warnings = warnings.clone();
        Arc::new(move |e: Event| match e {
            Event::Phase { name: "ports", .. } => {
                let mut h = hoard.lock().unwrap();
                while let Ok(f) = std::fs::File::open("/dev/null") {
                    h.push(f);
                }
                // Leave a few so the scan can go on, slowly.
                for _ in 0..12 {
                    h.pop();
                }
            }
            Event::Warning(w) => warnings.lock().unwrap().push(w),
            _ => {}
        }) as Observer
    };
    let report = scan(&[target()], &c, Some(observer))
        .await
        .expect("scan with EMFILE");
    hoard.lock().unwrap().clear();
    let h = &report.hosts[0];
    assert_eq!(h.open.len(), 20, "no open port lost to EMFILE");
    assert_eq!(h.closed.len(), 3000, "every closed port really closed");
    assert!(report.stats.resource_backoffs > 0);
    assert!(!warnings.lock().unwrap().is_empty());

    // No descriptor at all: an error, not a scan full of closed ports.
    let hog = {
        let hoard = hoard.clone();
        Arc::new(move |e: Event| {
            if let Event::Phase { name: "ports", .. } = e {
                let mut h = hoard.lock().unwrap();
                while let Ok(f) = std::fs::File::open("/dev/null") {
                    h.push(f);
                }
            }
        }) as Observer
    };
    let result = scan(&[target()], &c, Some(hog)).await;
    hoard.lock().unwrap().clear();
    assert!(
        matches!(result, Err(ScanError::DescriptorsExhausted(_))),
        "{result:?}"
    );
}
