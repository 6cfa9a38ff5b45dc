//! `portlore-full`: every `portlore` subcommand, in-process. The lean `portlore` starts it
//! for `scan`, `serve`, `export` and `update`; `cargo run` runs it directly.

mod cmd;

// The subcommands here report through the same exit codes, output and registry choice as
// the lean ones.
use portlore::{exit, output, registry};

fn main() -> std::process::ExitCode {
    portlore::main_with(cmd::run)
}
