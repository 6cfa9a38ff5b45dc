//! Exit codes, documented in the man page and README.

use std::io;
use std::process::ExitCode;

/// Found, or done.
pub const OK: u8 = 0;
/// Nothing matched (no search hit, nothing listening).
pub const NOT_FOUND: u8 = 1;
/// Bad input, or an error.
pub const BAD_INPUT: u8 = 2;
/// An operational error (I/O, network, a corrupt store).
pub const ERROR: u8 = 2;

/// Reports bad input on one line and returns its exit code.
pub fn bad_input(message: &str) -> ExitCode {
    eprintln!("portlore: {message}");
    ExitCode::from(BAD_INPUT)
}

/// The result of printing: a closed pipe (`portlore 80 | head`) is success.
pub fn printed(result: io::Result<()>) -> anyhow::Result<ExitCode> {
    match result {
        Ok(()) => Ok(ExitCode::from(OK)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::from(OK)),
        Err(e) => Err(e.into()),
    }
}
