//! Exit codes and the one error path: every failure of every subcommand reaches the user
//! through [`report`], which prints the whole cause chain (as text, or as one JSON object
//! on stderr under `--json`) and maps it to an exit status.

use std::io;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

/// Found, or done.
pub const OK: u8 = 0;
/// Nothing matched (no search hit, nothing listening).
pub const NOT_FOUND: u8 = 1;
/// Bad input, or an error.
pub const BAD_INPUT: u8 = 2;
/// An operational error (I/O, network, a corrupt store).
pub const ERROR: u8 = 2;

/// The "Exit status:" lines of every subcommand's `--help` (and the man pages'). README.md
/// repeats them; a test keeps the two in agreement.
pub mod status {
    /// `portlore QUERY` and `portlore lookup`.
    pub const LOOKUP: &str = "Exit status: 0 found, 1 a service name with no port (or no registry to look it up), 2 bad input or an error.";
    /// `portlore search`.
    pub const SEARCH: &str =
        "Exit status: 0 something matched, 1 nothing matched, 2 bad input or an error.";
    /// `portlore update`.
    pub const UPDATE: &str = "Exit status: 0 installed (or already up to date), 2 bad input, a file that is not an IANA registry, or an error; nothing is installed then.";
    /// `portlore stats`.
    pub const STATS: &str = "Exit status: 0 printed, 2 an error.";
    /// `portlore local`.
    pub const LOCAL: &str = "Rows that deserve a look come first, each with a one-line reason.\n\
Without root, other users' processes are hidden: their sockets say \"owner hidden\".\n\n\
Exit status: 0 listed (or nothing listening), 1 nothing matched the filters, 2 bad input or an error.";
    /// `portlore who`.
    pub const WHO: &str = "Exit status: 0 something listens, 1 nothing listens on the port here, 2 bad input or an error.";
    /// `portlore scan`.
    pub const SCAN: &str = "Scan only hosts and networks you are allowed to scan.\n\n\
Examples:\n  portlore scan 127.0.0.1\n  portlore scan -p 22,80,3000-3100 192.0.2.10\n  \
portlore scan -p- --timing aggressive localhost\n  portlore scan --top 100 --json 10.0.0.0/28\n  \
portlore scan -p 1-1024 -oX scan.xml host.example\n\n\
Exit status: 0 open ports found, 1 none found, 2 bad input or an error.";
    /// `portlore serve`.
    pub const SERVE: &str = "Exit status: 0 stopped by SIGINT or SIGTERM, 2 bad input or an error (such as an address in use).";
    /// `portlore export`.
    pub const EXPORT: &str = "Exit status: 0 written, 2 bad input or an error.";
    /// `portlore completions`.
    pub const COMPLETIONS: &str = "Exit status: 0 printed, 2 bad input.";
    /// `portlore man`.
    pub const MAN: &str = "Exit status: 0 printed, 2 an unknown subcommand.";
}

/// What kind of failure an error is: the stable `code` of a JSON error, and the exit
/// status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// The command line itself is wrong (clap's usage errors).
    Usage,
    /// An argument is not a valid port, range, service, target, file or setting.
    BadInput,
    /// Nothing matched.
    NotFound,
    /// A compiled store cannot be read or fails its checks.
    StoreUnreadable,
    /// A file handed over as a registry is not an IANA registry file.
    NotARegistry,
    /// A download failed, or the network is unreachable.
    Network,
    /// Reading or writing a file failed.
    Io,
    /// Anything else.
    Failed,
}

impl Code {
    /// The exit status for this kind of failure.
    pub fn exit(self) -> u8 {
        match self {
            Code::NotFound => NOT_FOUND,
            Code::Usage | Code::BadInput => BAD_INPUT,
            Code::StoreUnreadable
            | Code::NotARegistry
            | Code::Network
            | Code::Io
            | Code::Failed => ERROR,
        }
    }
}

/// An error that knows its [`Code`]; attach it anywhere in a cause chain (`bail!`, or
/// `.context(Failure::new(...))`) and [`report`] uses it.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// The kind of failure.
    pub code: Code,
    /// What went wrong, for a person.
    pub message: String,
}

impl Failure {
    /// A failure with a code and a message.
    pub fn new(code: Code, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }
}

static JSON_ERRORS: AtomicBool = AtomicBool::new(false);

/// Makes every later error a JSON object on stderr (set once the command asks for JSON).
pub fn set_json_errors(on: bool) {
    JSON_ERRORS.store(on, Ordering::Relaxed);
}

