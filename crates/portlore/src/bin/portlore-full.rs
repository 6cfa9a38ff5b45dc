//! `portlore-full`: every `portlore` subcommand, in-process. `portlore` starts it for
//! `scan`, `serve`, `export` and `update`.

fn main() -> std::process::ExitCode {
    portlore::full()
}
