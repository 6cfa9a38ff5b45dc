//! Commands that show what listens on a port, for the transports a page covers.

use crate::model::{CheckCommands, Transport};

/// Commands for `port` on each of `transports` (TCP first). macOS and Windows have no
/// SCTP or DCCP tools, so those transports add Linux and network commands only.
pub fn check_commands_for(port: u16, transports: &[Transport]) -> CheckCommands {
    let mut c = CheckCommands {
        linux: Vec::new(),
        macos: Vec::new(),
        windows: Vec::new(),
        network: Vec::new(),
        portlore: Vec::new(),
    };
    for t in transports {
        match t {
            Transport::Tcp => {
                c.linux.push(format!("sudo ss -tlnp 'sport = :{port}'"));
                c.linux
                    .push(format!("sudo lsof -nP -iTCP:{port} -sTCP:LISTEN"));
                c.macos
                    .push(format!("sudo lsof -nP -iTCP:{port} -sTCP:LISTEN"));
                c.windows
                    .push(format!("netstat -ano -p tcp | findstr :{port}"));
                c.windows.push(format!(
                    "Get-NetTCPConnection -LocalPort {port} -State Listen | Select-Object LocalAddress, OwningProcess"
                ));
                c.network.push(format!("nmap -sV -p {port} <target>"));
            }
            Transport::Udp => {
                c.linux.push(format!("sudo ss -ulnp 'sport = :{port}'"));
                c.macos.push(format!("sudo lsof -nP -iUDP:{port}"));
                c.windows
                    .push(format!("netstat -ano -p udp | findstr :{port}"));
                c.windows.push(format!(
                    "Get-NetUDPEndpoint -LocalPort {port} | Select-Object LocalAddress, OwningProcess"
                ));
                c.network.push(format!("sudo nmap -sU -p {port} <target>"));
            }
            Transport::Sctp => {
                c.linux
                    .push(format!("sudo ss --sctp -lnp 'sport = :{port}'"));
                c.network.push(format!("sudo nmap -sY -p {port} <target>"));
            }
            Transport::Dccp => {
                c.linux
                    .push(format!("sudo ss --dccp -lnp 'sport = :{port}'"));
            }
        }
    }
    if !c.windows.is_empty() {
        c.windows.push("tasklist /FI \"PID eq <PID>\"".to_string());
    }
    let suffix = match transports {
        [one] if *one != Transport::Tcp => format!("/{one}"),
        _ => String::new(),
    };
    c.portlore.push(format!("portlore who {port}{suffix}"));
    if transports.contains(&Transport::Tcp) {
        c.portlore.push(format!("portlore scan <target> -p {port}"));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_follow_the_transport() {
        let udp = check_commands_for(3147, &[Transport::Udp]);
        assert!(udp.linux.iter().all(|c| c.contains("-ulnp")), "{udp:?}");
        assert!(udp.network.iter().all(|c| c.contains("-sU")));
        assert_eq!(udp.portlore, ["portlore who 3147/udp"]);
        let sctp = check_commands_for(80, &[Transport::Sctp]);
        assert!(sctp.macos.is_empty() && sctp.windows.is_empty());
        assert!(sctp.linux[0].contains("--sctp"));
        let both = check_commands_for(53, &[Transport::Tcp, Transport::Udp]);
        assert!(both.linux.iter().any(|c| c.contains("-tlnp")));
        assert!(both.linux.iter().any(|c| c.contains("-ulnp")));
    }
}
