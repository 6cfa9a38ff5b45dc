//! One module per subcommand. Each exposes an `Args` struct (clap) and a `run` function
//! returning the process exit code; printing happens only here, never in the libraries.

pub mod export;
pub mod local;
pub mod lookup;
pub mod scan;
pub mod search;
pub mod serve;
pub mod stats;
pub mod update;
