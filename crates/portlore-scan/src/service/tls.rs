//! TLS: handshake with any certificate (a scanner reports certificates, it does not trust
//! them, and sends no secret), then report the version and the certificate's names.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use serde::Serialize;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::escape::escape_str;

/// What a TLS handshake revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlsInfo {
    /// `TLSv1.3` or `TLSv1.2`.
    pub version: String,
    /// The leaf certificate's subject, escaped.
    pub subject: Option<String>,
    /// Its issuer, escaped.
    pub issuer: Option<String>,
    /// The server name sent (SNI), when the target was named by a host name.
    pub sni: Option<String>,
    /// The application protocol the server chose from `h2` and `http/1.1` (ALPN).
    pub alpn: Option<String>,
}

#[derive(Debug)]
struct AcceptAny(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for AcceptAny {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        _: &[u8],
        _: &CertificateDer<'_>,
        _: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }
    fn verify_tls13_signature(
        &self,
        _: &[u8],
        _: &CertificateDer<'_>,
        _: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

fn config(alpn: &[&[u8]]) -> Arc<ClientConfig> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map(|b| {
            b.dangerous()
                .with_custom_certificate_verifier(Arc::new(AcceptAny(provider)))
                .with_no_client_auth()
        });
    let mut config = config.unwrap_or_else(|_| {
        // Unreachable with the bundled provider; keep a usable fallback anyway.
        ClientConfig::builder()
            .with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth()
    });
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Arc::new(config)
}

/// A connector offering `h2` and `http/1.1` (`offer_h2`), or `http/1.1` only, for a
/// connection that will carry an HTTP/1 request.
fn connector(offer_h2: bool) -> TlsConnector {
    static BOTH: OnceLock<Arc<ClientConfig>> = OnceLock::new();
    static HTTP1: OnceLock<Arc<ClientConfig>> = OnceLock::new();
    let config = if offer_h2 {
        BOTH.get_or_init(|| config(&[b"h2", b"http/1.1"]))
    } else {
        HTTP1.get_or_init(|| config(&[b"http/1.1"]))
    };
    TlsConnector::from(config.clone())
}

/// Handshakes over `stream`; `None` if the peer does not speak TLS 1.2 or 1.3.
pub async fn handshake(
    stream: TcpStream,
    addr: SocketAddr,
    host: Option<&str>,
    wait: Duration,
    offer_h2: bool,
) -> Option<(TlsStream<TcpStream>, TlsInfo)> {
    let sni = host.and_then(|h| ServerName::try_from(h.to_string()).ok());
    let sent = sni.as_ref().map(|_| host.unwrap_or_default().to_string());
    let name = sni.unwrap_or_else(|| ServerName::IpAddress(addr.ip().into()));
    let tls = tokio::time::timeout(wait, connector(offer_h2).connect(name, stream))
        .await
        .ok()?
        .ok()?;
    let (_, conn) = tls.get_ref();
    let version = match conn.protocol_version() {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3",
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2",
        _ => "TLS",
    }
    .to_string();
    let names = conn
        .peer_certificates()
        .and_then(|c| c.first())
        .and_then(|c| super::der::names(c.as_ref()));
    let info = TlsInfo {
        version,
        subject: names
            .as_ref()
            .map(|(s, _)| escape_str(s, 160))
            .filter(|s| !s.is_empty()),
        issuer: names
            .as_ref()
            .map(|(_, i)| escape_str(i, 160))
            .filter(|s| !s.is_empty()),
        sni: sent.map(|s| escape_str(&s, 100)),
        alpn: conn
            .alpn_protocol()
            .map(|p| crate::escape::escape_bytes(p, 20)),
    };
    Some((tls, info))
}
