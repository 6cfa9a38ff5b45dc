//! How the lean `portlore` runs a heavy subcommand: it becomes `portlore-full`.

use std::process::ExitCode;

use crate::exit::{Code, Failure};

/// The file name of the binary that runs every subcommand.
pub const FULL: &str = "portlore-full";

/// Runs `portlore-full` from this binary's directory with this process's arguments
/// (replacing this process on Unix). Its only failure is that it cannot start.
pub fn hand_off() -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe()?;
    let full = exe.with_file_name(format!("{FULL}{}", std::env::consts::EXE_SUFFIX));
    let mut command = std::process::Command::new(&full);
    command.args(std::env::args_os().skip(1));
    let failed = |e: std::io::Error| {
        anyhow::Error::new(Failure::new(
            Code::Failed,
            format!(
                "this subcommand runs in {}, which cannot be started ({e}); install both \
                 binaries together (the .deb, or `cargo install --path crates/portlore` and \
                 `cargo install --path crates/portlore-full`), or build both with `cargo build`",
                full.display()
            ),
        ))
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        // Keep the name the user typed, so usage lines and errors say `portlore`.
        if let Some(name) = std::env::args_os().next() {
            command.arg0(name);
        }
        Err(failed(command.exec()))
    }
    #[cfg(not(unix))]
    {
        let status = command.status().map_err(failed)?;
        Ok(ExitCode::from(
            status
                .code()
                .map_or(crate::exit::ERROR, |c| c.clamp(0, 255) as u8),
        ))
    }
}
