//! The subcommands that run in the lean binary, one module each: a `run` function taking
//! its `cli` arguments and returning the exit status. Printing happens only here, never
//! in the libraries.

pub mod local;
pub mod lookup;
pub mod search;
pub mod stats;
