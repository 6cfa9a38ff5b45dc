//! `portlore`: lookups, search and the local audit in-process; `scan`, `serve`, `export`
//! and `update` run in `portlore-full` (see the library's documentation).

fn main() -> std::process::ExitCode {
    portlore::main_with(|_| portlore::handoff::hand_off())
}
