//! End-to-end tests: one binary, one module per topic, each running the real `portlore`.

mod binaries;
mod conventions;
mod local;
mod lookup;
mod offline;
mod scan;
mod snapshots;
mod support;
mod update;
