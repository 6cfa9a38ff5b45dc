//! Sockets through netlink `sock_diag`, as `ss` reads them: one dump per transport and
//! family, filtered by state in the kernel.

use std::io;
use std::net::{IpAddr, SocketAddr};

use netlink_packet_core::{
    NLM_F_DUMP, NLM_F_REQUEST, NetlinkHeader, NetlinkMessage, NetlinkPayload,
};
use netlink_packet_sock_diag::SockDiagMessage;
use netlink_packet_sock_diag::constants::{AF_INET, AF_INET6, IPPROTO_TCP, IPPROTO_UDP};
use netlink_packet_sock_diag::inet::nlas::Nla;
use netlink_packet_sock_diag::inet::{ExtensionFlags, InetRequest, SocketId, StateFlags};
use netlink_sys::protocols::NETLINK_SOCK_DIAG;
use netlink_sys::{Socket as NlSocket, SocketAddr as NlAddr};

use super::RawSocket;
use crate::model::{Family, Proto, Request};

/// Kernel state numbers (include/net/tcp_states.h).
const TCP_LISTEN: u32 = 10;
const TCP_CLOSE: u32 = 7;

/// Large enough for the kernel's biggest dump batch (32 KiB) with room to spare.
const RECV_BUF: usize = 64 * 1024;

/// Every socket the request asks for, in kernel order.
pub(crate) fn dump(request: &Request) -> io::Result<Vec<RawSocket>> {
    let mut socket = NlSocket::new(NETLINK_SOCK_DIAG)?;
    socket.bind_auto()?;
    socket.connect(&NlAddr::new(0, 0))?;
    let mut out = Vec::new();
    let mut buf = Vec::with_capacity(RECV_BUF);
    for proto in [Proto::Tcp, Proto::Udp] {
        if !request.wants(proto) {
            continue;
        }
        let states = if request.all_states {
            StateFlags::all()
        } else {
            match proto {
                Proto::Tcp => StateFlags::from_bits_truncate(1 << TCP_LISTEN),
                // ss -l counts bound, unconnected UDP sockets (state CLOSE) as listening.
                Proto::Udp => StateFlags::from_bits_truncate(1 << TCP_CLOSE),
            }
        };
        for family in [Family::Ipv4, Family::Ipv6] {
            one_dump(
                &socket,
                &mut buf,
                proto,
                family,
                states.clone(),
                request,
                &mut out,
            )?;
        }
    }
    Ok(out)
}

fn one_dump(
    socket: &NlSocket,
    buf: &mut Vec<u8>,
    proto: Proto,
    family: Family,
    states: StateFlags,
    request: &Request,
    out: &mut Vec<RawSocket>,
) -> io::Result<()> {
    let mut header = NetlinkHeader::default();
    header.flags = NLM_F_REQUEST | NLM_F_DUMP;
    let mut packet = NetlinkMessage::new(
        header,
        SockDiagMessage::InetRequest(InetRequest {
            family: match family {
                Family::Ipv4 => AF_INET,
                Family::Ipv6 => AF_INET6,
            },
            protocol: match proto {
                Proto::Tcp => IPPROTO_TCP,
                Proto::Udp => IPPROTO_UDP,
            },
            extensions: ExtensionFlags::empty(),
            states,
            socket_id: match family {
                Family::Ipv4 => SocketId::new_v4(),
                Family::Ipv6 => SocketId::new_v6(),
            },
        })
        .into(),
    );
    packet.finalize();
    let mut wire = vec![0; packet.buffer_len()];
    packet.serialize(&mut wire);
    socket.send(&wire, 0)?;

    loop {
        buf.clear();
        let size = socket.recv(buf, 0)?;
        if size == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "netlink dump ended without DONE",
            ));
        }
        let mut offset = 0;
        while offset < buf.len() {
            let bytes = &buf[offset..];
            let message = NetlinkMessage::<SockDiagMessage>::deserialize(bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
            let length = message.header.length as usize;
            match message.payload {
                NetlinkPayload::Done(_) => return Ok(()),
                NetlinkPayload::Error(e) => {
                    return Err(e.to_io());
                }
                NetlinkPayload::InnerMessage(SockDiagMessage::InetResponse(response)) => {
                    let id = &response.header.socket_id;
                    if request.wants_port(id.source_port) {
                        let v6only = response.nlas.iter().find_map(|n| match n {
                            Nla::SkV6Only(v) => Some(*v),
                            _ => None,
                        });
                        out.push(raw(proto, family, &response.header, v6only));
                    }
                }
                _ => {}
            }
            if length == 0 {
                break;
            }
            // Messages are 4-byte aligned in the stream.
            offset += (length + 3) & !3;
        }
    }
}

fn raw(
    proto: Proto,
    family: Family,
    header: &netlink_packet_sock_diag::inet::InetResponseHeader,
    v6only: Option<bool>,
) -> RawSocket {
    let id = &header.socket_id;
    let remote = SocketAddr::new(id.destination_address, id.destination_port);
    let connected = id.destination_port != 0 || !unspecified(id.destination_address);
    RawSocket {
        proto,
        family,
        local: SocketAddr::new(id.source_address, id.source_port),
        remote: connected.then_some(remote),
        state: header.state,
        inode: u64::from(header.inode),
        uid: Some(header.uid),
        interface: id.interface_id,
        v6only: match family {
            Family::Ipv6 => v6only,
            Family::Ipv4 => None,
        },
    }
}

fn unspecified(ip: IpAddr) -> bool {
    ip.is_unspecified()
}
