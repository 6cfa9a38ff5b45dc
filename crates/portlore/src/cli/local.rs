//! `portlore local` and `portlore who`.

use portlore_local::Proto;

use super::{FormatArg, RegistryArg, TableFormatArg};
use crate::exit::status;

/// Arguments of `portlore local`.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = status::LOCAL)]
pub struct Args {
    /// Output format (JSON: schema portlore.local/1; CSV: a header row, then one row per
    /// socket).
    #[command(flatten)]
    pub format: TableFormatArg,
    /// Every state (established, time-wait, …), not only listening sockets.
    #[arg(long, short = 'a')]
    pub all: bool,
    /// Only this local port or inclusive range (3147, 3127-3198).
    #[arg(long, value_name = "PORT[-PORT]", value_parser = parse_port_range)]
    pub port: Option<(u16, u16)>,
    /// Only this transport.
    #[arg(long, value_name = "tcp|udp", value_parser = parse_proto)]
    pub proto: Option<Proto>,
    /// Only sockets held by this process (name substring or pid).
    #[arg(long, value_name = "NAME|PID")]
    pub process: Option<String>,
    /// Only sockets of this user (name or uid).
    #[arg(long, value_name = "USER|UID")]
    pub user: Option<String>,
    /// The registry that names the services.
    #[command(flatten)]
    pub registry: RegistryArg,
}

/// Arguments of `portlore who PORT`.
#[derive(Debug, Clone, clap::Args)]
pub struct WhoArgs {
    /// The port to look up on this machine (3147 or 3147/tcp).
    pub port: String,
    /// Output format (JSON: schema portlore.local/1).
    #[command(flatten)]
    pub format: FormatArg,
    /// Include connections, not only listeners.
    #[arg(long, short = 'a')]
    pub all: bool,
    /// The registry that names the services.
    #[command(flatten)]
    pub registry: RegistryArg,
}

/// `3147` or `3127-3198`.
pub fn parse_port_range(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("{text:?} is not a port (0-65535) or a range such as 3127-3198");
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    let a: u16 = a.trim().parse().map_err(|_| bad())?;
    let b: u16 = b.trim().parse().map_err(|_| bad())?;
    if a > b {
        return Err(bad());
    }
    Ok((a, b))
}

fn parse_proto(text: &str) -> Result<Proto, String> {
    text.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_and_ranges_parse() {
        assert_eq!(parse_port_range("3147"), Ok((3147, 3147)));
        assert_eq!(parse_port_range("3127-3198"), Ok((3127, 3198)));
        assert!(parse_port_range("3198-3127").is_err());
        assert!(parse_port_range("70000").is_err());
    }
}
