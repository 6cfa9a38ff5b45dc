//! The `--top N` order: which ports to scan first when not scanning all of them.
//!
//! How the order was chosen. portlore's question is "what is on this port, and should you
//! worry", so the list favours ports whose answer matters most to an administrator, in
//! this order of groups, each group ordered by how often we expect to meet it:
//!
//! 1. remote administration and the web (SSH, HTTP(S), Telnet, RDP, VNC, FTP);
//! 2. mail, names, directories and file sharing;
//! 3. databases, caches, brokers and control planes that must not face the internet,
//!    which are also the services the identification probes recognise;
//! 4. alternate HTTP and development-server ports;
//! 5. infrastructure, printing, chat and voice, remote management;
//! 6. ports remembered for old backdoors and worms, which a curious admin asks about.
//!
//! After the list come the remaining system ports (1-1023) in ascending order, then the
//! rest of 1024-65535 ascending, so `--top 65535` is every port. This is a judgement,
//! not a measurement of traffic: it was not derived from any other scanner's frequency
//! table. Change it by editing [`RANKED`]; the test below keeps it free of duplicates.

/// Hand-ranked ports, most useful first (see the module documentation).
pub const RANKED: &[u16] = &[
    // 1. remote administration and the web
    22, 80, 443, 21, 23, 3389, 5900, 8080, 8443, 2222, 5901, 992, 990, //
    // 2. mail, names, directories, files
    25, 587, 465, 110, 995, 143, 993, 53, 445, 139, 135, 111, 2049, 389, 636, 88, 464, 3268, 3269,
    873, 548, 69, 119, 563, 2525, //
    // 3. databases, caches, brokers, control planes
    3306, 5432, 6379, 27017, 1433, 1521, 11211, 9200, 9300, 5672, 5671, 15672, 1883, 8883, 4222,
    6222, 8222, 5984, 9042, 7000, 7001, 2379, 2380, 6443, 2375, 2376, 10250, 10255, 8500, 8300,
    9092, 2181, 28017, 27018, 6380, 26379, 50000, 1434, 3050, 5433, 8086, 9000, 61616, 5601, 8088,
    4369, 25672, 11214, 7474, 8529, 9160, 6000, //
    // 4. alternate HTTP and development servers
    8000, 8008, 8081, 8888, 3000, 5000, 8001, 9090, 9443, 8181, 4443, 8082, 8083, 8090, 8880, 8800,
    3001, 4200, 5173, 8899, 10000, 10443, 7443, 9091, 81, 591, 8010, 8444, //
    // 5. infrastructure, printing, chat, voice, management
    1080, 3128, 8118, 179, 1723, 5060, 5061, 631, 515, 9100, 554, 1935, 5985, 5986, 623, 161, 162,
    199, 1194, 500, 4500, 1701, 6667, 6697, 5222, 5269, 5353, 1900, 3478, 5349, 25565, 27015, 9418,
    3690, 1812, 49, 512, 513, 514, 79, 113, 7, 9, 13, 19, 37, 5555, 8291, 10001, 47808, 502, 102,
    20000, 44818, //
    // 6. remembered backdoor and worm ports
    31337, 12345, 12346, 27374, 1243, 6711, 3127, 2745, 5554, 9996, 1025, 4444, 6666, 6668, 6669,
    65000, 54320, 54321, 16959,
];

/// Every port 1-65535, most useful first: [`RANKED`], then the other system ports
/// ascending, then the rest ascending.
pub fn ranked() -> impl Iterator<Item = u16> {
    let mut seen = vec![false; 65536];
    let mut head = Vec::with_capacity(RANKED.len());
    for &p in RANKED {
        if !seen[usize::from(p)] {
            seen[usize::from(p)] = true;
            head.push(p);
        }
    }
    head.into_iter()
        .chain((1..=u16::MAX).filter(move |p| !seen[usize::from(*p)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_covers_every_port_once() {
        let all: Vec<u16> = ranked().collect();
        assert_eq!(all.len(), 65535);
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 65535);
        assert_eq!(&all[..3], &[22, 80, 443]);
    }
}
