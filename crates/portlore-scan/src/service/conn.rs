//! Connections for identification: every read is capped in bytes and in wall time, so a
//! peer that floods, trickles or says nothing costs a bounded amount of memory and time.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout_at};

/// The most bytes kept from one answer.
pub const MAX_READ: usize = 16 * 1024;

/// After the first bytes arrive, the longest pause allowed before the reply is taken as
/// complete (callers pass less on fast links).
pub const MAX_SETTLE: Duration = Duration::from_millis(150);

/// How a read ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The peer closed the connection.
    Eof,
    /// The byte cap was reached.
    Cap,
    /// The time ran out (or the peer paused after answering).
    Time,
    /// A read failed (for example a reset).
    Error,
}

/// Connects within `wait`.
pub async fn connect_raw(addr: SocketAddr, wait: Duration) -> io::Result<TcpStream> {
    let stream = tokio::time::timeout(wait, TcpStream::connect(addr))
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "connect timed out"))??;
    let _ = stream.set_nodelay(true);
    let _ = stream.set_zero_linger();
    Ok(stream)
}

/// Reads until the peer closes, `MAX_READ` bytes arrive, `wait` passes with nothing, or
/// the reply pauses for a moment once started. `wait` is a total: a peer that trickles a
/// byte a second is cut off at the deadline, not kept alive by each byte.
pub async fn read_reply<S: AsyncRead + Unpin>(
    stream: &mut S,
    wait: Duration,
    settle: Duration,
) -> (Vec<u8>, End) {
    let deadline = Instant::now() + wait;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let until = if buf.is_empty() {
            deadline
        } else {
            deadline.min(Instant::now() + settle)
        };
        match timeout_at(until, stream.read(&mut chunk)).await {
            Err(_) => return (buf, End::Time),
            Ok(Ok(0)) => return (buf, End::Eof),
            Ok(Ok(n)) => {
                let room = MAX_READ - buf.len();
                buf.extend_from_slice(&chunk[..n.min(room)]);
                if buf.len() >= MAX_READ {
                    return (buf, End::Cap);
                }
            }
            Ok(Err(_)) => return (buf, End::Error),
        }
    }
}

/// Sends `payload` within `wait`.
pub async fn send<S: AsyncWrite + Unpin>(stream: &mut S, payload: &[u8], wait: Duration) -> bool {
    matches!(
        tokio::time::timeout(wait, stream.write_all(payload)).await,
        Ok(Ok(()))
    )
}