/// The code of an error: the first [`Failure`] in its chain, else what the chain holds.
pub fn classify(err: &anyhow::Error) -> Code {
    // `downcast_ref` on the error itself also sees a `Failure` attached as context at any
    // layer; the chain walk finds one that is a source.
    if let Some(f) = err
        .downcast_ref::<Failure>()
        .or_else(|| err.chain().find_map(|e| e.downcast_ref::<Failure>()))
    {
        return f.code;
    }
    for cause in err.chain() {
        if let Some(kb) = cause.downcast_ref::<portlore_kb::KbError>() {
            return match kb {
                portlore_kb::KbError::Registry { .. } | portlore_kb::KbError::Compile { .. } => {
                    Code::NotARegistry
                }
                portlore_kb::KbError::Read { .. } => Code::Io,
                portlore_kb::KbError::Store { .. } => Code::StoreUnreadable,
            };
        }
        if cause.downcast_ref::<portlore_kb::StoreError>().is_some() {
            return Code::StoreUnreadable;
        }
        if cause.downcast_ref::<portlore_iana::ParseError>().is_some() {
            return Code::NotARegistry;
        }
    }
    if err.chain().any(|e| e.downcast_ref::<io::Error>().is_some()) {
        return Code::Io;
    }
    Code::Failed
}

/// Prints an error with its whole cause chain and returns its exit status.
pub fn report(err: &anyhow::Error) -> ExitCode {
    let code = classify(err);
    let causes: Vec<String> = err.chain().map(ToString::to_string).collect();
    emit(code, &causes);
    ExitCode::from(code.exit())
}

/// Reports bad input (one message, no cause) and returns its exit status.
pub fn bad_input(message: &str) -> ExitCode {
    emit(Code::BadInput, &[message.to_string()]);
    ExitCode::from(BAD_INPUT)
}

/// A command's result, or its error reported: the end of every run.
pub fn finish(result: anyhow::Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|err| report(&err))
}

#[derive(Serialize)]
struct JsonError<'a> {
    error: JsonErrorBody<'a>,
}

#[derive(Serialize)]
struct JsonErrorBody<'a> {
    code: Code,
    message: &'a str,
    causes: &'a [String],
}

/// One line on stderr: `portlore: what: why: why` or a JSON object.
fn emit(code: Code, chain: &[String]) {
    let (message, causes) = chain
        .split_first()
        .map_or(("", &[][..]), |(m, c)| (m.as_str(), c));
    if JSON_ERRORS.load(Ordering::Relaxed) {
        let body = JsonError {
            error: JsonErrorBody {
                code,
                message,
                causes,
            },
        };
        if let Ok(text) = serde_json::to_string(&body) {
            eprintln!("{text}");
            return;
        }
    }
    eprintln!("portlore: {}", chain.join(": "));
}

/// The result of printing: a closed pipe (`portlore 80 | head`) is success.
pub fn printed(result: io::Result<()>) -> anyhow::Result<ExitCode> {
    match result {
        Ok(()) => Ok(ExitCode::from(OK)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::from(OK)),
        Err(e) => Err(e.into()),
    }
}

/// Reports a command-line error from clap: its own rendering as text, or a JSON object
/// with code `usage`. Help and version requests print normally and succeed.
pub fn usage(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let json = JSON_ERRORS.load(Ordering::Relaxed);
    let asked = matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if asked || !json {
        let _ = err.print();
        return ExitCode::from(if err.use_stderr() { BAD_INPUT } else { OK });
    }
    let rendered = err.render().to_string();
    let first = rendered
        .lines()
        .next()
        .unwrap_or("invalid command line")
        .trim_start_matches("error: ")
        .to_string();
    emit(Code::Usage, &[first]);
    ExitCode::from(BAD_INPUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_anywhere_in_the_chain_sets_the_code() {
        let err = anyhow::Error::new(Failure::new(
            Code::NotARegistry,
            "not an IANA registry file",
        ))
        .context("reading x.xml");
        assert_eq!(classify(&err), Code::NotARegistry);
        assert_eq!(Code::NotARegistry.exit(), 2);
        assert_eq!(Code::NotFound.exit(), 1);
    }

    #[test]
    fn a_failure_given_as_context_wins_over_its_cause() {
        let err = anyhow::Error::new(io::Error::other("connection refused"))
            .context(Failure::new(Code::Network, "cannot download"))
            .context("updating");
        assert_eq!(classify(&err), Code::Network);
    }

    #[test]
    fn io_errors_are_io() {
        let err = anyhow::Error::new(io::Error::other("disk")).context("writing");
        assert_eq!(classify(&err), Code::Io);
        assert_eq!(classify(&anyhow::anyhow!("x")), Code::Failed);
    }

    #[test]
    fn codes_are_snake_case_and_stable() {
        assert_eq!(
            serde_json::to_string(&Code::StoreUnreadable).unwrap(),
            "\"store_unreadable\""
        );
    }
}
